#!/usr/bin/env node
// The `platform-console` bin: runs the TypeScript CLI (src/cli/main.ts) through tsx, no build step.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
register({ tsconfig: join(root, 'tsconfig.json') });
const { run } = await import('./main.ts');
const result = await run(process.argv.slice(2));
if (result.out) process.stdout.write(`${result.out}\n`);
if (result.err) process.stderr.write(`${result.err}\n`);
process.exitCode = result.code;
