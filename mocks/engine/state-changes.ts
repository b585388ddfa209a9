/**
 * What changed in the engine state, for an incremental store (the journal of
 * `npm run api`, mocks/persistence/journal-store.ts), at the cost of the
 * change rather than of the whole state:
 *
 * - `draftState` gives a write its draft: everything but the applications is
 *   copied (a few kB), and an application is copied only when the operation
 *   first reaches it, so a change to one app of a thousand copies one app.
 * - `createChangeTracker` remembers, between two `take` calls, the before-image
 *   of every app a write reached or time-driven progress may move (apps with a
 *   running deployment or pipeline run), and returns the difference as patch
 *   operations: the state "skeleton" (all but the apps, small) diffed against
 *   the one last taken, plus the diff of each of those apps.
 */
import { existingPipelines } from './pipelines-store';
import type { AppRecord, OrgRecord, StateV1 } from './state';

/** Sets the value at a path (`[path, value]`) or deletes it (`[path]`). */
export type PatchOp = [path: string[], value: unknown] | [path: string[]];

/** What changed since the previous `take`: patch operations, or `full` when the whole state was replaced (reset). */
export interface StateChanges {
  full: boolean;
  ops: PatchOp[];
}

type Json = Record<string, unknown>;
const SEP = '\u0000';

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own, enumerable property (also for keys such as `__proto__`). */
export function defineValue(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A copy of `source` with the same prototype and key order, each value mapped. */
function copyWith(source: Json, map: (key: string, value: unknown) => unknown): Json {
  const out = Object.create(Object.getPrototypeOf(source) as object | null) as Json;
  for (const key of Object.keys(source)) defineValue(out, key, map(key, source[key]));
  return out;
}

/** A draft of the state for one write, and how to finish it once the write succeeded. */
export interface StateDraft {
  draft: StateV1;
  /** The new state, and the before-image (undefined: absent) of every app the write reached, by `org\0app`. */
  finish(): { state: StateV1; touched: Map<string, AppRecord | undefined> };
}

/** See the file comment. Ops run on `draft` as on a deep copy; the original is never modified. */
export function draftState(state: StateV1): StateDraft {
  const touched = new Map<string, AppRecord | undefined>();
  const lazy = new Map<string, { proxy: Json; target: Json }>();

  const lazyApps = (orgId: string, original: Json): Json => {
    const target = copyWith(original, (_key, value) => value);
    const copied = new Set<string>();
    const note = (key: string | symbol) => {
      if (typeof key !== 'string' || copied.has(key)) return;
      copied.add(key);
      touched.set(orgId + SEP + key, Object.hasOwn(original, key) ? (original[key] as AppRecord) : undefined);
    };
    const ensure = (key: string | symbol) => {
      if (typeof key !== 'string' || copied.has(key) || !Object.hasOwn(target, key)) return;
      note(key);
      defineValue(target, key, structuredClone(target[key]));
    };
    const proxy = new Proxy(target, {
      get(t, key) {
        ensure(key);
        return Reflect.get(t, key);
      },
      getOwnPropertyDescriptor(t, key) {
        ensure(key);
        return Reflect.getOwnPropertyDescriptor(t, key);
      },
      set(t, key, value) {
        note(key);
        return Reflect.set(t, key, value);
      },
      defineProperty(t, key, descriptor) {
        note(key);
        return Reflect.defineProperty(t, key, descriptor);
      },
      deleteProperty(t, key) {
        note(key);
        return Reflect.deleteProperty(t, key);
      },
    });
    lazy.set(orgId, { proxy, target });
    return proxy;
  };

  const orgs = copyWith(state.orgs as Json, (orgId, org) =>
    isRecord(org) && isRecord(org.apps)
      ? copyWith(org, (key, value) => (key === 'apps' ? lazyApps(orgId, value as Json) : structuredClone(value)))
      : structuredClone(org),
  );
  const draft = copyWith(state as unknown as Json, (key, value) =>
    key === 'orgs' ? orgs : structuredClone(value),
  ) as unknown as StateV1;

  return {
    draft,
    finish() {
      const after = isRecord(draft.orgs) ? (draft.orgs as Json) : {};
      const appsOf = (org: unknown): Json => (isRecord(org) && isRecord(org.apps) ? org.apps : {});
      const reachAll = (orgId: string, before: Json, now: Json) => {
        for (const appId of new Set([...Object.keys(before), ...Object.keys(now)])) {
          const key = orgId + SEP + appId;
          if (!touched.has(key)) touched.set(key, Object.hasOwn(before, appId) ? (before[appId] as AppRecord) : undefined);
        }
      };
      for (const orgId of Object.keys(after)) {
        const org = after[orgId];
        const entry = lazy.get(orgId);
        if (entry && isRecord(org) && org.apps === entry.proxy) defineValue(org, 'apps', entry.target);
        else {
          // The op replaced the org or its app map: every app of it counts as reached.
          const before = Object.hasOwn(state.orgs, orgId) ? appsOf(state.orgs[orgId]) : {};
          reachAll(orgId, before, appsOf(org));
        }
      }
      for (const orgId of Object.keys(state.orgs)) {
        if (!Object.hasOwn(after, orgId)) reachAll(orgId, appsOf(state.orgs[orgId]), {});
      }
      return { state: draft, touched };
    },
  };
}

/** The state without its apps (each org keeps an empty `apps`): small, diffed whole. */
function skeletonOf(state: StateV1): Json {
  return copyWith(state as unknown as Json, (key, value) =>
    key === 'orgs' && isRecord(value)
      ? copyWith(value, (_id, org) => (isRecord(org) ? copyWith(org, (k, v) => (k === 'apps' ? {} : v)) : org))
      : value,
  );
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  if (keys.length !== Object.keys(b).filter((k) => b[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/** Appends to `out` the operations turning `a` into `b` (as JSON: undefined counts as absent). */
export function diffInto(a: unknown, b: unknown, path: string[], out: PatchOp[]): void {
  if (Object.is(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of Object.keys(b)) {
      if (b[key] === undefined) continue;
      if (!Object.hasOwn(a, key) || a[key] === undefined) out.push([[...path, key], b[key]]);
      else diffInto(a[key], b[key], [...path, key], out);
    }
    for (const key of Object.keys(a)) {
      if (a[key] !== undefined && (!Object.hasOwn(b, key) || b[key] === undefined)) out.push([[...path, key]]);
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
    if (!Array.isArray(path) || path.length === 0 || !path.every((p) => typeof p === 'string')) {
      throw new Error(`a patch operation has no valid path (${JSON.stringify(path)})`);
    }
    let node: unknown = state;
    for (const key of path.slice(0, -1)) {
      if (!isRecord(node) || !Object.hasOwn(node, key)) {
        if (op.length === 1) break; // deleting inside something already gone
        throw new Error(`a patch operation sets /${path.join('/')}, but /${key} does not exist there`);
      }
      node = node[key];
    }
    const last = path[path.length - 1];
    if (op.length === 1) {
      if (isRecord(node) && Object.hasOwn(node, last)) delete node[last];
    } else if (isRecord(node)) defineValue(node, last, op[1]);
    else throw new Error(`a patch operation sets /${path.join('/')} inside something that is not an object`);
  }
}

/** Tracks what changed between two `take` calls (see the file comment). */
export interface ChangeTracker {
  /** After a committed write: the before-images of the apps it reached. */
  wrote(touched: Map<string, AppRecord | undefined>): void;
  /** Before time-driven progress: keeps before-images of the apps it may change. */
  beforeProgress(state: StateV1): void;
  /** The whole state was replaced. */
  replaced(): void;
  take(state: StateV1): StateChanges;
}

export function createChangeTracker(initial: StateV1): ChangeTracker {
  let full = false;
  let skeleton = structuredClone(skeletonOf(initial));
  const before = new Map<string, AppRecord | undefined>();
  const keep = (orgId: string, appId: string, app: AppRecord) => {
    const key = orgId + SEP + appId;
    if (!before.has(key)) before.set(key, structuredClone(app));
  };
  return {
    wrote(touched) {
      for (const [key, app] of touched) if (!before.has(key)) before.set(key, app);
    },
    beforeProgress(state) {
      for (const [orgId, org] of Object.entries(state.orgs) as [string, OrgRecord][]) {
        for (const [appId, app] of Object.entries(org.apps)) {
          if (Object.values(app.envs).some((env) => env.activeDeployId !== undefined)) keep(orgId, appId, app);
        }
      }
      const pipelines = existingPipelines(state);
      for (const store of Object.values(pipelines?.apps ?? {})) {
        if (!Object.values(store.runs).some((run) => run.status === 'executing')) continue;
        const app = Object.hasOwn(state.orgs, store.orgId) ? state.orgs[store.orgId].apps : undefined;
        if (app && Object.hasOwn(app, store.appId)) keep(store.orgId, store.appId, app[store.appId]);
      }
    },
    replaced() {
      full = true;
      before.clear();
    },
    take(state) {
      const now = skeletonOf(state);
      const ops: PatchOp[] = [];
      if (!full) {
        diffInto(skeleton, now, [], ops);
        for (const [key, app] of before) {
          const [orgId, appId] = key.split(SEP);
          const apps = Object.hasOwn(state.orgs, orgId) ? state.orgs[orgId].apps : {};
          diffInto(app, Object.hasOwn(apps, appId) ? apps[appId] : undefined, ['orgs', orgId, 'apps', appId], ops);
        }
      }
      const result = { full, ops: structuredClone(ops) };
      full = false;
      before.clear();
      skeleton = structuredClone(now);
      return result;
    },
  };
}
