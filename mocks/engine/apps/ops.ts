/**
 * Operations on applications and environments. Each takes an {@link OpContext}
 * whose state is a draft: the engine commits it only when the operation
 * returns, so a refused call changes nothing.
 */
import { runningConflict } from '../deploys';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import {
  nextSeq,
  requireApp,
  requireAppDeploy,
  requireEnv,
  requireOrg,
} from '../core/lookup';
import type { Application, Environment } from '../core/model/spec';
import type { AppRecord, EnvRecord, OrgRecord } from '../core/state';
import { isoAt } from '../core/state';
import { assertId, assertName, invalid, show } from '../core/validate';
import { toApplication, toEnvironment } from '../core/views';

/** The environment every new application starts with. */
export const FIRST_ENV = {
  id: 'development',
  name: 'Development',
  type: 'development',
} as const;

function body(
  input: unknown,
  what: string,
  example: string,
): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalid(`${what} must be an object like ${example}; got ${show(input)}.`);
  }
  return input as Record<string, unknown>;
}

function newEnv(
  ctx: OpContext,
  input: { id: string; name: string; type: string },
): EnvRecord {
  const at = isoAt(ctx.now);
  return {
    seq: nextSeq(ctx.state),
    env: {
      id: input.id,
      name: input.name,
      type: input.type,
      created_at: at,
      created_by: ctx.userId,
      status: 'active',
      status_changed_at: at,
    },
    deployIds: [],
    paused: false,
    replicas: {},
  };
}

/**
 * Creates an application. As Humanitec does, it starts with one environment,
 * `development` (type `development`), which has no deployment yet; further
 * environments are created from a deployment. `conflict` if the id is taken.
 */
export function createApp(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): Application {
  const org = requireOrg(ctx.state, orgId);
  const fields = body(
    input,
    'An application',
    '{"id": "shop", "name": "Shop"}',
  );
  const id = assertId('Application id', fields.id, 2);
  const name = assertName('Application name', fields.name);
  if (Object.hasOwn(org.apps, id)) {
    throw new EngineError(
      'conflict',
      `Application \`${id}\` already exists in organisation \`${orgId}\`; choose another id.`,
      { id, field: 'id' },
    );
  }
  const at = isoAt(ctx.now);
  const app: AppRecord = {
    seq: nextSeq(ctx.state),
    app: {
      id,
      name,
      org_id: orgId,
      created_at: at,
      created_by: ctx.userId,
      status: 'active',
      status_changed_at: at,
    },
    envs: {},
    deploys: {},
    sets: {},
    deltas: {},
  };
  app.envs[FIRST_ENV.id] = newEnv(ctx, FIRST_ENV);
  org.apps[id] = app;
  return toApplication(app);
}

function activeEnv(app: AppRecord): EnvRecord | undefined {
  return Object.values(app.envs).find(
    (env) => env.activeDeployId !== undefined,
  );
}

/** Deletes an application with everything in it; `conflict` while one of its deployments runs. */
export function deleteApp(ctx: OpContext, orgId: string, appId: string): void {
  const app = requireApp(ctx.state, orgId, appId);
  const running = activeEnv(app);
  if (running)
    throw runningConflict(running, `delete application \`${appId}\``);
  delete ctx.state.orgs[orgId].apps[appId];
}

function envType(org: OrgRecord, value: unknown): string {
  const type = value ?? FIRST_ENV.type;
  if (typeof type !== 'string' || !org.envTypes.some((t) => t.id === type)) {
    invalid(
      `Environment type ${show(type)} does not exist in organisation \`${org.org.id}\`; use one of ${org.envTypes
        .map((t) => t.id)
        .join(', ')}.`,
      { type: show(type) },
    );
  }
  return type as string;
}

/**
 * Creates an environment, from a deployment of the app when `from_deploy_id`
 * names one (it becomes its `from_deploy`, the base of its first
 * deployment), or empty like an app's first environment when it is left out
 * (optional in the spec). `type` defaults to `development`.
 */
