// The launcher of the CLI and `npm run api` (src/cli/bundle-cache.mjs): a TypeScript entry is run from a bundle kept
// in a cache folder, made again when a file it was made from changes, and never marked fresh when a file changed
// while it was being made. Run on a small project of its own in a temporary folder, with the real esbuild.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importBundled } from '../src/cli/bundle-cache.mjs';

const root = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
const cache = join(root, 'cache');
const where = { root, cache };
const manifest = join(cache, 'tool.json');
/** The bundle the manifest names current (the last one built when there is no manifest). */
let lastBundle = '';
const bundle = () => {
  if (existsSync(manifest))
    lastBundle = join(
      cache,
      (JSON.parse(readFileSync(manifest, 'utf8')) as { bundle: string }).bundle,
    );
  else
    lastBundle = join(
      cache,
      readdirSync(cache)
        .filter((f) => f.endsWith('.mjs'))
        .sort(
          (a, b) =>
            statSync(join(cache, b)).mtimeMs - statSync(join(cache, a)).mtimeMs,
        )[0],
    );
  return lastBundle;
};

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file of the small project with a modification time in the past (`secondsAgo`). */
function write(file: string, text: string, secondsAgo = 60): void {
  writeFileSync(join(root, file), text);
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(join(root, file), at, at);
}

/** The bundle's `value` as a new process would see it (a query string passes the module cache). */
async function valueNow(): Promise<unknown> {
  const module = (await import(pathToFileURL(bundle()).href)) as {
    value: unknown;
  };
  return module.value;
}

describe('a TypeScript entry run from a cached bundle', () => {
  mkdirSync(join(root, 'lib'));
  write('tsconfig.json', '{"compilerOptions":{"strict":true}}');
  write('entry.ts', "export { value } from './lib/dep';\n");
  write('lib/dep.ts', 'export const value: number = 1;\n');

  it('builds it the first time and lists what it was made from', async () => {
    const module = (await importBundled('entry.ts', 'tool', where)) as {
      value: number;
    };
    expect(module.value).toBe(1);
    const made = JSON.parse(readFileSync(manifest, 'utf8')) as {
      entry: string;
      inputs: Record<string, [number, number]>;
    };
    expect(made.entry).toBe('entry.ts');
    expect(Object.keys(made.inputs).sort()).toEqual([
      'entry.ts',
      'lib/dep.ts',
      'tsconfig.json',
    ]);
    expect(readFileSync(`${bundle()}.map`, 'utf8')).toContain('lib/dep.ts');
  });

  it('reuses the bundle while nothing changed', async () => {
    const before = bundle();
    await importBundled('entry.ts', 'tool', where);
    expect(bundle()).toBe(before);
  });

  it('builds again when a file it was made from changed', async () => {
    write('lib/dep.ts', 'export const value: number = 2;\n', 30);
    await importBundled('entry.ts', 'tool', where);
    expect(await valueNow()).toBe(2);
  });

  /** How many bundles were built so far (each build writes one of its own). */
  const builds = () =>
    readdirSync(cache).filter((f) => f.endsWith('.mjs')).length;
  type Built = { value: unknown };

  it('does not call a bundle fresh when a file changed while it was made, so the next start builds again', async () => {
    // A modification time after the build started: as if saved during it.
    const later = Date.now() / 1000 + 3600;
    writeFileSync(join(root, 'lib/dep.ts'), 'export const value = 3;\n');
    utimesSync(join(root, 'lib/dep.ts'), later, later);
    const made = (await importBundled('entry.ts', 'tool', where)) as Built;
    expect(made.value).toBe(3);
    // Nothing changed since, yet the next start builds again: no bundle was called fresh.
    const before = builds();
    await importBundled('entry.ts', 'tool', where);
    expect(builds()).toBe(before + 1);

    write('lib/dep.ts', 'export const value = 4;\n', 10);
    await importBundled('entry.ts', 'tool', where);
    expect(await valueNow()).toBe(4);
    // Now fresh: the next start reuses it.
    const settled = builds();
    await importBundled('entry.ts', 'tool', where);
    expect(builds()).toBe(settled);
  });

  it('does not call a bundle fresh when a file changed just before it was made (timestamps may be whole seconds)', async () => {
    // Saved a second before the build: on a file system that keeps whole seconds, an edit during the build looks so.
    write('lib/dep.ts', 'export const value = 5;\n', 1);
    const made = (await importBundled('entry.ts', 'tool', where)) as Built;
    expect(made.value).toBe(5);
    const before = builds();
    await importBundled('entry.ts', 'tool', where);
    expect(builds()).toBe(before + 1);

    write('lib/dep.ts', 'export const value = 5;\n', 10);
    await importBundled('entry.ts', 'tool', where);
    const settled = builds();
    await importBundled('entry.ts', 'tool', where);
    expect(builds()).toBe(settled);
  });

  it('builds again when the bundle was made with other build options', async () => {
    const made = JSON.parse(readFileSync(manifest, 'utf8')) as {
      options: string;
    };
    expect(JSON.parse(made.options)).toMatchObject({ platform: 'node' });
    writeFileSync(
      manifest,
      JSON.stringify({ ...made, options: '{"platform":"browser"}' }),
    );
    const before = builds();
    const rebuilt = (await importBundled('entry.ts', 'tool', where)) as Built;
    expect(builds()).toBe(before + 1);
    expect(rebuilt.value).toBe(5);
    expect(
      JSON.parse(
        (JSON.parse(readFileSync(manifest, 'utf8')) as { options: string })
          .options,
      ),
    ).toMatchObject({ platform: 'node' });
  });

  it('refuses a file that does not compile, naming it and the line', async () => {
    write('lib/dep.ts', 'export const value = ;\n', 5);
    await expect(importBundled('entry.ts', 'tool', where)).rejects.toThrow(
      /lib\/dep\.ts:1/,
    );
  });
});
