/**
 * A typed API client for tests in plain Node, over the same generated paths
 * as the console's client (src/api/client.ts), but with an absolute base URL
 * and an explicit token, since Node's fetch rejects relative URLs.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../src/api/schema';
import type { paths as extensionPaths } from '../../src/api/schema-extensions';
import { DEMO_TOKEN } from '../fixtures';

/** The client type: every path of the contract. */
export type TestApiClient = ReturnType<
  typeof createClient<paths & extensionPaths>
>;

/** Options of {@link createTestClient}. */
export interface TestClientOptions {
  /** Default `http://localhost/api` (what mocks/node.ts serves). */
  baseUrl?: string;
  /** Bearer token; `null` sends none. Default: the demo administrator's. */
  token?: string | null;
}

/** A typed client with a bearer token. */
export function createTestClient(
  options: TestClientOptions = {},
): TestApiClient {
  const client = createClient<paths & extensionPaths>({
    baseUrl: options.baseUrl ?? 'http://localhost/api',
    // Looked up per call: MSW patches globalThis.fetch only when the server
    // starts listening, possibly after this client was created.
    fetch: (request) => globalThis.fetch(request),
  });
  const token = options.token === undefined ? DEMO_TOKEN : options.token;
  if (token) {
    client.use({
      onRequest({ request }) {
        request.headers.set('Authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
