/**
 * The mock API for Vitest: `server` intercepts fetch in the test process with
 * the same handlers as the browser worker. The base `*\/api` matches any
 * origin, so it serves the console's client under jsdom
 * (`http://localhost:3000/api/...`) and test clients in plain Node
 * (`http://localhost/api/...`). Swap the engine with `resetTestEngine()`.
 */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { getEngine } from './runtime';

export { getEngine, resetEngine, resetTestEngine, setEngine } from './runtime';

/** The handler path prefix used under Vitest. */
export const TEST_API_BASE = '*/api';

/** The base URL for test clients in plain Node (relative URLs do not work there). */
export const TEST_API_URL = 'http://localhost/api';

/** The MSW server of the test process; call listen/resetHandlers/close in the test setup. */
export const server = setupServer(
  ...createHandlers(getEngine, { base: TEST_API_BASE }),
);
