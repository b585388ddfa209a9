/**
 * `createEngine`: the deployment engine behind the `Engine` interface. It
 * owns one JSON state; every mutation runs on a draft copy that is committed
 * only when the operation succeeds (a refused call changes nothing), then
 * subscribers are told. Deployment progress follows the injected clock and
 * is materialised (and announced to subscribers) whenever the engine is used.
 */
import * as apps from './apps';
import * as deltas from './delta-ops';
import { advanceDeploys, createDeploy } from './deploys';
import type { Actor, Engine, EngineOptions, EngineState } from './engine-api';
import { EngineError } from './errors';
import type { OpContext } from './lookup';
import {
  requireApp,
  requireEnv,
  requireEnvDeploy,
  requireOrg,
  requireSet,
  storeSet,
} from './lookup';
import type { DeltaInput } from './model';
import { buildNavigationIndex } from './navigation-index';
import * as profiles from './profiles';
import { assertSpecsMatchProfiles } from './profiles-validate';
import * as runtime from './runtime-ops';
import * as diagnostics from './diagnostics-ops';
import * as health from './health-ops';
import { FAULT_RULES } from './runtime';
import { buildDemoState } from './seed';
import { applySetDelta, diffSetContents } from './sets';
import type { StateV1 } from './state';
import { bySeq, createEmptyState, isCurrentState } from './state';
import { toApplication, toDeployment, toEnvironment } from './views';

const TOKEN_HELP =
  'send `Authorization: Bearer <token>`; the embedded engine accepts the demo tokens listed in the README.';

/**
 * Creates an engine. It resumes from `options.state` when that has the
 * current schema version, else seeds: `demo` (default) builds the demo
 * organisation with `buildDemoState` from seed.ts, `empty` has organisation
 * `acme` with its environment types and demo users but no apps.
 */
