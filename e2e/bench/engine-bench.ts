/**
 * Engine benchmark (run by run.mjs with tsx): `tsx e2e/bench/engine-bench.ts <out.json>`.
 * Builds two deterministic deployment sets (500 workloads, 20 shared resources;
 * the second with ~30% of workloads changed and a few added/removed) and times
 * the engine's computeSetId (from scratch, and after one workload changed),
 * diffSetContents and applySetDelta against jsondiffpatch's diff/patch on the
 * same data, with the budgets of issue 24 (BUDGET_* below). Writes a JSON
 * result; never throws.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { sha256 } from '@noble/hashes/sha2';
import { create } from 'jsondiffpatch';
import {
  applySetDelta,
  canonicalJson,
  canonicalJsonBytes,
  computeSetId,
  diffSetContents,
  indexDefinitions,
  matchWith,
  sha256BytesBase64url,
  SHA256_IMPLEMENTATION,
  type DeploymentSet,
  type JsonObject,
  type Module,
  type ResourceRef,
} from '../../mocks/engine/index';
import { ORG } from '../../mocks/fixtures/test-engine';
import { localRunBench } from '../../mocks/fixtures/test-local-run';
import {
  BUDGET_EXPORT_COMMIT_MS,
  BUDGET_EXPORT_RENDER_MS,
  gitopsFigures,
} from './gitops-figures';
import { runBench } from './entry';

/** computeSetId of the 500-workload set, from scratch (objects never hashed), median ms. */
export const BUDGET_SET_ID_FROM_SCRATCH_MS = 3;
/** computeSetId after one workload of a hashed set changed, median ms. */
export const BUDGET_SET_ID_AFTER_CHANGE_MS = 0.5;
/** diffSetContents vs jsondiffpatch's diff on the same data, same run: ratio of medians. */
export const BUDGET_DIFF_RATIO = 0.5;
/** applySetDelta vs jsondiffpatch's patch: ratio of medians. */
export const BUDGET_APPLY_RATIO = 2;
/** Matching 50 resources against 1,000 resource definitions (index + winners), median ms (issue 20). */
export const BUDGET_MATCH_MS = 5;
/** The local-run bundle of a workload reading 5 or more resources (issue 23 §1), median ms. */
export const BUDGET_LOCAL_RUN_MS = 50;

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

/**
 * Median ms of `fn`, by wall time and by this process's CPU time (a loaded machine's scheduler stops
 * the process midway, which wall time counts and CPU time does not); `setup` (untimed) prepares each
 * run's input.
 */
function measure<T>(
  fn: (input: T) => unknown,
  setup: () => T,
): { median: number; cpu: number; runs: number } {
  for (let i = 0; i < WARMUP; i++) fn(setup());
  const samples: number[] = [];
  const cpu: number[] = [];
  const deadline = performance.now() + MAX_MS_PER_OP;
  while (
    samples.length < RUNS &&
    (samples.length < MIN_RUNS || performance.now() < deadline)
  ) {
    const input = setup();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(input);
    samples.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(samples), cpu: median(cpu), runs: samples.length };
}

/**
 * Ours against the peer, sampled in turns (which goes first alternates), so
 * both see the same moment of a shared machine's load: their medians, and the
 * median of the ratios of each turn's two samples (the figure budgets use).
 */
function measurePair<A, B>(
  ours: (input: A) => unknown,
  setupOurs: () => A,
  peer: (input: B) => unknown,
  setupPeer: () => B,
): {
  ours: { median: number; runs: number };
  peer: { median: number; runs: number };
  ratio: number;
  cpuRatio: number;
} {
  for (let i = 0; i < WARMUP; i++) {
    ours(setupOurs());
    peer(setupPeer());
  }
  // Wall time, and this process's CPU time (µs, getrusage): on a loaded machine the scheduler stops the
  // longer of the two more often, which the wall-time ratio counts against it and the CPU ratio does not.
  const cpuA: number[] = [];
  const cpuB: number[] = [];
  const time = <T>(fn: (input: T) => unknown, input: T, cpu: number[]) => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(input);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    return wall;
  };
  const a: number[] = [];
  const b: number[] = [];
  const deadline = performance.now() + MAX_MS_PER_OP;
  while (
    a.length < RUNS &&
    (a.length < MIN_RUNS || performance.now() < deadline)
  ) {
    const x = setupOurs();
    const y = setupPeer();
    if (a.length % 2 === 0) {
      a.push(time(ours, x, cpuA));
      b.push(time(peer, y, cpuB));
    } else {
      b.push(time(peer, y, cpuB));
      a.push(time(ours, x, cpuA));
    }
  }
  return {
    ours: { median: median(a), runs: a.length },
    peer: { median: median(b), runs: b.length },
    ratio: median(a.map((t, i) => t / b[i])),
    cpuRatio: median(cpuA) / Math.max(median(cpuB), 0.001),
  };
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

