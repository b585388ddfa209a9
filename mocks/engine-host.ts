/**
 * The embedded engine's side of the page <-> worker protocol. The engine runs
 * in one worker shared by every tab of the origin (engine-worker.ts); each
 * tab's MSW handler (browser.ts) posts the API requests it intercepts to the
 * worker over a MessagePort and answers with what comes back. One engine
 * answers every tab, so tabs never hold diverging copies of the state.
 *
 * No DOM here: a port is anything with postMessage and a message listener
 * (a SharedWorker's connection, a dedicated worker's global scope, or a
 * MessageChannel's port in tests).
 */
import type { Engine } from './engine';
import { createRouter, toWire, type WireAnswer } from './handlers/routes';
import {
  parseFaultConfig,
  type FaultConfig,
} from '../src/contract/fault-config';
import type { BrowserStateStore } from './persistence/indexed-db';

/** A request as the page posts it. */
export interface EngineRequestMessage {
  type: 'request';
  id: number;
  method: string;
  /** The request's absolute URL, as the page addressed it (`http://host/api/orgs/acme`). */
  url: string;
  headers: [string, string][];
  body: string | null;
  /** The tab's fault injection setting (src/contract/fault-config.ts), or null for none. */
  faults: string | null;
}

/** The worker's reply: the wire answer, null for a dropped connection, or why the worker failed. */
export type EngineReplyMessage =
  | { type: 'answer'; id: number; answer: WireAnswer | null }
  | { type: 'failure'; id: number; message: string };

/** What the host needs of a port. */
export interface HostPort {
  postMessage(message: EngineReplyMessage): void;
  addEventListener(
    type: 'message',
    listener: (event: { data: unknown }) => void,
  ): void;
  start?(): void;
}

/** Options of {@link createEngineHost}. */
export interface EngineHostOptions {
  /** The engine, once resumed from the saved state or seeded. Requests wait for it. */
  engine: Promise<Engine>;
  /** Where the state is saved; a change is saved before its answer is sent. */
  store?: BrowserStateStore;
  /** The origin requests are addressed to (the worker's own). */
  origin: string;
  /** The path prefix of the API in the requests' URLs (`/api`: the page's URLs, unchanged). */
  pathPrefix?: string;
}

const READ = new Set(['GET', 'HEAD', 'OPTIONS']);
const encoder = new TextEncoder();

function isRequest(data: unknown): data is EngineRequestMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'request'
  );
}

function faultsOf(raw: string | null): FaultConfig | undefined {
  if (!raw) return undefined;
  try {
    return parseFaultConfig(raw);
  } catch {
    return undefined;
  }
}

/** The engine host: `connect` serves one tab's port. */
export function createEngineHost(options: EngineHostOptions) {
  let engine: Engine | undefined;
  let changes = 0;
  const ready = options.engine.then((resumed) => {
    engine = resumed;
    resumed.subscribe(() => {
      changes += 1;
    });
    return resumed;
  });

  return {
    /** Answers the requests that arrive on `port`, each tab with its own fault injection. */
    connect(port: HostPort) {
      // A tab's fault setting comes with each request; the injector (and its
      // per-path counts, which the seeds of faults are keyed by) is the tab's.
      let faults: FaultConfig | undefined;
      const route = createRouter(() => engine!, {
        faults: () => faults,
        ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
        onReset: () => options.store?.clear(),
      });
      const answer = async (message: EngineRequestMessage) => {
        await ready;
        const request = new Request(message.url, {
          method: message.method,
          headers: message.headers,
          body: READ.has(message.method) ? null : message.body,
        });
        const before = changes;
        // `route` reads the fault source synchronously, before its first await.
        faults = faultsOf(message.faults);
        const answered = await route(request, options.origin);
        if (changes !== before && !READ.has(message.method))
          await options.store?.flush();
        if (!answered) return null;
        return toWire(answered, (text) => encoder.encode(text).length) ?? null;
      };
      port.addEventListener('message', (event) => {
        if (!isRequest(event.data)) return;
        const message = event.data;
        answer(message).then(
          (wire) =>
            port.postMessage({ type: 'answer', id: message.id, answer: wire }),
          (error: unknown) =>
            port.postMessage({
              type: 'failure',
              id: message.id,
              message: error instanceof Error ? error.message : String(error),
            }),
        );
      });
      port.start?.();
    },
  };
}
