/**
 * What changed in the engine state, for an incremental store (the journal of
 * `npm run api`, mocks/persistence/journal-store.ts), at the cost of the
 * change rather than of the whole state:
 *
 * - `draftState` gives a write its draft: everything but the applications is
 *   copied (a few kB); an organisation's app map is not copied but overlaid
 *   (changes kept aside, written into it when the write succeeds); a field of
 *   an application (its environments, deltas, ...) is copied only when the
 *   operation first reaches it, so a change to one app of a thousand copies a
 *   part of one app.
 * - `createChangeTracker` collects, between two `take` calls, the operations
 *   of each write (the reached apps diffed when the write finishes: untouched
 *   fields are shared, so comparing them is free), deep before-images of the
 *   apps time-driven progress may move in place (apps with a running
 *   deployment or pipeline run), and returns it all as patch operations: the
 *   state "skeleton" (all but the apps, small) diffed against the one last
 *   taken, the writes' operations, then the diffs of those apps.
 */
import { isJsonObject } from './canonical';
import { existingPipelines } from './pipelines-store';
import type { AppRecord, StateV1 } from './state';

/** Sets the value at a path (`[path, value]`) or deletes it (`[path]`). */
export type PatchOp = [path: string[], value: unknown] | [path: string[]];

/** What changed since the previous `take`: patch operations, or `full` when the whole state was replaced (reset). */
export interface StateChanges {
  full: boolean;
  ops: PatchOp[];
}

type Json = Record<string, unknown>;
const SEP = '\u0000';

/**
 * State keys written only outside writes, by appending (the audit log,
 * audit/): a write's draft shares them instead of copying them, the skeleton
 * leaves them out, and their changes reach the tracker as operations
 * ({@link ChangeTracker.noted}), so a long log costs a write nothing.
 */
const OUTSIDE_WRITES: ReadonlySet<string> = new Set(['audit']);

const isRecord: (value: unknown) => value is Json = isJsonObject;

/** Sets an own, enumerable property (also for keys such as `__proto__`). */
export function defineValue(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** A deep copy of plain JSON data (faster than structuredClone for the many small values of a write). */
export function deepCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  const source = value as Json;
  const out = Object.create(
    Object.getPrototypeOf(source) as object | null,
  ) as Json;
  for (const key of Object.keys(source)) {
    if (key === '__proto__') defineValue(out, key, deepCopy(source[key]));
    else out[key] = deepCopy(source[key]);
  }
  return out as T;
}

/** A shallow copy with the same prototype and key order. */
function shallowCopy(source: Json): Json {
  const out = Object.create(
    Object.getPrototypeOf(source) as object | null,
  ) as Json;
  // Object.assign sets `__proto__` as the prototype, not as a key: define the keys one by one then.
  return Object.hasOwn(source, '__proto__')
    ? copyWith(source, (_key, value) => value)
    : Object.assign(out, source);
}

/** A copy of `source` with the same prototype and key order, each value mapped. */
function copyWith(
  source: Json,
  map: (key: string, value: unknown) => unknown,
): Json {
  const out = Object.create(
    Object.getPrototypeOf(source) as object | null,
  ) as Json;
  for (const key of Object.keys(source))
    defineValue(out, key, map(key, source[key]));
  return out;
}

/** An app a write reached: as it was (undefined: absent) and as it is now. */
export interface ReachedApp {
  before: AppRecord | undefined;
  after: AppRecord | undefined;
}

/** A draft of the state for one write, and how to finish it once the write succeeded. */
export interface StateDraft {
  draft: StateV1;
  /** The new state, and every app the write reached, by `org\0app`. */
  finish(): { state: StateV1; reached: Map<string, ReachedApp> };
}

/** A key deleted through an {@link OverlayMap}. */
const ABSENT: unique symbol = Symbol('absent');

/** A map of a draft that leaves its original untouched until `commit` (see {@link overlayOnAccess}). */
interface OverlayMap {
  proxy: Json;
  /** Whether the map holds `key` (as the op left it). */
  has(key: string): boolean;
  /** The value at `key` (as the op left it). */
  get(key: string): unknown;
  /** Sets `key` (an existing key keeps its place). */
  put(key: string, value: unknown): void;
  /** Writes the changes into the original, in the order they were made, and returns it. */
  commit(): Json;
}

/**
 * A proxy that reads as `original` plus the changes made through it. A
 * property is deep-copied on first access (`onReach(key)`, then
 * `copy(key, value)`) and every change is noted, but `original` itself is
 * neither copied nor changed: changes are kept aside (in order, so a key
 * deleted and set again moves to the end, as on a plain object) and written
 * into it by `commit`, once the write succeeded. An organisation's app map
 * (a thousand apps) is therefore not copied for a write that reaches one.
 */
