import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from './fixtures';
import {
  createEngineHost,
  type EngineReplyMessage,
  type EngineRequestMessage,
  type HostPort,
} from './engine-host';
import {
  createIndexedDbStore,
  ENGINE_STATE_KEY,
  type KeyValueStorage,
} from './persistence/indexed-db';
import { createDemoEngine } from './runtime';

const ORIGIN = 'http://console.test';

/** A tab: its end of a MessageChannel to the host, sending requests as browser.ts does. */
function tab(host: ReturnType<typeof createEngineHost>) {
  const { port1, port2 } = new MessageChannel();
  host.connect(port2 as unknown as HostPort);
  const pending = new Map<number, (reply: EngineReplyMessage) => void>();
  port1.on('message', (reply: EngineReplyMessage) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  let next = 0;
  const send = (
    method: string,
    path: string,
    body?: unknown,
    faults: string | null = null,
  ) =>
    new Promise<EngineReplyMessage>((resolve) => {
      const id = (next += 1);
      pending.set(id, resolve);
      const message: EngineRequestMessage = {
        type: 'request',
        id,
        method,
        url: `${ORIGIN}/api${path}`,
        headers: [
          ['authorization', `Bearer ${DEMO_TOKEN}`],
          ['content-type', 'application/json'],
        ],
        body: body === undefined ? null : JSON.stringify(body),
        faults,
      };
      port1.postMessage(message);
    });
  return { send, close: () => (port1 as MessagePort).close() };
}

function answerOf(reply: EngineReplyMessage) {
  if (reply.type !== 'answer' || !reply.answer)
    throw new Error(`no answer: ${JSON.stringify(reply)}`);
  return {
    status: reply.answer.status,
    body: reply.answer.body ? (JSON.parse(reply.answer.body) as unknown) : null,
  };
}

function memoryStorage() {
  const map = new Map<string, unknown>();
  const storage: KeyValueStorage = {
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
  };
  return { map, storage };
}

describe('the engine host (one engine for every tab)', () => {
  it("answers every tab from one engine: a change made through one tab is in the other's next answer", async () => {
    const host = createEngineHost({
      engine: Promise.resolve(createDemoEngine()),
      origin: ORIGIN,
      pathPrefix: '/api',
    });
    const a = tab(host);
    const b = tab(host);
    const created = answerOf(
      await a.send('POST', '/orgs/acme/apps', {
        id: 'from-tab-a',
        name: 'From tab A',
      }),
    );
    expect(created.status).toBe(201);
    const seen = answerOf(await b.send('GET', '/orgs/acme/apps/from-tab-a'));
    expect(seen).toMatchObject({ status: 200, body: { name: 'From tab A' } });
    a.close();
    b.close();
  });

  it('saves a change before answering it, so a tab closed right after loses nothing', async () => {
    const { map, storage } = memoryStorage();
    const store = createIndexedDbStore({ storage, delayMs: 60_000 });
    const engine = createDemoEngine();
    store.attach(engine);
    const host = createEngineHost({
      engine: Promise.resolve(engine),
      store,
      origin: ORIGIN,
      pathPrefix: '/api',
    });
    const a = tab(host);
    expect(map.has(ENGINE_STATE_KEY)).toBe(false);
    answerOf(
      await a.send('POST', '/orgs/acme/apps', {
        id: 'saved-app',
        name: 'Saved',
      }),
    );
    const saved = map.get(ENGINE_STATE_KEY);
    expect(JSON.stringify(saved)).toContain('saved-app');
    a.close();
  });

  it('saves the audit log entry of a refused call before answering it (IndexedDB keeps the log)', async () => {
    const { map, storage } = memoryStorage();
    const store = createIndexedDbStore({ storage, delayMs: 60_000 });
    const engine = createDemoEngine();
    store.attach(engine);
    const host = createEngineHost({
      engine: Promise.resolve(engine),
      store,
      origin: ORIGIN,
      pathPrefix: '/api',
    });
    const a = tab(host);
    // Refused: an app id the engine does not accept (400); nothing else changes.
    expect(
      answerOf(
        await a.send('POST', '/orgs/acme/apps', {
          id: 'Not An Id!',
          name: 'X',
        }),
      ).status,
    ).toBe(400);
    const saved = map.get(ENGINE_STATE_KEY) as {
      audit?: Record<string, { entries: Record<string, unknown> }>;
    };
    const entries = Object.values(saved.audit?.acme?.entries ?? {});
    expect(entries.at(-1)).toMatchObject({
      user_id: 'alex-admin',
      request_method: 'POST',
      request_path: '/orgs/acme/apps',
      response_status: 400,
    });
    a.close();
  });

  it("keeps each tab's fault injection to that tab", async () => {
    const host = createEngineHost({
      engine: Promise.resolve(createDemoEngine()),
      origin: ORIGIN,
      pathPrefix: '/api',
    });
    const faulty = tab(host);
    const calm = tab(host);
    const failing = answerOf(
      await faulty.send(
        'GET',
        '/orgs/acme/apps',
        undefined,
        'rate:1,kinds:503',
      ),
    );
    expect(failing.status).toBe(503);
    expect(answerOf(await calm.send('GET', '/orgs/acme/apps')).status).toBe(
      200,
    );
    faulty.close();
    calm.close();
  });

  it('waits for the engine (resumed or seeded) before answering, and answers unknown paths with the spec error', async () => {
    let resolve!: (engine: ReturnType<typeof createDemoEngine>) => void;
    const host = createEngineHost({
      engine: new Promise((done) => (resolve = done)),
      origin: ORIGIN,
      pathPrefix: '/api',
    });
    const a = tab(host);
    const reply = a.send('GET', '/orgs/acme/no-such-thing');
    resolve(createDemoEngine());
    expect(answerOf(await reply)).toMatchObject({
      status: 404,
      body: { error: 'API-404' },
    });
    a.close();
  });
});
