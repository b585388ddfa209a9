/**
 * The command line of a browser bench run by run.mjs (`tsx e2e/bench/<name> <out.json> <dist>`): checks its two
 * arguments and, when the bench throws, writes `{status: 'error', error}` to the output file for run.mjs to report.
 */
import { writeFileSync } from 'node:fs';

export function runBench(
  name: string,
  main: (outFile: string, dist: string) => Promise<void>,
): void {
  const [outFile, dist] = process.argv.slice(2);
  if (!outFile || !dist) {
    console.error(`usage: tsx e2e/bench/${name} <out.json> <dist>`);
    process.exit(2);
  }
  main(outFile, dist).catch((error: unknown) => {
    writeFileSync(
      outFile,
      JSON.stringify({
        status: 'error',
        error:
          error instanceof Error
            ? (error.stack ?? error.message)
            : String(error),
      }),
    );
  });
}
