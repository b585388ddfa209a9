/**
 * Finding records by id, with the engine's not-found messages, and the
 * context every engine operation runs in.
 */
import { emptySet, isEmptySetId } from './canonical';
import { EngineError } from './errors';
import type { DeploymentSet, IdSource } from './model/spec';
import type {
  AppRecord,
  DeployRecord,
  EnvRecord,
  OrgRecord,
  StateV1,
} from './state';

export type { OpContext } from './context';

function notFound(kind: string, id: string, message: string): never {
  throw new EngineError('not_found', message, { kind, id });
}

function own<T>(records: Record<string, T>, id: unknown): T | undefined {
  return typeof id === 'string' && Object.hasOwn(records, id)
    ? records[id]
    : undefined;
}

/** The organisation, or `not_found`. */
export function requireOrg(state: StateV1, orgId: string): OrgRecord {
  return (
    own(state.orgs, orgId) ??
    notFound('organization', orgId, `Organisation \`${orgId}\` does not exist.`)
  );
}

/** The application, or `not_found`. */
export function requireApp(
  state: StateV1,
  orgId: string,
  appId: string,
): AppRecord {
  const org = requireOrg(state, orgId);
  return (
    own(org.apps, appId) ??
    notFound(
      'application',
      appId,
      `Application \`${appId}\` does not exist in organisation \`${orgId}\`.`,
    )
  );
}

/** The environment (and its app), or `not_found`. */
export function requireEnv(
  state: StateV1,
  orgId: string,
  appId: string,
  envId: string,
): { app: AppRecord; env: EnvRecord } {
  const app = requireApp(state, orgId, appId);
  const env =
    own(app.envs, envId) ??
    notFound(
      'environment',
      envId,
      `Environment \`${envId}\` does not exist in app \`${appId}\`.`,
    );
  return { app, env };
}

/** A deployment of any environment of the app, or `not_found`. */
export function requireAppDeploy(
  app: AppRecord,
  deployId: string,
): DeployRecord {
  return (
    own(app.deploys, deployId) ??
    notFound(
      'deployment',
      deployId,
      `Deployment \`${deployId}\` does not exist in app \`${app.app.id}\`.`,
    )
  );
}

/** A deployment made in the given environment, or `not_found`. */
export function requireEnvDeploy(
  app: AppRecord,
  env: EnvRecord,
  deployId: string,
): DeployRecord {
  const record = own(app.deploys, deployId);
  if (
    !record ||
    record.deployment.env_id !== env.env.id ||
    !env.deployIds.includes(deployId)
  ) {
    notFound(
      'deployment',
      deployId,
      `Deployment \`${deployId}\` does not exist in environment \`${env.env.id}\` of app \`${app.app.id}\`.`,
    );
  }
  return record as DeployRecord;
}

/** A stored delta, or `not_found`. */
export function requireDelta(app: AppRecord, deltaId: string) {
  return (
    own(app.deltas, deltaId)?.delta ??
    notFound(
      'delta',
      deltaId,
      `Delta \`${deltaId}\` does not exist in app \`${app.app.id}\`.`,
    )
  );
}

/** A stored set (the empty set for its id or `0`), or `not_found`. */
export function requireSet(app: AppRecord, setId: string): DeploymentSet {
  if (typeof setId === 'string' && isEmptySetId(setId)) return emptySet();
  return (
    own(app.sets, setId)?.set ??
    notFound(
      'set',
      setId,
      `Deployment set \`${setId}\` does not exist in app \`${app.app.id}\`.`,
    )
  );
}

/** Stores a set in the app (sets are content-addressed: storing twice is a no-op). */
export function storeSet(
  state: StateV1,
  app: AppRecord,
  set: DeploymentSet,
): void {
  if (!Object.hasOwn(app.sets, set.id))
    app.sets[set.id] = { seq: (state.seq += 1), set };
}

/** A new id of `kind` that `taken` does not report as used (ids are retried on collision). */
export function freshId(
  ids: IdSource,
  kind: Parameters<IdSource['next']>[0],
  taken: (id: string) => boolean,
): string {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const id = ids.next(kind);
    if (!taken(id)) return id;
  }
  throw new Error(`The id source returned 1000 used ${kind} ids in a row.`);
}

/** The next creation-order number. */
export function nextSeq(state: StateV1): number {
  state.seq += 1;
  return state.seq;
}