// ------------------------------------------------------------ matching (issue 20)

const MATCH_DEFINITIONS = 1_000;
const MATCH_RESOURCES = 50;
const MATCH_TYPES = ['postgres', 'redis', 's3', 'dns', 'mysql'];

/**
 * A state holding only an organisation's 1,000 definitions over 5 types and 50 apps (app_id rules, a third with
 * env_id, every hundredth env_type-only), and 50 resources of those apps: what matching a deployment reads.
 */
function makeMatchData() {
  const at = new Date(Date.UTC(2025, 0, 1)).toISOString();
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < MATCH_DEFINITIONS; i++) {
    const id = `def-${String(i).padStart(4, '0')}`;
    const rule =
      i % 100 === 0
        ? { env_type: 'development' }
        : {
            app_id: `app-${i % 50}`,
            ...(i % 3 === 0 ? { env_id: 'development' } : {}),
          };
    defs[id] = {
      seq: i + 1,
      id,
      type: MATCH_TYPES[i % MATCH_TYPES.length],
      is_deleted: false,
      active_version_id: `v-${id}`,
      criteria: [{ id: `c-${id}`, class: 'default', ...rule }],
      versions: [
        {
          id: `v-${id}`,
          seq: 1,
          name: id,
          driver_type: 'humanitec/echo',
          values: {},
          secret_refs: {},
          secretKeys: [],
          provision: {},
          in_place_driver_change: false,
          action: 'created',
          archived: false,
          created_at: at,
          created_by: 'bench',
        },
      ],
      created_at: at,
      created_by: 'bench',
      updated_at: at,
      updated_by: 'bench',
    };
  }
  const state = {
    orgs: {
      bench: {
        resourceDefs: {
          counter: 0,
          defs,
          classes: {},
          secrets: {},
          active: {},
        },
      },
    },
  } as unknown as Parameters<typeof indexDefinitions>[0];
  const resources = Array.from({ length: MATCH_RESOURCES }, (_, i) => ({
    type: MATCH_TYPES[i % MATCH_TYPES.length],
    res_id: `shared.r${i}`,
    app_id: `app-${i}`,
    env_id: 'development',
    env_type: 'development',
  }));
  return { state, resources };
}

/** Matching a deployment's 50 resources: index the definitions once, take each resource's winner. */
function matchAll(data: ReturnType<typeof makeMatchData>): number {
  const index = indexDefinitions(data.state, 'bench');
  let found = 0;
  for (const resource of data.resources)
    if (matchWith(index, resource, false).winner) found += 1;
  return found;
}

