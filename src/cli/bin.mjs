#!/usr/bin/env node
// The `platform-console` bin: runs the TypeScript CLI (src/cli/main.ts) from a bundle made and kept fresh by
// bundle-cache.mjs (no build step to run by hand).
import { importBundled } from './bundle-cache.mjs';

const { run } = await importBundled('src/cli/main.ts', 'cli');
const result = await run(process.argv.slice(2));
if (result.out) process.stdout.write(`${result.out}\n`);
if (result.err) process.stderr.write(`${result.err}\n`);
process.exitCode = result.code;