function overlayOnAccess(
  original: Json,
  copy: (key: string, value: unknown) => unknown,
  onReach: (key: string) => void,
): OverlayMap {
  const proto = Object.getPrototypeOf(original) as object | null;
  // The keys changed so far: their value, or ABSENT when deleted; and the changes in order.
  const view = new Map<string, unknown>();
  const log: ([string, unknown] | [string])[] = [];
  const copied = new Set<string>();
  const has = (key: string) =>
    view.has(key) ? view.get(key) !== ABSENT : Object.hasOwn(original, key);
  const get = (key: string) => {
    if (!view.has(key)) return original[key];
    const value = view.get(key);
    return value === ABSENT
      ? proto === null
        ? undefined
        : (Reflect.get(proto, key) as unknown)
      : value;
  };
  const put = (key: string, value: unknown) => {
    view.set(key, value);
    log.push([key, value]);
  };
  const note = (key: string) => {
    if (copied.has(key)) return;
    copied.add(key);
    onReach(key);
  };
  const ensure = (key: string) => {
    if (copied.has(key) || !has(key)) return;
    note(key);
    put(key, copy(key, get(key)));
  };
  /** The map as the op left it, as a plain object (only to list its keys, in order). */
  const materialized = () => {
    const out = shallowCopy(original);
    for (const [key, ...value] of log) {
      if (value.length === 0) delete out[key];
      else defineValue(out, key, value[0]);
    }
    return out;
  };
  const proxy = new Proxy(original, {
    get(t, key) {
      if (typeof key !== 'string') return Reflect.get(t, key);
      ensure(key);
      return get(key);
    },
    has(t, key) {
      if (typeof key !== 'string' || !view.has(key)) return Reflect.has(t, key);
      return view.get(key) !== ABSENT || (proto !== null && key in proto);
    },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key !== 'string')
        return Reflect.getOwnPropertyDescriptor(t, key);
      ensure(key);
      if (!view.has(key)) return Reflect.getOwnPropertyDescriptor(t, key);
      const value = view.get(key);
      return value === ABSENT
        ? undefined
        : { value, writable: true, enumerable: true, configurable: true };
    },
    ownKeys(t) {
      return log.length === 0
        ? Reflect.ownKeys(t)
        : Reflect.ownKeys(materialized());
    },
    set(_t, key, value) {
      if (typeof key !== 'string') return false;
      note(key);
      put(key, value);
      return true;
    },
    defineProperty(_t, key, descriptor) {
      if (
        typeof key !== 'string' ||
        !('value' in descriptor) ||
        descriptor.configurable === false ||
        descriptor.enumerable === false ||
        descriptor.writable === false
      )
        throw new TypeError(
          `A draft's map holds plain data properties only (defining ${String(key)}).`,
        );
      note(key);
      put(key, descriptor.value);
      return true;
    },
    deleteProperty(_t, key) {
      if (typeof key !== 'string') return false;
      note(key);
      if (has(key)) {
        view.set(key, ABSENT);
        log.push([key]);
      }
      return true;
    },
  });
  return {
    proxy,
    has,
    get,
    put,
    commit() {
      for (const [key, ...value] of log) {
        if (value.length === 0) delete original[key];
        else defineValue(original, key, value[0]);
      }
      return original;
    },
  };
}

/** What an app proxy copied so far, by its target. */
const appCopied = new WeakMap<object, Set<string>>();
/** App targets with a field set, defined or deleted directly. */
const appWritten = new WeakSet<object>();

/** One handler for every app proxy (cheap to create: an op may reach all apps, e.g. to read their roles). */
const APP_HANDLER: ProxyHandler<Json> = {
  get(t, key) {
    ensureAppField(t, key);
    return Reflect.get(t, key);
  },
  getOwnPropertyDescriptor(t, key) {
    ensureAppField(t, key);
    return Reflect.getOwnPropertyDescriptor(t, key);
  },
  set(t, key, value) {
    appWritten.add(t);
    return Reflect.set(t, key, value);
  },
  defineProperty(t, key, descriptor) {
    appWritten.add(t);
    return Reflect.defineProperty(t, key, descriptor);
  },
  deleteProperty(t, key) {
    appWritten.add(t);
    return Reflect.deleteProperty(t, key);
  },
};

