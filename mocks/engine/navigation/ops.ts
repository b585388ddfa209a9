/**
 * The navigation index of an organisation (the console extension
 * `GET /orgs/{orgId}/console/navigation-index`): compact rows of every app
 * the caller may read (the methods pass the filter), environment (with its last deployment's status and the workloads of that
 * deployment's set) and the recent deployments, so the console's palette and
 * sidebar can search a large organisation with one request.
 */
import { requireOrg } from '../core/lookup';
import type { DeploymentStatus } from '../core/model/spec';
import type { AppRecord, StateV1 } from '../core/state';
import { bySeq } from '../core/state';

/** Default and maximum number of deployments listed per environment. */
export const NAVIGATION_DEPLOYS_PER_ENV = { default: 5, max: 50 } as const;

/** An environment row of the navigation index. */
export interface NavigationEnv {
  id: string;
  name: string;
  type: string;
  /** The newest deployment (also while it runs); absent when never deployed. */
  last_deploy?: { id: string; status: DeploymentStatus; created_at: string };
  /** Workload ids of the last deployment's set, sorted. */
  workloads: string[];
}

/** An application row of the navigation index. */
export interface NavigationApp {
  id: string;
  name: string;
  created_at?: string;
  /** In creation order. */
  envs: NavigationEnv[];
}

/** A deployment row of the navigation index. */
export interface NavigationDeployment {
  id: string;
  app_id: string;
  env_id: string;
  comment: string;
  status: DeploymentStatus;
  created_at: string;
  created_by: string;
}

/** The whole index (the extension's NavigationIndex schema). */
export interface NavigationIndex {
  org_id: string;
  /** Apps in creation order. */
  apps: NavigationApp[];
  /** The newest `deploys_per_env` deployments of every environment, newest first. */
  deployments: NavigationDeployment[];
  deploys_per_env: number;
  /** Workload profile ids used by the workloads of the last deployments, sorted. */
  profiles: string[];
  /** A page of the index (paging.ts): how many apps match over all pages. */
  total_apps?: number;
}

/** `deploysPerEnv` clamped to 0…{@link NAVIGATION_DEPLOYS_PER_ENV}.max. */
export function deploysLimit(
  deploysPerEnv: number = NAVIGATION_DEPLOYS_PER_ENV.default,
): number {
  return Math.max(
    0,
    Math.min(NAVIGATION_DEPLOYS_PER_ENV.max, Math.floor(deploysPerEnv) || 0),
  );
}

/**
 * The index of `apps` (in the order given): their rows, the newest `limit`
 * deployments of each of their environments (newest first overall) and the
 * profiles of their last deployments.
 */
export function indexOfApps(
  orgId: string,
  apps: readonly AppRecord[],
  limit: number,
): NavigationIndex {
  const rows: NavigationApp[] = [];
  const deployments: NavigationDeployment[] = [];
  const profiles = new Set<string>();
  for (const app of apps) {
    const envs: NavigationEnv[] = [];
    for (const env of bySeq(app.envs)) {
      const last =
        env.lastDeployId !== undefined
          ? app.deploys[env.lastDeployId]
          : undefined;
      const row: NavigationEnv = {
        id: env.env.id,
        name: env.env.name,
        type: env.env.type,
        workloads: [],
      };
      if (last) {
        const { id, status, created_at, set_id } = last.deployment;
        row.last_deploy = { id, status, created_at };
        const modules = app.sets[set_id]?.set.modules ?? {};
        row.workloads = Object.keys(modules).sort();
        for (const module of Object.values(modules))
          profiles.add(module.profile);
      }
      envs.push(row);
      const start = Math.max(0, env.deployIds.length - limit);
      for (let i = env.deployIds.length - 1; i >= start; i -= 1) {
        const record = app.deploys[env.deployIds[i]];
        if (!record) continue;
        const d = record.deployment;
        deployments.push({
          id: d.id,
          app_id: app.app.id,
          env_id: d.env_id,
          comment: d.comment,
          status: d.status,
          created_at: d.created_at,
          created_by: d.created_by,
        });
      }
    }
    rows.push({
      id: app.app.id,
      name: app.app.name,
      created_at: app.app.created_at,
      envs,
    });
  }
  deployments.sort((a, b) =>
    a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0,
  );
  return {
    org_id: orgId,
    apps: rows,
    deployments,
    deploys_per_env: limit,
    profiles: [...profiles].sort(),
  };
}

/**
 * Builds the navigation index of `orgId` from the state (statuses as last
 * materialised: the engine advances deployments before reading) over the
 * apps `readable` keeps (the caller's, access/authorize.ts appReadFilter):
 * their rows, deployments and profiles only. Throws `not_found` for an
 * unknown organisation. `deploysPerEnv` is clamped to
 * 0…{@link NAVIGATION_DEPLOYS_PER_ENV}.max.
 */
export function buildNavigationIndex(
  state: StateV1,
  orgId: string,
  readable: (appId: string) => boolean,
  deploysPerEnv: number = NAVIGATION_DEPLOYS_PER_ENV.default,
): NavigationIndex {
  const org = requireOrg(state, orgId);
  const apps = bySeq(org.apps).filter((app) => readable(app.app.id));
  return indexOfApps(org.org.id, apps, deploysLimit(deploysPerEnv));
}
