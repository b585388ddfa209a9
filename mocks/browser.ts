/**
 * The embedded engine in the browser, page side: MSW's service worker
 * intercepts the console's API calls and this page forwards each one to the
 * engine's worker (engine-worker.ts: one SharedWorker for every tab of the
 * origin, holding the only engine and its IndexedDB state), then answers with
 * what the worker replies. Loaded lazily by main.tsx in mock mode only; the
 * engine, its seed and the handlers never load on the page's main thread.
 */
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import {
  openEngineConnection,
  type EngineConnection,
} from './engine-connection';

export { DEMO_TOKEN, DEMO_TOKENS } from './fixtures/tokens';

/**
 * Starts the mock API of this tab: connects to the engine's worker (which
 * resumes the saved state or seeds the scenario) and starts MSW, whose
 * handler forwards every request under `base` to it. Requests elsewhere go
 * to the network.
 */
export async function startWorker(
  connection: EngineConnection = openEngineConnection(),
): Promise<SetupWorker> {
  const { base, send } = connection;
  const worker = setupWorker(
    http.all(`${base}/*`, async ({ request }) => {
      const reply = await send({
        method: request.method,
        url: request.url,
        headers: [...request.headers],
        body: ['GET', 'HEAD'].includes(request.method)
          ? null
          : await request.text(),
      });
      if (reply.type === 'failure')
        return HttpResponse.json(
          {
            error: 'API-500',
            message: `The embedded engine failed: ${reply.message}`,
          },
          { status: 500 },
        );
      if (!reply.answer) return HttpResponse.error();
      return new HttpResponse(reply.answer.body, {
        status: reply.answer.status,
        headers: reply.answer.headers,
      });
    }),
  );
  // MSW asks the browser to update an existing registration without awaiting
  // it; when the page navigates before that check ends, the browser rejects it
  // ("Failed to update a ServiceWorker ...: Not found"). Nothing depends on the
  // check (the script is checked again on the next load), so that one
  // rejection is not reported as an error.
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (
      reason instanceof Error &&
      reason.message.startsWith('Failed to update a ServiceWorker')
    )
      event.preventDefault();
  });
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return worker;
}
