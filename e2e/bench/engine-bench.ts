/**
 * Engine benchmark (run by run.mjs with tsx): `tsx e2e/bench/engine-bench.ts <out.json>`.
 * Builds two deterministic deployment sets (500 workloads, 20 shared resources;
 * the second with ~30% of workloads changed and a few added/removed) and times
 * the engine's computeSetId, diffSetContents and applySetDelta against
 * jsondiffpatch's diff/patch on the same data. Writes a JSON result; never throws.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'jsondiffpatch';
import {
  applySetDelta,
  computeSetId,
  diffSetContents,
  type DeploymentSet,
  type JsonObject,
  type Module,
  type ResourceRef,
} from '../../mocks/engine/index';

type Content = Pick<DeploymentSet, 'modules' | 'shared'>;

const WORKLOADS = 500;
const SHARED = 20;
const CHANGED_SHARE = 0.3;
const ADDED = 8;
const REMOVED = 8;
const WARMUP = 5;
const RUNS = 25;
/** Per operation: stop sampling after this long (but take at least MIN_RUNS). */
const MAX_MS_PER_OP = 8_000;
const MIN_RUNS = 7;

// ------------------------------------------------------------ data

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(next() * items.length)];
  return { next, int, pick };
}

const rnd = prng(20261124);
const TEAMS = [
  'payments',
  'search',
  'checkout',
  'identity',
  'catalog',
  'ledger',
  'growth',
];
const VAR_KEYS = [
  'LOG_LEVEL',
  'PORT',
  'DB_HOST',
  'DB_NAME',
  'DB_USER',
  'CACHE_URL',
  'FEATURE_FLAGS',
  'OTEL_ENDPOINT',
  'REGION',
  'TIMEOUT_MS',
  'MAX_CONNECTIONS',
  'QUEUE_NAME',
  'RETRY_LIMIT',
  'SENTRY_DSN',
  'JAVA_OPTS',
  'NODE_ENV',
  'API_BASE',
  'BATCH_SIZE',
  'WORKERS',
  'TZ',
  'LOCALE',
  'S3_BUCKET',
  'KAFKA_TOPIC',
  'GRPC_PORT',
];
const EXTERNAL_TYPES = ['postgres', 'redis', 's3', 'dns', 'mysql', 'amqp'];

function variables(count: number, workload: string): Record<string, string> {
  const keys = [...VAR_KEYS].sort(() => rnd.next() - 0.5).slice(0, count);
  return Object.fromEntries(
    keys.map((k) => [k, `${k.toLowerCase()}-${workload}-${rnd.int(0, 9999)}`]),
  );
}

function makeModule(name: string): Module {
  const team = rnd.pick(TEAMS);
  const externals: Record<string, ResourceRef> = {};
  for (let e = 0, n = rnd.int(1, 3); e < n; e++) {
    const type = rnd.pick(EXTERNAL_TYPES);
    externals[`${type}-${e}`] = {
      type,
      params: { size: rnd.pick(['small', 'medium', 'large']) },
    };
  }
  const port = rnd.int(3000, 9000);
  return {
    profile: 'humanitec/default-module',
    spec: {
      containers: {
        [name]: {
          id: name,
          image: `registry.example.com/${team}/${name}:1.${rnd.int(0, 40)}.${rnd.int(0, 9)}`,
          variables: variables(rnd.int(10, 20), name),
          resources: {
            limits: {
              cpu: `${rnd.int(1, 4) * 250}m`,
              memory: `${rnd.int(1, 8) * 128}Mi`,
            },
            requests: {
              cpu: `${rnd.int(1, 2) * 100}m`,
              memory: `${rnd.int(1, 4) * 64}Mi`,
            },
          },
        },
      },
      ports: {
        http: { container_port: port, protocol: 'TCP', service_port: 80 },
      },
      replicas: rnd.int(1, 4),
    },
    externals,
  };
}

function makeSetA(): Content {
  const modules: Record<string, Module> = {};
  for (let i = 0; i < WORKLOADS; i++) {
    const name = `wl-${String(i).padStart(3, '0')}`;
    modules[name] = makeModule(name);
  }
  const shared: Record<string, ResourceRef> = {};
  for (let i = 0; i < SHARED; i++) {
    const type = rnd.pick(['dns', 'postgres', 'redis', 'base-env']);
    shared[`shared-${type}-${i}`] = {
      type,
      class: 'default',
      params: { tier: rnd.pick(['std', 'ha']) },
    };
  }
  return { modules, shared };
}

/** b: ~30% of a's workloads changed (image, variables), a few added and removed, two shared changed. */
function makeSetB(a: Content) {
  const b = structuredClone(a);
  const names = Object.keys(b.modules);
  let changed = 0;
  for (const name of names) {
    if (rnd.next() >= CHANGED_SHARE) continue;
    changed++;
    const container = (b.modules[name].spec.containers as JsonObject)[
      name
    ] as JsonObject;
    container.image = String(container.image).replace(
      /:[\d.]+$/,
      `:2.${rnd.int(0, 40)}.${rnd.int(0, 9)}`,
    );
    const vars = container.variables as Record<string, string>;
    const keys = Object.keys(vars);
    if (rnd.next() < 0.5)
      vars[`NEW_${rnd.int(0, 999)}`] = `added-${rnd.int(0, 9999)}`;
    if (rnd.next() < 0.4) delete vars[rnd.pick(keys)];
    if (rnd.next() < 0.6) vars[rnd.pick(keys)] = `changed-${rnd.int(0, 9999)}`;
  }
  const removed = names
    .filter((_, i) => i % Math.floor(WORKLOADS / REMOVED) === 7)
    .slice(0, REMOVED);
  for (const name of removed) delete b.modules[name];
  for (let i = 0; i < ADDED; i++) {
    const name = `wl-new-${i}`;
    b.modules[name] = makeModule(name);
  }
  const sharedKeys = Object.keys(b.shared);
  b.shared[sharedKeys[0]] = {
    ...b.shared[sharedKeys[0]],
    params: { tier: 'xl' },
  };
  delete b.shared[sharedKeys[1]];
  b.shared['shared-dns-new'] = { type: 'dns', class: 'default' };
  return { b, changed, added: ADDED, removed: removed.length };
}