export function createEngine(options: EngineOptions): Engine {
  const { clock, ids } = options;
  const seed = (): StateV1 => {
    if (options.seed === 'empty') return createEmptyState(clock.now());
    const demo = (options.scenario ?? buildDemoState)(clock.now());
    return isCurrentState(demo)
      ? structuredClone(demo)
      : createEmptyState(clock.now());
  };
  let state: StateV1 = isCurrentState(options.state)
    ? structuredClone(options.state)
    : seed();
  const listeners = new Set<() => void>();

  const notify = () => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // A faulty subscriber must not break the engine call; report it asynchronously.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
  /** Materialises deployment progress up to `now` (one reading per call) and returns `now`. */
  const progress = (): number => {
    const now = clock.now();
    if (advanceDeploys(state, now)) notify();
    return now;
  };
  const caller = (actor: Actor): string => {
    const userId =
      typeof actor === 'object' && actor !== null ? actor.userId : undefined;
    if (typeof userId !== 'string' || !Object.hasOwn(state.users, userId)) {
      throw new EngineError(
        'unauthorized',
        `A valid bearer token is required: ${TOKEN_HELP}`,
      );
    }
    return userId;
  };
  const read = <T>(actor: Actor, op: (ctx: OpContext) => T): T => {
    const now = progress();
    return op({ state, now, userId: caller(actor), ids, schemas: options.schemaValidator });
  };
  const write = <T>(actor: Actor, op: (ctx: OpContext) => T): T => {
    const now = progress();
    const userId = caller(actor);
    const draft = structuredClone(state);
    const result = op({ state: draft, now, userId, ids, schemas: options.schemaValidator });
    state = draft;
    notify();
    return result;
  };

  return {
    authenticate(token) {
      const bare =
        typeof token === 'string'
          ? token.replace(/^Bearer\s+/i, '').trim()
          : '';
      const userId =
        bare === ''
          ? undefined
          : Object.hasOwn(state.tokens, bare)
            ? state.tokens[bare]
            : undefined;
      if (userId === undefined || !Object.hasOwn(state.users, userId)) {
        throw new EngineError(
          'unauthorized',
          `A valid bearer token is required: ${bare === '' ? 'none was sent' : 'the token is not known'}; ${TOKEN_HELP}`,
        );
      }
      return { userId };
    },
    currentUser: (actor) =>
      read(actor, (ctx) => structuredClone(ctx.state.users[ctx.userId])),

    listOrgs: (actor) =>
      read(actor, (ctx) =>
        bySeq(ctx.state.orgs)
          .filter((org) => Object.hasOwn(org.roles, ctx.userId))
          .map((org) => structuredClone(org.org)),
      ),
    getOrg: (actor, orgId) =>
      read(actor, (ctx) => structuredClone(requireOrg(ctx.state, orgId).org)),

    listApps: (actor, orgId) =>
      read(actor, (ctx) =>
        bySeq(requireOrg(ctx.state, orgId).apps).map(toApplication),
      ),
    getApp: (actor, orgId, appId) =>
      read(actor, (ctx) => toApplication(requireApp(ctx.state, orgId, appId))),
    createApp: (actor, orgId, input) =>
      write(actor, (ctx) => apps.createApp(ctx, orgId, input)),
    deleteApp: (actor, orgId, appId) =>
      write(actor, (ctx) => apps.deleteApp(ctx, orgId, appId)),

    listEnvTypes: (actor, orgId) =>
      read(actor, (ctx) =>
        structuredClone(requireOrg(ctx.state, orgId).envTypes),
      ),

    listEnvs: (actor, orgId, appId) =>
      read(actor, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        return bySeq(app.envs).map((env) => toEnvironment(app, env));
      }),
    getEnv: (actor, orgId, appId, envId) =>
      read(actor, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return toEnvironment(app, env);
      }),
    createEnv: (actor, orgId, appId, input) =>
      write(actor, (ctx) => apps.createEnv(ctx, orgId, appId, input)),
    deleteEnv: (actor, orgId, appId, envId) =>
      write(actor, (ctx) => apps.deleteEnv(ctx, orgId, appId, envId)),
    rebaseEnv: (actor, orgId, appId, envId, deployId) =>
      write(actor, (ctx) => apps.rebaseEnv(ctx, orgId, appId, envId, deployId)),

    listDeploys: (actor, orgId, appId, envId) =>
      read(actor, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return [...env.deployIds]
          .reverse()
          .map((id) => toDeployment(app.deploys[id]));
      }),
    getDeploy: (actor, orgId, appId, envId, deployId) =>
      read(actor, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return toDeployment(requireEnvDeploy(app, env, deployId));
      }),
    createDeploy: (actor, orgId, appId, envId, input) =>
      write(actor, (ctx) => createDeploy(ctx, orgId, appId, envId, input)),
    getDeployErrors: (actor, orgId, appId, envId, deployId) =>
      read(actor, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        const record = requireEnvDeploy(app, env, deployId);
        return record.deployment.status === 'failed'
          ? structuredClone(record.plan.errors)
          : [];
      }),

    listSets: (actor, orgId, appId) =>
      read(actor, (ctx) =>
        bySeq(requireApp(ctx.state, orgId, appId).sets).map((entry) =>
          structuredClone(entry.set),
        ),
      ),
    getSet: (actor, orgId, appId, setId) =>
      read(actor, (ctx) =>
        structuredClone(requireSet(requireApp(ctx.state, orgId, appId), setId)),
      ),
    applyDelta: (actor, orgId, appId, setId, delta: DeltaInput) =>
      write(actor, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        const set = applySetDelta(requireSet(app, setId), delta);
        assertSpecsMatchProfiles(ctx, orgId, set, delta);
        storeSet(ctx.state, app, set);
        return set.id;
      }),
    diffSets: (actor, orgId, appId, setId, sourceSetId) =>
      read(actor, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        return diffSetContents(
          requireSet(app, setId),
          requireSet(app, sourceSetId),
        );
      }),

    listDeltas: (actor, orgId, appId, filter) =>
      read(actor, (ctx) => deltas.listDeltas(ctx, orgId, appId, filter)),
    getDelta: (actor, orgId, appId, deltaId) =>
      read(actor, (ctx) => deltas.getDelta(ctx, orgId, appId, deltaId)),
    createDelta: (actor, orgId, appId, input) =>
      write(actor, (ctx) => deltas.createDelta(ctx, orgId, appId, input)),
    patchDelta: (actor, orgId, appId, deltaId, inputs) =>
      write(actor, (ctx) =>
        deltas.patchDelta(ctx, orgId, appId, deltaId, inputs),
      ),
    replaceDelta: (actor, orgId, appId, deltaId, input) =>
      write(actor, (ctx) =>
        deltas.replaceDelta(ctx, orgId, appId, deltaId, input),
      ),
    setDeltaArchived: (actor, orgId, appId, deltaId, archived) =>
      write(actor, (ctx) =>
        deltas.setDeltaArchived(ctx, orgId, appId, deltaId, archived),
      ),
    setDeltaEnv: (actor, orgId, appId, deltaId, envId) =>
      write(actor, (ctx) =>
        deltas.setDeltaEnv(ctx, orgId, appId, deltaId, envId),
      ),
    setDeltaName: (actor, orgId, appId, deltaId, name) =>
      write(actor, (ctx) =>
        deltas.setDeltaName(ctx, orgId, appId, deltaId, name),
      ),

    getRuntime: (actor, orgId, appId, envId) =>
      read(actor, (ctx) => runtime.getRuntime(ctx, orgId, appId, envId)),
    listRuntime: (actor, orgId, appId, envIds) =>
      read(actor, (ctx) => runtime.listRuntime(ctx, orgId, appId, envIds)),
    setPaused: (actor, orgId, appId, envId, paused) =>
      write(actor, (ctx) =>
        runtime.setPaused(ctx, orgId, appId, envId, paused),
      ),
    setReplicas: (actor, orgId, appId, envId, replicas) =>
      write(actor, (ctx) =>
        runtime.setReplicas(ctx, orgId, appId, envId, replicas),
      ),

    listProfiles: (actor, orgId, filter) =>
      read(actor, (ctx) => profiles.listProfiles(ctx, orgId, filter)),
    getProfile: (actor, orgId, ref) =>
      read(actor, (ctx) => profiles.getProfile(ctx, orgId, ref)),
    createProfile: (actor, orgId, input) =>
      write(actor, (ctx) => profiles.createProfile(ctx, orgId, input)),
    updateProfile: (actor, orgId, ref, input) =>
      write(actor, (ctx) => profiles.updateProfile(ctx, orgId, ref, input)),
    deleteProfile: (actor, orgId, ref) =>
      write(actor, (ctx) => profiles.deleteProfile(ctx, orgId, ref)),
    listProfileVersions: (actor, orgId, ref) =>
      read(actor, (ctx) => profiles.listProfileVersions(ctx, orgId, ref)),
    latestProfileVersion: (actor, orgId, ref) =>
      read(actor, (ctx) => profiles.latestProfileVersion(ctx, orgId, ref)),
    listProfileFeatures: (actor, orgId) =>
      read(actor, (ctx) => profiles.listFeatures(ctx, orgId)),

    getEnvHealth: (actor, orgId, appId, envId) =>
      read(actor, (ctx) => health.getEnvHealth(ctx, orgId, appId, envId)),
    getAppHealth: (actor, orgId, appId) =>
      read(actor, (ctx) => health.getAppHealth(ctx, orgId, appId)),
    getOrgHealth: (actor, orgId) =>
      read(actor, (ctx) => health.getOrgHealth(ctx, orgId)),
    getDeploySteps: (actor, orgId, appId, envId, deployId) =>
      read(actor, (ctx) =>
        diagnostics.getDeploySteps(ctx, orgId, appId, envId, deployId),
      ),
    getContainerLogs: (actor, orgId, appId, envId, workloadId, containerId, options) =>
      read(actor, (ctx) =>
        diagnostics.getContainerLogs(ctx, orgId, appId, envId, workloadId, containerId, options),
      ),

    faultRules: () => structuredClone(FAULT_RULES),
    navigationIndex: (actor, orgId, deploysPerEnv) =>
      read(actor, (ctx) => buildNavigationIndex(ctx.state, orgId, deploysPerEnv)),
    reset() {
      state = seed();
      notify();
    },
    snapshot(): EngineState {
      progress();
      return structuredClone(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
