// Runs a TypeScript entry of this repository (the CLI, `npm run api`) from one bundled JavaScript file kept in
// node_modules/.cache/platform-console, made with esbuild the first time and again whenever a file it was made from
// changed. A process that loads the TypeScript through tsx's loader spends most of its start-up there (0.7 s for the
// CLI's `--help`, 2.7 s before the API listens); from the bundle it is 0.3 s and 1.3 s. Nothing to build by hand.
//
//   const { run } = await importBundled('src/cli/main.ts', 'cli');
//
// Fresh means: the same esbuild, the same build options and the same files, each with the modification time and size
// it had when the bundle was made (a manifest beside the bundle lists them). Packages are not bundled (they are imported from node_modules
// as before). A file changed while a bundle was being made (or up to 2 s before: file systems with coarse times) leaves
// no manifest of its own, so the next start builds again.
// Several processes may build at once: each writes a bundle of its own, and the manifest (renamed into place)
// names the current one.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository's root. */
export const ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
/** Where the bundles are kept. */
export const CACHE = join(ROOT, 'node_modules', '.cache', 'platform-console');

/**
 * How bundles are made, beside the entry and the paths (kept in the manifest: a bundle made with other options is not
 * fresh).
 */
const OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
};
const OPTIONS_KEY = JSON.stringify(OPTIONS);

/**
 * A file whose modification time is this close to a build's start may have changed during the build: file systems
 * keep times to the second or, FAT's, to two seconds, so an edit made while the build ran can carry an earlier time
 * than its start. Such a build leaves no manifest (the next start builds again).
 */
const TIME_GRAIN_MS = 2_000;

/** The manifest of `name`'s bundle if every file in it is as it was, else undefined. */
function freshManifest({ root, cache }, name, esbuildVersion) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, `${name}.json`), 'utf8'));
    statSync(join(cache, String(manifest.bundle)));
  } catch {
    return undefined;
  }
  if (
    manifest.esbuild !== esbuildVersion ||
    manifest.options !== OPTIONS_KEY ||
    typeof manifest.inputs !== 'object'
  )
    return undefined;
  for (const [file, [mtimeMs, size]] of Object.entries(manifest.inputs)) {
    try {
      const stat = statSync(join(root, file));
      if (stat.mtimeMs !== mtimeMs || stat.size !== size) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest;
}

/** Bundles `entry` into the cache as `name`.mjs (with its source map) and writes its manifest. */
async function buildBundle(esbuild, { root, cache }, entry, name) {
  const started = Date.now();
  const build = `${process.pid}-${started.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const result = await esbuild.build({
    ...OPTIONS,
    entryPoints: [join(root, entry)],
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    // A name of this build's own: a build of other sources running at the same time never overwrites it.
    outfile: join(cache, `${name}-${build}.mjs`),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  // esbuild's service process is not needed again (the server would keep it for its whole life).
  await esbuild.stop?.();
  const inputs = {};
  let changedMeanwhile = false;
  for (const file of [
    ...Object.keys(result.metafile.inputs),
    'tsconfig.json',
  ]) {
    const stat = statSync(join(root, file));
    if (stat.mtimeMs >= started - TIME_GRAIN_MS) changedMeanwhile = true;
    inputs[file] = [stat.mtimeMs, stat.size];
  }
  mkdirSync(cache, { recursive: true });
  const manifest = join(cache, `${name}.json`);
  const temporary = `.${build}.tmp`;
  // The bundle and its map (files of this build's own), then the manifest that names them fresh: its rename is the
  // one step that makes a build current.
  for (const file of result.outputFiles)
    writeFileSync(file.path, file.contents);
  const bundle = `${name}-${build}.mjs`;
  if (!changedMeanwhile) {
    writeFileSync(
      manifest + temporary,
      JSON.stringify({
        esbuild: esbuild.version,
        options: OPTIONS_KEY,
        entry,
        bundle,
        inputs,
      }),
    );
    renameSync(manifest + temporary, manifest);
  }
  // Else none: a manifest already there names files as they were when it was made, so one that predates the change
  // is stale by its own times, and one another build wrote after the change is right.
  // Bundles of earlier builds go once they are a while old (a process that started from one has loaded it).
  for (const file of readdirSync(cache)) {
    if (!file.startsWith(`${name}-`) || file.startsWith(bundle)) continue;
    try {
      if (Date.now() - statSync(join(cache, file)).mtimeMs > 10 * 60_000)
        rmSync(join(cache, file), { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
  return bundle;
}

/**
 * The module of the TypeScript file `entry` (relative to the repository's root), run from its cached bundle `name`,
 * made first when missing or stale. Error stacks name the TypeScript files (source maps on). `where` is for tests:
 * another root (with its tsconfig.json) and cache folder.
 */
export async function importBundled(
  entry,
  name,
  where = { root: ROOT, cache: CACHE },
) {
  // esbuild's own module takes 0.1 s to load: only a build needs it (its version is in its package.json).
  const require = createRequire(import.meta.url);
  const version = require('esbuild/package.json').version;
  const manifest = freshManifest(where, name, version);
  if (
    manifest &&
    manifest.entry === entry &&
    typeof manifest.bundle === 'string'
  ) {
    process.setSourceMapsEnabled(true);
    return import(pathToFileURL(join(where.cache, manifest.bundle)).href);
  }
  let bundle;
  try {
    bundle = await buildBundle(await import('esbuild'), where, entry, name);
  } catch (error) {
    // A cache that cannot be written (a read-only checkout): the TypeScript through tsx's loader, as before.
    if (!['EACCES', 'EROFS', 'EPERM'].includes(error?.code)) throw error;
    const { register } = await import('tsx/esm/api');
    register({ tsconfig: join(where.root, 'tsconfig.json') });
    return import(pathToFileURL(join(where.root, entry)).href);
  }
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(join(where.cache, bundle)).href);
}