/** Whether an app the op reached is as it was (it only read it, e.g. its roles): then the original stays. */
function unchangedApp(original: Json, target: Json): boolean {
  if (appWritten.has(target)) return false;
  for (const key of appCopied.get(target) ?? [])
    if (!deepEqual(original[key], target[key])) return false;
  return true;
}

function ensureAppField(t: Json, key: string | symbol) {
  if (typeof key !== 'string') return;
  const copied = appCopied.get(t);
  if (!copied || copied.has(key) || !Object.hasOwn(t, key)) return;
  copied.add(key);
  t[key] = key === 'sets' ? copySetEntries(t[key]) : deepCopy(t[key]);
}

/**
 * An app's sets for a draft: the map and each `{ seq, set }` entry are
 * copied, the sets themselves shared. Sets are values (content-addressed,
 * never changed in place; a write only adds new ones, core/lookup.ts
 * storeSet), so a write reaching an app with many large sets copies a map of
 * references, not every workload of every set (and the hashes the sets'
 * workloads are kept under, by object, stay valid: core/set-hash.ts).
 */
function copySetEntries(sets: unknown): unknown {
  if (!isRecord(sets)) return deepCopy(sets);
  return copyWith(sets, (_id, entry) =>
    isRecord(entry) ? shallowCopy(entry) : deepCopy(entry),
  );
}

/** A proxy over a shallow copy of an app record that deep-copies a field on first access. */
function appProxy(app: Json): { proxy: Json; target: Json } {
  const target = shallowCopy(app);
  appCopied.set(target, new Set());
  return { proxy: new Proxy(target, APP_HANDLER), target };
}

/**
 * See the file comment. Ops run on `draft` as on a deep copy; the original is
 * never modified. An app is reached through a proxy that copies each of its
 * fields (envs, deploys, sets, ...) on first access, so reading the roles of
 * every app (authorisation does) copies the roles, not the apps.
 */
export function draftState(state: StateV1): StateDraft {
  const reachedKeys = new Map<
    string,
    { orgId: string; appId: string; before: AppRecord | undefined }
  >();
  const appsProxies = new Map<string, OverlayMap>();
  const appTargets = new WeakMap<object, Json>();

  const lazyApps = (orgId: string, original: Json): Json => {
    const lazy = overlayOnAccess(
      original,
      (_appId, app) => {
        if (!isRecord(app)) return deepCopy(app);
        const inner = appProxy(app);
        appTargets.set(inner.proxy, inner.target);
        return inner.proxy;
      },
      (appId) => {
        const key = orgId + SEP + appId;
        if (!reachedKeys.has(key)) {
          reachedKeys.set(key, {
            orgId,
            appId,
            before: Object.hasOwn(original, appId)
              ? (original[appId] as AppRecord)
              : undefined,
          });
        }
      },
    );
    appsProxies.set(orgId, lazy);
    return lazy.proxy;
  };
  const unwrap = (value: unknown): unknown =>
    isRecord(value) ? (appTargets.get(value) ?? value) : value;

  const orgs = copyWith(state.orgs as Json, (orgId, org) =>
    isRecord(org) && isRecord(org.apps)
      ? copyWith(org, (key, value) =>
          key === 'apps' ? lazyApps(orgId, value as Json) : deepCopy(value),
        )
      : deepCopy(org),
  );
  const draft = copyWith(state as unknown as Json, (key, value) =>
    key === 'orgs' ? orgs : OUTSIDE_WRITES.has(key) ? value : deepCopy(value),
  ) as unknown as StateV1;

  return {
    draft,
    finish() {
      const after = isRecord(draft.orgs) ? (draft.orgs as Json) : {};
      const appsOf = (org: unknown): Json =>
        isRecord(org) && isRecord(org.apps) ? org.apps : {};
      const reachAll = (orgId: string, before: Json, now: Json) => {
        for (const appId of new Set([
          ...Object.keys(before),
          ...Object.keys(now),
        ])) {
          const key = orgId + SEP + appId;
          if (!reachedKeys.has(key)) {
            reachedKeys.set(key, {
              orgId,
              appId,
              before: Object.hasOwn(before, appId)
                ? (before[appId] as AppRecord)
                : undefined,
            });
          }
        }
      };
      for (const orgId of Object.keys(after)) {
        const org = after[orgId];
        if (!isRecord(org)) {
          reachAll(
            orgId,
            Object.hasOwn(state.orgs, orgId) ? appsOf(state.orgs[orgId]) : {},
            {},
          );
          continue;
        }
        // The plain app map in place of its proxy (reached through the proxy: its target).
        let apps = org.apps;
        const lazy = appsProxies.get(orgId);
        if (lazy !== undefined && apps === lazy.proxy) {
          // Through the overlay: reading the proxy would copy every app.
          for (const [key, { orgId: o, appId, before }] of reachedKeys) {
            if (o !== orgId || !lazy.has(appId)) continue;
            const app = lazy.get(appId);
            if (!isRecord(app) || !appTargets.has(app)) continue;
            const target = unwrap(app) as Json;
            if (isRecord(before) && unchangedApp(before, target)) {
              lazy.put(appId, before);
              reachedKeys.delete(key);
            } else lazy.put(appId, target);
          }
          // The write succeeded: its changes go into the app map itself (the state it was drafted from is done with).
          defineValue(org, 'apps', lazy.commit());
        } else {
          // The op replaced the org or its app map: every app of it counts as reached.
          if (isRecord(apps)) {
            apps = copyWith(apps, (_appId, app) => unwrap(app));
            defineValue(org, 'apps', apps);
          }
          reachAll(
            orgId,
            Object.hasOwn(state.orgs, orgId) ? appsOf(state.orgs[orgId]) : {},
            appsOf(org),
          );
        }
      }
      for (const orgId of Object.keys(state.orgs)) {
        if (!Object.hasOwn(after, orgId))
          reachAll(orgId, appsOf(state.orgs[orgId]), {});
      }
      const reached = new Map<string, ReachedApp>();
      for (const [key, { orgId, appId, before }] of reachedKeys) {
        const apps = Object.hasOwn(after, orgId) ? appsOf(after[orgId]) : {};
        reached.set(key, {
          before,
          after: Object.hasOwn(apps, appId)
            ? (apps[appId] as AppRecord)
            : undefined,
        });
      }
      return { state: draft, reached };
    },
  };
}

