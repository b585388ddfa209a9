/**
 * API server benchmark (`npm run bench -- --only=api`, or `npx tsx e2e/bench/api-bench.ts <out.json>`):
 * the store of `npm run api` (mocks/persistence/journal-store.ts), against the real entry point on
 * loopback, each loop bounded.
 *   1. write: POST a delta, one after another, on the 1,000-app scenario (`--scenario large`): p50 / p99.
 *   2. start-up: the same data with a journal of 10,000 commands (deltas, made through the engine and the
 *      store as the server makes them): from spawning the server to its first answer.
 *   3. reads: 50 concurrent GET workers for 20 s on the demo state: p50 / p99, errors.
 *   4. huge reads: 20 concurrent GET clients for 10 s on the 10,000-app scenario (`--scenario huge`: an app,
 *      its environments and deployments, pages of the navigation index and a server search): p50 / p99
 *      (issue 24: p99 <= 50 ms), and the server's start-up on a fresh store (seeding 10,000 apps).
 * Writes its result as JSON to the given file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../mocks/fixtures/index';
import { openStore } from '../../mocks/persistence/journal-store';
import { createDemoEngine } from '../../mocks/runtime';
import { apiServerArgs } from '../../mocks/testing/api-process';
import { runBench } from './entry';

const ROOT = resolve(import.meta.dirname, '../..');
const BUDGET = {
  writeP50: 10,
  writeP99: 50,
  readP99: 100,
  startupMs: 2_000,
  hugeReadP99: 50,
};
const HUGE_READERS = 20;
const HUGE_READ_MS = 10_000;
const WRITES = 300;
const WARM_UP = 20;
const JOURNAL = 10_000;
const READERS = 50;
const READ_MS = 20_000;

const headers = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  'Content-Type': 'application/json',
};
const log = (line: string) => process.stderr.write(`[api] ${line}\n`);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? null
    : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const round = (value: number | null) =>
  value === null ? null : Math.round(value * 100) / 100;

/** Spawns `npm run api`'s `node mocks/api.mjs` and resolves once it listens. */
async function startServer(
  dataFile: string,
  extra: string[] = [],
): Promise<{ child: ChildProcess; url: string; listenMs: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    apiServerArgs(
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      dataFile,
      ...extra,
    ),
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start within 5 minutes:\n${out}`));
    }, 300_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Mock Humanitec API: (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done({ child, url: match[1], listenMs: performance.now() - started });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${out}`));
    });
  });
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** `workers` clients GET `paths` in turn for `ms`: how many, errors, p50 / p99 (after one warm-up round). */
async function concurrentReads(
  url: string,
  workers: number,
  ms: number,
  paths: string[],
) {
  for (const path of paths)
    await (await fetch(`${url}${path}`, { headers })).arrayBuffer();
  const times: number[] = [];
  let errors = 0;
  const deadline = performance.now() + ms;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i += 1) {
        const start = performance.now();
        try {
          const res = await fetch(`${url}${paths[(w + i) % paths.length]}`, {
            headers,
          });
          await res.arrayBuffer();
          if (res.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        times.push(performance.now() - start);
      }
    }),
  );
  return {
    count: times.length,
    errors,
    p50: round(quantile(times, 0.5)),
    p99: round(quantile(times, 0.99)),
  };
}