// ------------------------------------------------------------ timing

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median ms of `fn`; `setup` (untimed) prepares each run's input. */
function measure<T>(
  fn: (input: T) => unknown,
  setup: () => T,
): { median: number; runs: number } {
  for (let i = 0; i < WARMUP; i++) fn(setup());
  const samples: number[] = [];
  const deadline = performance.now() + MAX_MS_PER_OP;
  while (
    samples.length < RUNS &&
    (samples.length < MIN_RUNS || performance.now() < deadline)
  ) {
    const input = setup();
    const start = performance.now();
    fn(input);
    samples.push(performance.now() - start);
  }
  return { median: median(samples), runs: samples.length };
}

// ------------------------------------------------------------ main

function jsondiffpatchVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const pkgPath = require
      .resolve('jsondiffpatch')
      .replace(/lib[\\/]index\.js$/, 'package.json');
    return (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

function main(outFile: string): void {
  const write = (result: object) =>
    writeFileSync(outFile, JSON.stringify(result, null, 2));
  const aContent = makeSetA();
  const { b: bContent, changed, added, removed } = makeSetB(aContent);
  const a: DeploymentSet = {
    id: computeSetId(aContent),
    version: 0,
    ...aContent,
  };
  const b: DeploymentSet = {
    id: computeSetId(bContent),
    version: 0,
    ...bContent,
  };
  const jdp = create();

  // Correctness first: a bench of a wrong answer is worthless.
  const delta = diffSetContents(bContent, aContent);
  const before = JSON.stringify(a);
  const applied = applySetDelta(a, delta);
  const pass = applied.id === b.id;
  const correctness = {
    pass,
    detail: pass
      ? `applySetDelta(a, diffSetContents(b, a)).id === b.id (${b.id.slice(0, 12)}…)`
      : `applySetDelta(a, diffSetContents(b, a)).id is ${applied.id}, expected b.id ${b.id}`,
  };
  if (JSON.stringify(a) !== before) {
    correctness.pass = false;
    correctness.detail += '; applySetDelta mutated its input set';
  }
  const unchanged = diffSetContents(aContent, aContent);
  const emptyDelta =
    Object.keys(unchanged.modules.add).length === 0 &&
    unchanged.modules.remove.length === 0 &&
    Object.keys(unchanged.modules.update).length === 0 &&
    unchanged.shared.length === 0;
  if (!emptyDelta) {
    correctness.pass = false;
    correctness.detail += '; diffSetContents(a, a) is not empty';
  }
  const jdpDelta = jdp.diff(aContent, bContent);

  const hash = measure(
    (c: Content) => computeSetId(c),
    () => aContent,
  );
  const ours = measure(
    (x: [Content, Content]) => diffSetContents(x[0], x[1]),
    (): [Content, Content] => [bContent, aContent],
  );
  const peer = measure(
    (x: [Content, Content]) => jdp.diff(x[0], x[1]),
    (): [Content, Content] => [aContent, bContent],
  );
  // applySetDelta must not mutate its input, but clone per run (untimed) so neither side can benefit.
  const apply = measure(
    (x: DeploymentSet) => applySetDelta(x, delta),
    () => structuredClone(a),
  );
  const peerPatch = measure(
    (x: Content) => jdp.patch(x, jdpDelta),
    () => structuredClone(aContent),
  );

  write({
    status: correctness.pass ? 'ok' : 'failed',
    warmup: WARMUP,
    runs: Math.min(hash.runs, ours.runs, peer.runs, apply.runs, peerPatch.runs),
    data: {
      workloads: {
        a: Object.keys(a.modules).length,
        b: Object.keys(b.modules).length,
      },
      shared: SHARED,
      changedWorkloads: changed,
      added,
      removed,
      bytes: JSON.stringify(aContent).length,
      deltaBytes: JSON.stringify(delta).length,
      jsondiffpatchDeltaBytes: JSON.stringify(jdpDelta).length,
    },
    peer: {
      name: 'jsondiffpatch',
      version: jsondiffpatchVersion(),
      note: 'default instance create(): no objectHash, arrays by index, no text diffs',
    },
    ops: [
      { name: 'computeSetId(a)', ours: hash.median },
      {
        name: 'diffSetContents(b, a) vs diff(a, b)',
        ours: ours.median,
        peer: peer.median,
      },
      {
        name: 'applySetDelta(a, Δ) vs patch(a, Δ)',
        ours: apply.median,
        peer: peerPatch.median,
      },
      {
        name: '  … minus one computeSetId (estimate)',
        ours: Math.max(0, apply.median - hash.median),
        peer: peerPatch.median,
      },
    ],
    correctness,
    note: 'applySetDelta validates the result and computes its id (SHA-256 of canonical JSON); jsondiffpatch patch does neither',
  });
}

const outFile = process.argv[2];
if (!outFile) {
  console.error('usage: tsx e2e/bench/engine-bench.ts <out.json>');
  process.exit(2);
}
try {
  main(outFile);
} catch (error) {
  writeFileSync(
    outFile,
    JSON.stringify({
      status: 'error',
      error:
        error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
}
