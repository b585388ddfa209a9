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
      try {
        const reply = await send({
          method: request.method,
          url: request.url,
          headers: [...request.headers],
          body: ['GET', 'HEAD'].includes(request.method)
            ? null
            : await request.text(),
        });
        if (reply.type === 'failure')
          return engineFailure(`The embedded engine failed: ${reply.message}`);
        if (!reply.answer) return HttpResponse.error();
        const headers = new Headers(reply.answer.headers);
        headers.set(ENGINE_HEADER, '1');
        return new HttpResponse(reply.answer.body, {
          status: reply.answer.status,
          headers,
        });
      } catch (error) {
        // Marked as the engine's answer (MSW's own 500 would not be): the request reached the engine,
        // so the guard below must not send it again.
        return engineFailure(
          `The embedded engine's answer could not be handed over: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
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
  guardAgainstLostInterception(new URL(base, location.href).href);
  return worker;
}

/** Set on every answer of the embedded engine: an API answer without it bypassed MSW. */
const ENGINE_HEADER = 'x-embedded-engine';

/** A 500 in the spec's error shape, marked as the engine's answer. */
function engineFailure(message: string) {
  return HttpResponse.json(
    { error: 'API-500', message },
    { status: 500, headers: { [ENGINE_HEADER]: '1' } },
  );
}

/**
 * MSW's service worker keeps the tabs it mocks for in memory only; when the
 * browser stops an idle worker and wakes it for the next request (Chromium
 * does, e.g. for a tab hidden a few minutes: mswjs/msw#2635), it has
 * forgotten them and lets every request through to the web server, whose
 * answer to `/api/...` is the console's own index.html ("Unexpected token
 * '<'"). This tab's fetch therefore checks each API answer came from the
 * engine; one that did not makes the tab enable mocking again (MSW's
 * `MOCK_ACTIVATE` message, as `worker.start()` sends) and sends the request
 * again. Sending it again is safe: the web server has no API and did nothing
 * with it. If mocking cannot be enabled again, the request gets a clear error.
 */
function guardAgainstLostInterception(apiBase: string) {
  const send = window.fetch.bind(window);
  // The worker MSW started with: a newer one that took over (an updated script) is not MSW's, whose
  // messages this tab's MSW ignores, so mocking is not enabled on it.
  const mocking = navigator.serviceWorker.controller;
  let reactivation: Promise<boolean> | undefined;
  const reactivate = () =>
    (reactivation ??= enableMockingAgain(mocking).finally(() => {
      reactivation = undefined;
    }));
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${apiBase}/`)) return send(request);
    const again = request.clone();
    const response = await send(request);
    if (response.headers.has(ENGINE_HEADER)) return response;
    void response.body?.cancel();
    if (await reactivate()) {
      const retried = await send(again);
      if (retried.headers.has(ENGINE_HEADER)) return retried;
      void retried.body?.cancel();
    }
    return Response.json(
      {
        error: 'API-503',
        message:
          'The demo’s service worker stopped answering for the embedded engine. Reload the page to start it again.',
      },
      { status: 503 },
    );
  };
}

/** Asks `worker`, if it still controls this tab, to mock the tab's requests again; true once it has. */
function enableMockingAgain(worker: ServiceWorker | null): Promise<boolean> {
  if (!worker || navigator.serviceWorker.controller !== worker)
    return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (enabled: boolean) => {
      navigator.serviceWorker.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(enabled);
    };
    const onMessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown } | null;
      if (event.source === worker && data?.type === 'MOCKING_ENABLED')
        done(true);
    };
    // A worker that does not answer at all: the request gets its error instead of waiting forever.
    const timer = setTimeout(() => done(false), 10_000);
    navigator.serviceWorker.addEventListener('message', onMessage);
    worker.postMessage('MOCK_ACTIVATE');
  });
}
