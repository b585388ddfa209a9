/**
 * The command line of a bench run by run.mjs (`tsx e2e/bench/<name> <out.json> [<dist>]`): checks its arguments
 * and, when the bench throws, writes `{status: 'error', error}` to the output file for run.mjs to report (run.mjs
 * reads the file, not the exit code).
 */
import { writeFileSync } from 'node:fs';

/** How a bench's command line differs from `<out.json> <dist>`. */
export interface BenchCommandLine {
  /** Whether `<dist>` (the build the bench serves) follows `<out.json>`; true unless said. */
  dist?: boolean;
  /** The output file when none is given (a bench also run by hand); without it `<out.json>` is required. */
  defaultOutFile?: string;
  /**
   * Exit (code 1) once the failure is written: for a bench whose failure can leave child processes or handles
   * that would keep it running (api-bench.ts's servers).
   */
  exitOnError?: boolean;
}

/** Runs `main` with the output file and the build (`''` without `<dist>`); a failure is written, never thrown. */
export function runBench(
  name: string,
  main: (outFile: string, dist: string) => Promise<void>,
  commandLine: BenchCommandLine = {},
): void {
  const needsDist = commandLine.dist ?? true;
  const [outArg, distArg] = process.argv.slice(2);
  const outFile = outArg ?? commandLine.defaultOutFile;
  if (!outFile || (needsDist && !distArg)) {
    const out = commandLine.defaultOutFile ? '[<out.json>]' : '<out.json>';
    console.error(
      `usage: tsx e2e/bench/${name} ${out}${needsDist ? ' <dist>' : ''}`,
    );
    process.exit(2);
  }
  main(outFile, distArg ?? '').catch((error: unknown) => {
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
    if (commandLine.exitOnError) process.exit(1);
  });
}