export function createEnv(
  ctx: OpContext,
  orgId: string,
  appId: string,
  input: unknown,
): Environment {
  const org = requireOrg(ctx.state, orgId);
  const app = requireApp(ctx.state, orgId, appId);
  const fields = body(
    input,
    'An environment',
    '{"id": "staging", "name": "Staging", "type": "staging", "from_deploy_id": "…"}',
  );
  const id = assertId('Environment id', fields.id, 2);
  const name = assertName('Environment name', fields.name);
  const type = envType(org, fields.type);
  if (Object.hasOwn(app.envs, id)) {
    throw new EngineError(
      'conflict',
      `Environment \`${id}\` already exists in app \`${appId}\`; choose another id.`,
      { id },
    );
  }
  const fromDeployId = fields.from_deploy_id;
  if (
    fromDeployId !== undefined &&
    (typeof fromDeployId !== 'string' || fromDeployId === '')
  )
    invalid(
      `\`from_deploy_id\` must be a deployment id (a string), or left out for an empty environment; got ${show(fromDeployId)}.`,
      { field: 'from_deploy_id' },
    );
  const from =
    fromDeployId === undefined
      ? undefined
      : requireAppDeploy(app, fromDeployId as string);
  const env = newEnv(ctx, { id, name, type });
  if (from) env.fromDeployId = from.deployment.id;
  app.envs[id] = env;
  return toEnvironment(app, env);
}

/**
 * Changes an environment: `name` (the spec's EnvironmentBaseUpdateRequest)
 * and, as our extension, `type` (an existing environment type; not while a
 * deployment runs in it, since the running deployment was checked against
 * the old type). The id never changes. Returns the environment.
 */
export function updateEnv(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  input: unknown,
): Environment {
  const org = requireOrg(ctx.state, orgId);
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const fields = body(
    input,
    'An environment change',
    '{"name": "Staging (EU)"} or {"type": "staging"}',
  );
  const name =
    fields.name === undefined
      ? undefined
      : assertName('Environment name', fields.name);
  const type =
    fields.type === undefined ? undefined : envType(org, fields.type);
  if (name === undefined && type === undefined)
    invalid(
      'Nothing to change: send `name` (a new display name) and/or `type` (another environment type), e.g. {"name": "Staging (EU)"}.',
    );
  if (type !== undefined && type !== env.env.type) {
    if (env.activeDeployId !== undefined)
      throw runningConflict(env, `change the type of environment \`${envId}\``);
    env.env.type = type;
  }
  if (name !== undefined) env.env.name = name;
  return toEnvironment(app, env);
}

/**
 * Deletes an environment. `invalid` for the app's last environment (an app
 * always has one); `conflict` while a deployment runs in it. Its deployments
 * stay in the app, since other environments may have been created from them.
 */
export function deleteEnv(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
): void {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  if (Object.keys(app.envs).length === 1) {
    invalid(
      `Environment \`${envId}\` is the last environment of app \`${appId}\` and cannot be deleted; delete the app instead.`,
    );
  }
  if (env.activeDeployId !== undefined)
    throw runningConflict(env, `delete environment \`${envId}\``);
  delete app.envs[envId];
}

/**
 * Sets the base of the environment's next deployment to a deployment of any
 * environment of the same app (rollback: an older deployment of the same
 * environment; clone: another environment's). `conflict` while a deployment
 * runs in the environment.
 */
export function rebaseEnv(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  deployId: unknown,
): void {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  if (typeof deployId !== 'string' || deployId === '') {
    invalid(
      `The body must be a deployment id as a JSON string (e.g. "67f1619a57d"); got ${show(deployId)}.`,
    );
  }
  const from = requireAppDeploy(app, deployId as string);
  if (env.activeDeployId !== undefined)
    throw runningConflict(env, `rebase environment \`${envId}\``);
  env.fromDeployId = from.deployment.id;
}
