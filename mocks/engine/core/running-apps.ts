/**
 * The apps that may have a deployment pending or in progress. Time-driven
 * progress runs at the start of every engine call; it visits these apps
 * instead of every app of every organisation (with a thousand apps one such
 * pass cost more than the rest of a call).
 *
 * Every app that has a running deployment is in the set; it may also hold
 * apps whose deployments have finished since. A deployment is started only by
 * `createDeploy`, which runs in a write (whose reached apps are added after it
 * commits, `wrote`) or in a pipeline run moved by progress (after which the
 * engine looks at every app again, `rescan`). Progress only finishes
 * deployments (`prune` forgets the apps left without one).
 */
import { hasActiveDeploy, type ReachedApp } from './state-changes';
import type { AppRecord, StateV1 } from './state';

const SEP = '\u0000';

/** An app of the state, with where it is. */
export interface PlacedApp {
  orgId: string;
  appId: string;
  app: AppRecord;
}

/** See the file comment. */
export interface RunningApps {
  /** The apps of `state` that may have a running deployment (every one that has one). */
  apps(state: StateV1): PlacedApp[];
  /** After a committed write: the apps it reached (keys `org\0app`), as they are now. */
  wrote(reached: Map<string, ReachedApp>): void;
  /** Looks at every app again (a new state, a pipeline run that moved). */
  rescan(state: StateV1): void;
  /** Forgets the apps whose deployments have all finished. */
  prune(state: StateV1): void;
}

function appAt(
  state: StateV1,
  orgId: string,
  appId: string,
): AppRecord | undefined {
  if (!Object.hasOwn(state.orgs, orgId)) return undefined;
  const { apps } = state.orgs[orgId];
  return Object.hasOwn(apps, appId) ? apps[appId] : undefined;
}

/** The running apps of `state`, found by one pass over every app. */
export function createRunningApps(state: StateV1): RunningApps {
  const keys = new Set<string>();
  const rescan = (s: StateV1) => {
    keys.clear();
    const { orgs } = s;
    for (const orgId in orgs) {
      if (!Object.hasOwn(orgs, orgId)) continue;
      const { apps } = orgs[orgId];
      for (const appId in apps) {
        if (Object.hasOwn(apps, appId) && hasActiveDeploy(apps[appId]))
          keys.add(orgId + SEP + appId);
      }
    }
  };
  rescan(state);
  return {
    apps(s) {
      const out: PlacedApp[] = [];
      for (const key of keys) {
        const [orgId, appId] = key.split(SEP);
        const app = appAt(s, orgId, appId);
        if (app) out.push({ orgId, appId, app });
        else keys.delete(key);
      }
      return out;
    },
    wrote(reached) {
      for (const [key, { after }] of reached)
        if (after && hasActiveDeploy(after)) keys.add(key);
    },
    rescan,
    prune(s) {
      for (const key of keys) {
        const [orgId, appId] = key.split(SEP);
        const app = appAt(s, orgId, appId);
        if (!app || !hasActiveDeploy(app)) keys.delete(key);
      }
    },
  };
}
