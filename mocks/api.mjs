#!/usr/bin/env node
// `npm run api`: the mock Humanitec API server (mocks/server.ts), run from a bundle that
// src/cli/bundle-cache.mjs makes and keeps fresh (no build step to run by hand).
import { importBundled } from '../src/cli/bundle-cache.mjs';

const { runFromCommandLine } = await importBundled('mocks/server.ts', 'api');
runFromCommandLine();