function main(
  outFile: string,
  gitops: Awaited<ReturnType<typeof gitopsFigures>>,
): void {
  const write = (result: object) =>
    writeFileSync(outFile, JSON.stringify(result, null, 2));
  const loadBefore = os.loadavg();
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

  // From scratch: a copy per run (untimed), so no workload object was ever hashed.
  const hash = measure(
    (c: Content) => computeSetId(c),
    () => structuredClone(aContent),
  );
  // After one change: a's objects (hashed when a was made) with one workload replaced by a new one.
  const names = Object.keys(aContent.modules);
  let edits = 0;
  const hashAfterChange = measure(
    (c: Content) => computeSetId(c),
    (): Content => {
      edits += 1;
      const name = names[edits % names.length];
      const changed = structuredClone(aContent.modules[name]);
      changed.spec.replicas = 100 + edits;
      return {
        modules: { ...aContent.modules, [name]: changed },
        shared: aContent.shared,
      };
    },
  );
  // The floor of a from-scratch id: SHA-256 of every workload's canonical JSON (its UTF-8 bytes, what
  // set ids hash), in Node and in pure JS (browsers).
  const entries = [
    ...Object.values(aContent.modules),
    ...Object.values(aContent.shared),
  ];
  const leafBytes = entries.map((value) => canonicalJsonBytes(value).slice());
  const shaNative = measure(
    (all: Uint8Array[]) =>
      all.map((bytes) => createHash('sha256').update(bytes).digest()),
    () => leafBytes,
  );
  const shaPureJs = measure(
    (all: Uint8Array[]) => all.map((bytes) => sha256(bytes)),
    () => leafBytes,
  );
  const canonicalBytes = measure(
    (values: object[]) => values.map((v) => canonicalJsonBytes(v).length),
    () => entries,
  );
  const stringify = measure(
    (c: Content) =>
      [...Object.values(c.modules), ...Object.values(c.shared)].map((v) =>
        JSON.stringify(v),
      ),
    () => aContent,
  );
  const canonical = measure(
    (c: Content) =>
      [...Object.values(c.modules), ...Object.values(c.shared)].map((v) =>
        canonicalJson(v),
      ),
    () => aContent,
  );
  // The sets as the engine holds them: made (and so hashed) once, their hashes kept beside them.
  const peerDiff = (x: [Content, Content]) => jdp.diff(x[0], x[1]);
  const peerDiffInput = (): [Content, Content] => [aContent, bContent];
  const diffPair = measurePair(
    (x: [DeploymentSet, DeploymentSet]) => diffSetContents(x[0], x[1]),
    (): [DeploymentSet, DeploymentSet] => [b, a],
    peerDiff,
    peerDiffInput,
  );
  // Cold: copies never hashed (no hash to skip by), for comparison.
  const coldPair = measurePair(
    (x: [Content, Content]) => diffSetContents(x[0], x[1]),
    (): [Content, Content] => [
      structuredClone(bContent),
      structuredClone(aContent),
    ],
    peerDiff,
    peerDiffInput,
  );
  // applySetDelta gets the set itself, as the engine's writes do (their draft shares the stored sets); it
  // must not change it (checked above). jsondiffpatch's patch changes its input: a copy per run (untimed).
  const applyPair = measurePair(
    (x: DeploymentSet) => applySetDelta(x, delta),
    () => a,
    (x: Content) => jdp.patch(x, jdpDelta),
    () => structuredClone(aContent),
  );
  const { ours, peer } = diffPair;
  const oursCold = coldPair.ours;
  const apply = applyPair.ours;
  const peerPatch = applyPair.peer;
  // The floor of applySetDelta in this scheme: the canonical JSON and SHA-256 of each workload it changes or adds.
  const touched = [
    ...Object.keys(delta.modules.update),
    ...Object.keys(delta.modules.add),
  ].map((id) => applied.modules[id]);
  const hashTouched = measure(
    (modules: Module[]) =>
      modules.map((m) => sha256BytesBase64url(canonicalJsonBytes(m))),
    () => touched,
  );
  const matchData = makeMatchData();
  const matched = matchAll(matchData);
  const match = measure(matchAll, () => matchData);
  const localRun = localRunBench();
  const localRunResources = localRun.engine.getLocalRun(
    localRun.dev,
    ORG,
    'shop',
    'development',
    'api',
    {},
  ).resources.length;
  const bundle = measure(
    (options: { includeSecrets: boolean }) =>
      localRun.engine.getLocalRun(
        localRun.admin,
        ORG,
        'shop',
        'development',
        'api',
        options,
      ),
    () => ({ includeSecrets: true }),
  );
  const diffRatio = diffPair.ratio;
  const applyRatio = applyPair.ratio;
  write({
    status: correctness.pass ? 'ok' : 'failed',
    warmup: WARMUP,
    runs: Math.min(
      hash.runs,
      hashAfterChange.runs,
      ours.runs,
      peer.runs,
      oursCold.runs,
      apply.runs,
      peerPatch.runs,
    ),
    ratios:
      'ours / jsondiffpatch: the median of the ratios of samples taken in turns (diff, apply), else of medians',
    sha256: SHA256_IMPLEMENTATION,
    loadAverage: [...loadBefore, ...os.loadavg()].map(
      (n) => Math.round(n * 100) / 100,
    ),
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
      {
        name: 'computeSetId(a), from scratch',
        ours: hash.median,
        cpu: hash.cpu,
        budget: 'fromScratch',
      },
      {
        name: 'computeSetId, one workload changed',
        ours: hashAfterChange.median,
        cpu: hashAfterChange.cpu,
        budget: 'afterChange',
      },
      {
        name: '  canonical JSON of every entry, as UTF-8 bytes (what ids hash)',
        ours: canonicalBytes.median,
      },
      {
        name: '  canonical JSON of every entry, as text',
        ours: canonical.median,
      },
      {
        name: '  SHA-256 of that JSON: node:crypto',
        ours: shaNative.median,
      },
      {
        name: '  SHA-256 of that JSON: @noble/hashes (browsers)',
        ours: shaPureJs.median,
      },
      {
        name: '  (JSON.stringify of every entry: native, keys unsorted)',
        ours: stringify.median,
      },
      {
        name: 'diffSetContents(b, a) vs diff(a, b)',
        ours: ours.median,
        peer: peer.median,
        ratio: diffRatio,
        cpuRatio: diffPair.cpuRatio,
        budget: 'diff',
      },
      {
        name: '  … cold (copies, no kept hashes)',
        ours: oursCold.median,
        peer: coldPair.peer.median,
        ratio: coldPair.ratio,
      },
      {
        name: 'applySetDelta(a, Δ) vs patch(a, Δ)',
        ours: apply.median,
        peer: peerPatch.median,
        ratio: applyRatio,
        cpuRatio: applyPair.cpuRatio,
        budget: 'apply',
      },
      {
        name: `match ${MATCH_RESOURCES} resources against ${MATCH_DEFINITIONS} definitions (${matched} matched)`,
        ours: match.median,
        budget: 'match',
      },
      {
        name: `local-run bundle of a workload reading ${localRunResources} resources (secrets included)`,
        ours: bundle.median,
        budget: 'localRun',
      },
      {
        name: `Operator export of 500 workloads (${gitops.objects} objects, ${Math.round(gitops.bytes / 1024)} kB): render + validate`,
        ours: gitops.render,
        budget: 'exportRender',
      },
      {
        name: `  … committed to the GitOps repository (every file rewritten)`,
        ours: gitops.commit,
        budget: 'exportCommit',
      },
      {
        name: `  hashing the ${touched.length} workloads Δ changes alone`,
        ours: hashTouched.median,
        peer: peerPatch.median,
      },
    ],
    budgets: {
      fromScratch: {
        value: hash.median,
        limit: BUDGET_SET_ID_FROM_SCRATCH_MS,
        pass: hash.median <= BUDGET_SET_ID_FROM_SCRATCH_MS,
      },
      afterChange: {
        value: hashAfterChange.median,
        limit: BUDGET_SET_ID_AFTER_CHANGE_MS,
        pass: hashAfterChange.median <= BUDGET_SET_ID_AFTER_CHANGE_MS,
      },
      diff: {
        value: diffRatio,
        limit: BUDGET_DIFF_RATIO,
        pass: diffRatio <= BUDGET_DIFF_RATIO,
      },
      apply: {
        value: applyRatio,
        limit: BUDGET_APPLY_RATIO,
        pass: applyRatio <= BUDGET_APPLY_RATIO,
      },
      match: {
        value: match.median,
        limit: BUDGET_MATCH_MS,
        pass: match.median <= BUDGET_MATCH_MS && matched === MATCH_RESOURCES,
      },
      exportRender: {
        value: gitops.render,
        limit: BUDGET_EXPORT_RENDER_MS,
        pass: gitops.render <= BUDGET_EXPORT_RENDER_MS,
      },
      exportCommit: {
        value: gitops.commit,
        limit: BUDGET_EXPORT_COMMIT_MS,
        pass: gitops.commit <= BUDGET_EXPORT_COMMIT_MS,
      },
      localRun: {
        value: bundle.median,
        limit: BUDGET_LOCAL_RUN_MS,
        pass: bundle.median <= BUDGET_LOCAL_RUN_MS && localRunResources >= 5,
      },
    },
    correctness,
    note: `set ids hash each workload and shared resource once (SHA-256 here: ${SHA256_IMPLEMENTATION}) and keep the hashes beside the sets; diffSetContents skips entries whose kept hashes are equal; applySetDelta validates and hashes only what the delta touches, then combines the kept hashes into the new id (jsondiffpatch's patch does neither)`,
  });
}

runBench(
  'engine-bench.ts',
  // The GitOps repository's commit is asynchronous (isomorphic-git): measured first, reported with the rest.
  async (outFile) => main(outFile, await gitopsFigures()),
  { dist: false },
);
