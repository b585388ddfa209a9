/**
 * Prints the demo seed built now, as the JSON of a SeedSnapshot
 * (`{ "at": <ms>, "state": {…} }`, mocks/fixtures/seed-snapshot.ts). Run by
 * vite.config.ts (`tsx mocks/scripts/demo-seed.ts`) for the browser demo's
 * `virtual:demo-seed` module, once per build or dev bundle of the engine's
 * worker.
 */
import { buildDemoState } from '../fixtures/seed';
import type { SeedSnapshot } from '../fixtures/seed-snapshot';

const at = Date.now();
const snapshot: SeedSnapshot = { at, state: buildDemoState(at) };
process.stdout.write(JSON.stringify(snapshot));