async function main(outFile: string) {
  const dir = mkdtempSync(join(tmpdir(), 'api-bench-'));
  try {
    // 1. Writes on the 1,000-app scenario.
    const large = join(dir, 'large.json');
    log('seeding the 1,000-app scenario');
    let server = await startServer(large, ['--scenario', 'large']);
    const apps = (
      (await (
        await fetch(`${server.url}/orgs/${DEMO_ORG_ID}/apps`, { headers })
      ).json()) as { id: string }[]
    ).map((a) => a.id);
    const writes: number[] = [];
    let writeErrors = 0;
    for (let i = 0; i < WRITES + WARM_UP; i += 1) {
      const start = performance.now();
      const res = await fetch(
        `${server.url}/orgs/${DEMO_ORG_ID}/apps/${apps[i % apps.length]}/deltas`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({ metadata: { name: `bench ${i}` } }),
        },
      );
      await res.arrayBuffer();
      if (res.status !== 200) writeErrors += 1;
      if (i >= WARM_UP) writes.push(performance.now() - start);
    }
    await stopServer(server.child);
    const write = {
      count: writes.length,
      errors: writeErrors,
      p50: round(quantile(writes, 0.5)),
      p99: round(quantile(writes, 0.99)),
      max: round(Math.max(...writes)),
    };
    log(`write: p50 ${write.p50} ms, p99 ${write.p99} ms`);

    // 2. Start-up with a journal of 10,000 commands.
    log(`journaling ${JOURNAL} deltas`);
    const store = openStore(large, {
      durable: false,
      compactBytes: Number.MAX_SAFE_INTEGER,
    });
    const engine = createDemoEngine({
      state: store.state,
      adoptState: true,
      trackChanges: true,
    });
    const actor = engine.authenticate(DEMO_TOKEN);
    engine.takeChanges();
    for (let i = 0; i < JOURNAL; i += 1) {
      engine.createDelta(actor, DEMO_ORG_ID, apps[(i * 7) % apps.length], {
        metadata: { name: `journal ${i}` },
      });
      store.append(engine.takeChanges().ops);
    }
    store.close();
    const journalBytes = statSync(`${large}.journal`).size;
    const snapshotBytes = statSync(large).size;
    const startup: number[] = [];
    let firstAnswer = 0;
    for (let round = 0; round < 3; round += 1) {
      const started = performance.now();
      server = await startServer(large);
      const res = await fetch(
        `${server.url}/orgs/${DEMO_ORG_ID}/apps/${apps[0]}`,
        { headers },
      );
      await res.arrayBuffer();
      if (res.ok) firstAnswer += 1;
      startup.push(performance.now() - started);
      // SIGKILL: no shutdown work, the next start reads the same journal.
      server.child.kill('SIGKILL');
      await once(server.child, 'exit');
    }
    const startupMedian = round(quantile(startup, 0.5));
    log(`start-up: ${startup.map((v) => v.toFixed(0)).join(', ')} ms`);

    // 3. 50 concurrent readers on the demo state.
    server = await startServer(join(dir, 'demo.json'));
    const paths = [
      `/orgs/${DEMO_ORG_ID}/apps`,
      `/orgs/${DEMO_ORG_ID}/apps/shop`,
      `/orgs/${DEMO_ORG_ID}/apps/shop/envs`,
      `/orgs/${DEMO_ORG_ID}/apps/shop/envs/development/deploys`,
      `/orgs/${DEMO_ORG_ID}/apps/shop/deltas`,
    ];
    const reads: number[] = [];
    let readErrors = 0;
    const deadline = performance.now() + READ_MS;
    await Promise.all(
      Array.from({ length: READERS }, async (_, w) => {
        for (let i = 0; performance.now() < deadline; i += 1) {
          const start = performance.now();
          try {
            const res = await fetch(
              `${server.url}${paths[(w + i) % paths.length]}`,
              { headers },
            );
            await res.arrayBuffer();
            if (res.status !== 200) readErrors += 1;
          } catch {
            readErrors += 1;
          }
          reads.push(performance.now() - start);
        }
      }),
    );
    await stopServer(server.child);
    const read = {
      workers: READERS,
      seconds: READ_MS / 1000,
      count: reads.length,
      errors: readErrors,
      p50: round(quantile(reads, 0.5)),
      p99: round(quantile(reads, 0.99)),
    };
    log(
      `reads: ${read.count} in ${read.seconds} s, p99 ${read.p99} ms, ${read.errors} errors`,
    );

    // 4. 20 concurrent readers on the 10,000-app scenario.
    log('seeding the 10,000-app scenario');
    const hugeStarted = performance.now();
    server = await startServer(join(dir, 'huge.json'), ['--scenario', 'huge']);
    const hugeStartMs = performance.now() - hugeStarted;
    const huge = await concurrentReads(server.url, HUGE_READERS, HUGE_READ_MS, [
      `/orgs/${DEMO_ORG_ID}/apps/billing-api-in`,
      `/orgs/${DEMO_ORG_ID}/apps/billing-api-in/envs`,
      `/orgs/${DEMO_ORG_ID}/apps/billing-api-in/envs/production/deploys`,
      `/orgs/${DEMO_ORG_ID}/console/navigation-index?per_page=100&sort=name&deploys_per_env=0`,
      `/orgs/${DEMO_ORG_ID}/console/navigation-index?per_page=50&page=c.20000`,
      `/orgs/${DEMO_ORG_ID}/console/navigation-index?per_page=20&q=checkout%20worker%20jp`,
    ]);
    await stopServer(server.child);
    const hugeRead = {
      workers: HUGE_READERS,
      seconds: HUGE_READ_MS / 1000,
      startMs: round(hugeStartMs),
      ...huge,
    };
    log(
      `huge reads: ${hugeRead.count} in ${hugeRead.seconds} s, p99 ${hugeRead.p99} ms (budget ${BUDGET.hugeReadP99}), ${hugeRead.errors} errors; start-up ${hugeRead.startMs} ms`,
    );

    const result = {
      status: 'ok',
      write,
      startup: {
        journalCommands: JOURNAL,
        journalBytes,
        snapshotBytes,
        runsMs: startup.map((v) => round(v)),
        median: startupMedian,
        answered: firstAnswer,
      },
      read,
      hugeRead,
      budgets: BUDGET,
      pass: {
        write:
          write.errors === 0 &&
          write.p50 !== null &&
          write.p50 <= BUDGET.writeP50 &&
          write.p99 !== null &&
          write.p99 <= BUDGET.writeP99,
        read:
          read.errors === 0 && read.p99 !== null && read.p99 <= BUDGET.readP99,
        hugeRead:
          hugeRead.errors === 0 &&
          hugeRead.p99 !== null &&
          hugeRead.p99 <= BUDGET.hugeReadP99,
        startup:
          firstAnswer === startup.length &&
          startupMedian !== null &&
          startupMedian <= BUDGET.startupMs,
      },
    };
    writeFileSync(outFile, JSON.stringify(result, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench('api-bench.ts', main, {
  dist: false,
  defaultOutFile: join(ROOT, 'e2e/.output/bench-api.json'),
  // A failure can leave a server running, which would keep this process alive.
  exitOnError: true,
});