/** The state without its apps (each org keeps an empty `apps`) and the keys written outside writes: small, diffed whole. */
function skeletonOf(state: StateV1): Json {
  const skeleton = copyWith(state as unknown as Json, (key, value) =>
    key === 'orgs' && isRecord(value)
      ? copyWith(value, (_id, org) =>
          isRecord(org)
            ? copyWith(org, (k, v) => (k === 'apps' ? {} : v))
            : org,
        )
      : value,
  );
  for (const key of OUTSIDE_WRITES) delete skeleton[key];
  return skeleton;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => deepEqual(x, b[i]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  if (keys.length !== Object.keys(b).filter((k) => b[k] !== undefined).length)
    return false;
  return keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/** Appends to `out` the operations turning `a` into `b` (as JSON: undefined counts as absent). */
export function diffInto(
  a: unknown,
  b: unknown,
  path: string[],
  out: PatchOp[],
): void {
  if (Object.is(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of Object.keys(b)) {
      if (b[key] === undefined) continue;
      if (!Object.hasOwn(a, key) || a[key] === undefined)
        out.push([[...path, key], b[key]]);
      else diffInto(a[key], b[key], [...path, key], out);
    }
    for (const key of Object.keys(a)) {
      if (
        a[key] !== undefined &&
        (!Object.hasOwn(b, key) || b[key] === undefined)
      )
        out.push([[...path, key]]);
    }
    return;
  }
  if (deepEqual(a, b)) return;
  out.push(b === undefined ? [path] : [path, b]);
}

/** Applies patch operations to a state in place; throws on a path that does not lead anywhere. */
export function applyPatch(state: Json, ops: readonly PatchOp[]): void {
  for (const op of ops) {
    const [path] = op;
    if (
      !Array.isArray(path) ||
      path.length === 0 ||
      !path.every((p) => typeof p === 'string')
    ) {
      throw new Error(
        `a patch operation has no valid path (${JSON.stringify(path)})`,
      );
    }
    let node: unknown = state;
    for (const key of path.slice(0, -1)) {
      if (!isRecord(node) || !Object.hasOwn(node, key)) {
        if (op.length === 1) break; // deleting inside something already gone
        throw new Error(
          `a patch operation sets /${path.join('/')}, but /${key} does not exist there`,
        );
      }
      node = node[key];
    }
    const last = path[path.length - 1];
    if (op.length === 1) {
      if (isRecord(node) && Object.hasOwn(node, last)) delete node[last];
    } else if (isRecord(node)) defineValue(node, last, op[1]);
    else
      throw new Error(
        `a patch operation sets /${path.join('/')} inside something that is not an object`,
      );
  }
}

/** Tracks what changed between two `take` calls (see the file comment). */
export interface ChangeTracker {
  /** After a committed write: the apps it reached, as they were and are. */
  wrote(reached: Map<string, ReachedApp>): void;
  /**
   * Before time-driven progress: keeps before-images of the apps it may
   * change. `running`: the apps that may have a running deployment (every one
   * that has one, core/running-apps.ts), looked at instead of every app.
   */
  beforeProgress(
    state: StateV1,
    running?: readonly { orgId: string; appId: string; app: AppRecord }[],
  ): void;
  /** Operations made outside a write (a key of {@link OUTSIDE_WRITES}), in order with the writes'. */
  noted(ops: readonly PatchOp[]): void;
  /** The whole state was replaced. */
  replaced(): void;
  take(state: StateV1): StateChanges;
}

/** Whether an environment of the app has a deployment pending or in progress. */
export function hasActiveDeploy(app: AppRecord): boolean {
  const { envs } = app;
  for (const envId in envs)
    if (Object.hasOwn(envs, envId) && envs[envId].activeDeployId !== undefined)
      return true;
  return false;
}

const appPath = (key: string) => {
  const [orgId, appId] = key.split(SEP);
  return ['orgs', orgId, 'apps', appId];
};

export function createChangeTracker(initial: StateV1): ChangeTracker {
  let full = false;
  let skeleton = structuredClone(skeletonOf(initial));
  // Operations of writes, made when each write finished (an untouched field is shared, so diffing it is free).
  let pending: PatchOp[] = [];
  // Deep before-images of apps that time-driven progress may change in place; diffed at `take`.
  const before = new Map<string, AppRecord | undefined>();
  return {
    wrote(reached) {
      for (const [key, app] of reached) {
        // An app with a before-image is diffed whole at `take`.
        if (before.has(key)) continue;
        const ops: PatchOp[] = [];
        diffInto(app.before, app.after, appPath(key), ops);
        if (ops.length > 0)
          pending.push(...(structuredClone(ops) as PatchOp[]));
      }
    },
    beforeProgress(state, running) {
      const keep = (orgId: string, appId: string, app: AppRecord) => {
        const key = orgId + SEP + appId;
        if (!before.has(key)) before.set(key, structuredClone(app));
      };
      if (running) {
        for (const { orgId, appId, app } of running)
          if (hasActiveDeploy(app)) keep(orgId, appId, app);
      } else {
        const { orgs } = state;
        for (const orgId in orgs) {
          if (!Object.hasOwn(orgs, orgId)) continue;
          const { apps } = orgs[orgId];
          for (const appId in apps) {
            if (Object.hasOwn(apps, appId) && hasActiveDeploy(apps[appId]))
              keep(orgId, appId, apps[appId]);
          }
        }
      }
      const pipelines = existingPipelines(state);
      for (const store of Object.values(pipelines?.apps ?? {})) {
        if (
          !Object.values(store.runs).some((run) => run.status === 'executing')
        )
          continue;
        const apps = Object.hasOwn(state.orgs, store.orgId)
          ? state.orgs[store.orgId].apps
          : undefined;
        if (apps && Object.hasOwn(apps, store.appId))
          keep(store.orgId, store.appId, apps[store.appId]);
      }
    },
    noted(ops) {
      if (!full) pending.push(...(structuredClone(ops) as PatchOp[]));
    },
    replaced() {
      full = true;
      pending = [];
      before.clear();
    },
    take(state) {
      const now = skeletonOf(state);
      let ops: PatchOp[] = [];
      if (!full) {
        // The skeleton first (a new organisation before its apps), then the apps.
        const skeletonOps: PatchOp[] = [];
        diffInto(skeleton, now, [], skeletonOps);
        const appOps: PatchOp[] = [];
        for (const [key, app] of before) {
          const [orgId, appId] = key.split(SEP);
          const apps = Object.hasOwn(state.orgs, orgId)
            ? state.orgs[orgId].apps
            : {};
          diffInto(
            app,
            Object.hasOwn(apps, appId) ? apps[appId] : undefined,
            appPath(key),
            appOps,
          );
        }
        ops = [
          ...(structuredClone(skeletonOps) as PatchOp[]),
          ...pending,
          ...(structuredClone(appOps) as PatchOp[]),
        ];
        // Changes inside an organisation that is gone since: its removal says it all.
        ops = ops.filter(
          ([path]) =>
            path[0] !== 'orgs' ||
            path.length <= 2 ||
            Object.hasOwn(state.orgs, path[1]),
        );
      }
      const result = { full, ops };
      full = false;
      pending = [];
      before.clear();
      skeleton = structuredClone(now);
      return result;
    },
  };
}
