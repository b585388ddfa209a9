/**
 * `createEngine`: the deployment engine behind the `Engine` interface. It
 * owns one JSON state; every mutation runs on a draft copy that is committed
 * only when the operation succeeds (a refused call changes nothing), then
 * subscribers are told. Deployment progress follows the injected clock and
 * is materialised (and announced to subscribers) whenever the engine is used.
 */
import { authorize, authorizeApp, authorizeEnv } from './access';
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
import { listResourceTypes } from './resource-types';
import { assertSpecsMatchProfiles } from './profiles-validate';
import * as runtime from './runtime-ops';
import * as diagnostics from './diagnostics-ops';
import * as health from './health-ops';
import { getFleetOverview } from './fleet';
import { advanceRollouts, createRollout, listRollouts } from './fleet-rollout';
import { getDoraReport } from './dora-ops';
import { FAULT_RULES } from './runtime';
import { buildDemoState } from './seed';
import { applySetDelta, diffSetContents } from './sets';
import type { StateV1 } from './state';
import { bySeq, createEmptyState, isCurrentState } from './state';
import { toApplication, toDeployment, toEnvironment } from './views';
import { findTokenBySecret, isExpired, recordTokenUse, tokenByKey } from './tokens';
import { userMethods } from './users-methods';
import { pipelineMethods } from './pipelines-engine';
import { cloneMethods } from './clone-engine';
import { advancePipelines } from './pipelines-run';
import { DEMO_ORG_ID } from './constants';
import { createIdempotencyStore } from './idempotency';
import { createChangeTracker, draftState } from './state-changes';

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
    ? options.adoptState
      ? options.state
      : structuredClone(options.state)
    : seed();
  const listeners = new Set<() => void>();
  // What changed, for an incremental store (state-changes.ts); only when asked for.
  const changes = options.trackChanges ? createChangeTracker(state) : undefined;
  // Idempotency-Key results (idempotency.ts): in memory, per engine, on the injected clock.
  const idempotencyKeys = createIdempotencyStore();

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
    changes?.beforeProgress(state);
    const deploys = advanceDeploys(state, now);
    const pipelines = advancePipelines({ state, now, userId: '', ids });
    if (advanceRollouts(state, now) || deploys || pipelines) notify();
    return now;
  };
  /** The caller and its token's scope; a revoked or expired API token is refused (401) on every call. */
  const caller = (actor: Actor, now: number): Pick<OpContext, 'userId' | 'scope'> => {
    const userId =
      typeof actor === 'object' && actor !== null ? actor.userId : undefined;
    if (typeof userId !== 'string' || !Object.hasOwn(state.users, userId)) {
      throw new EngineError(
        'unauthorized',
        `A valid bearer token is required: ${TOKEN_HELP}`,
      );
    }
    if (actor.tokenId === undefined) return { userId };
    const token = tokenByKey(state, actor.tokenId);
    if (!token || token.userId !== userId || isExpired(token, now)) {
      throw new EngineError(
        'unauthorized',
        `The API token was revoked or has expired; create a new one in the organisation settings.`,
      );
    }
    return token.scope ? { userId, scope: token.scope } : { userId };
  };
  const read = <T>(actor: Actor, op: (ctx: OpContext) => T): T => {
    const now = progress();
    return op({ state, now, ...caller(actor, now), ids, schemas: options.schemaValidator });
  };
  const write = <T>(actor: Actor, op: (ctx: OpContext) => T): T => {
    const now = progress();
    const who = caller(actor, now);
    // Copies only what the op reaches (an app is copied on first use), so a refused call changes nothing.
    const draft = draftState(state);
    const result = op({ state: draft.draft, now, ...who, ids, schemas: options.schemaValidator });
    const done = draft.finish();
    state = done.state;
    changes?.wrote(done.reached);
    notify();
    return result;
  };

  /** Reads within an application: 404 for an unknown app, 403 without `app.read`. */
  const readApp = <T>(actor: Actor, orgId: string, appId: string, op: (ctx: OpContext) => T): T =>
    read(actor, (ctx) => {
      authorizeApp(ctx, orgId, appId);
      return op(ctx);
    });
  /** Reads within an organisation: 404 for an unknown one, 403 without a role in it. */
  const readOrg = <T>(actor: Actor, orgId: string, op: (ctx: OpContext) => T): T =>
    read(actor, (ctx) => {
      authorize(ctx, { action: 'org.read', orgId });
      return op(ctx);
    });
  /** Changes within an application that need `app.edit` (deltas, sets). */
  const editApp = <T>(actor: Actor, orgId: string, appId: string, op: (ctx: OpContext) => T): T =>
    write(actor, (ctx) => {
      authorizeApp(ctx, orgId, appId, 'app.edit');
      return op(ctx);
    });

  return {
    authenticate(token) {
      const bare =
        typeof token === 'string'
          ? token.replace(/^Bearer\s+/i, '').trim()
          : '';
      if (bare !== '' && Object.hasOwn(state.tokens, bare) && Object.hasOwn(state.users, state.tokens[bare])) {
        return { userId: state.tokens[bare] };
      }
      const found = bare === '' ? undefined : findTokenBySecret(state, bare);
      if (found && Object.hasOwn(state.users, found.record.userId)) {
        const now = clock.now();
        if (isExpired(found.record, now)) {
          throw new EngineError(
            'unauthorized',
            `The API token \`${found.record.id}\` of \`${found.record.userId}\` expired at ${found.record.expires_at}; create a new one in the organisation settings.`,
          );
        }
        if (recordTokenUse(found.record, now)) notify();
        return { userId: found.record.userId, tokenId: found.key };
      }
      throw new EngineError(
        'unauthorized',
        `A valid bearer token is required: ${bare === '' ? 'none was sent' : 'the token is not known (it may have been revoked)'}; ${TOKEN_HELP}`,
      );
    },
    ...userMethods({ read, write }),
    ...pipelineMethods({ read, write }),
    ...cloneMethods({ read, write }),

    listOrgs: (actor) =>
      read(actor, (ctx) =>
        bySeq(ctx.state.orgs)
          .filter((org) => Object.hasOwn(org.roles, ctx.userId))
          .map((org) => structuredClone(org.org)),
      ),
    getOrg: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => structuredClone(requireOrg(ctx.state, orgId).org)),

    listApps: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        bySeq(requireOrg(ctx.state, orgId).apps)
          // A token limited to some apps lists only those.
          .filter((app) => !ctx.scope?.apps || ctx.scope.apps.includes(app.app.id))
          .map(toApplication),
      ),
    getApp: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) => toApplication(requireApp(ctx.state, orgId, appId))),
    createApp: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'app.create', orgId });
        const app = apps.createApp(ctx, orgId, input);
        // The creator owns the new app (as in Humanitec).
        const record = requireApp(ctx.state, orgId, app.id);
        record.roles = { ...record.roles, [ctx.userId]: 'owner' };
        return app;
      }),
    deleteApp: (actor, orgId, appId) =>
      write(actor, (ctx) => {
        authorizeApp(ctx, orgId, appId, 'app.manage');
        apps.deleteApp(ctx, orgId, appId);
      }),

    listEnvTypes: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        structuredClone(requireOrg(ctx.state, orgId).envTypes),
      ),

    listEnvs: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        return bySeq(app.envs).map((env) => toEnvironment(app, env));
      }),
    getEnv: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return toEnvironment(app, env);
      }),
    createEnv: (actor, orgId, appId, input) =>
      write(actor, (ctx) => {
        requireApp(ctx.state, orgId, appId);
        const envType = typeof input?.type === 'string' ? input.type : apps.FIRST_ENV.type;
        authorize(ctx, {
          action: 'env.deploy',
          orgId,
          appId,
          envType,
          doing: `Creating an environment of type ${envType} in app ${appId}`,
        });
        return apps.createEnv(ctx, orgId, appId, input);
      }),
    deleteEnv: (actor, orgId, appId, envId) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, `Deleting ${appId}/${envId}`);
        apps.deleteEnv(ctx, orgId, appId, envId);
      }),
    rebaseEnv: (actor, orgId, appId, envId, deployId) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, `Changing the base deployment of ${appId}/${envId}`);
        apps.rebaseEnv(ctx, orgId, appId, envId, deployId);
      }),

    listDeploys: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return [...env.deployIds]
          .reverse()
          .map((id) => toDeployment(app.deploys[id]));
      }),
    getDeploy: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return toDeployment(requireEnvDeploy(app, env, deployId));
      }),
    createDeploy: (actor, orgId, appId, envId, input) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId);
        return createDeploy(ctx, orgId, appId, envId, input);
      }),
    getDeployErrors: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        const record = requireEnvDeploy(app, env, deployId);
        return record.deployment.status === 'failed'
          ? structuredClone(record.plan.errors)
          : [];
      }),

    listSets: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) =>
        bySeq(requireApp(ctx.state, orgId, appId).sets).map((entry) =>
          structuredClone(entry.set),
        ),
      ),
    getSet: (actor, orgId, appId, setId) =>
      readApp(actor, orgId, appId, (ctx) =>
        structuredClone(requireSet(requireApp(ctx.state, orgId, appId), setId)),
      ),
    applyDelta: (actor, orgId, appId, setId, delta: DeltaInput) =>
      editApp(actor, orgId, appId, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        const set = applySetDelta(requireSet(app, setId), delta);
        assertSpecsMatchProfiles(ctx, orgId, set, delta);
        storeSet(ctx.state, app, set);
        return set.id;
      }),
    diffSets: (actor, orgId, appId, setId, sourceSetId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        return diffSetContents(
          requireSet(app, setId),
          requireSet(app, sourceSetId),
        );
      }),

    listDeltas: (actor, orgId, appId, filter) =>
      readApp(actor, orgId, appId, (ctx) => deltas.listDeltas(ctx, orgId, appId, filter)),
    getDelta: (actor, orgId, appId, deltaId) =>
      readApp(actor, orgId, appId, (ctx) => deltas.getDelta(ctx, orgId, appId, deltaId)),
    createDelta: (actor, orgId, appId, input) =>
      editApp(actor, orgId, appId, (ctx) => deltas.createDelta(ctx, orgId, appId, input)),
    patchDelta: (actor, orgId, appId, deltaId, inputs) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.patchDelta(ctx, orgId, appId, deltaId, inputs),
      ),
    replaceDelta: (actor, orgId, appId, deltaId, input) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.replaceDelta(ctx, orgId, appId, deltaId, input),
      ),
    setDeltaArchived: (actor, orgId, appId, deltaId, archived) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.setDeltaArchived(ctx, orgId, appId, deltaId, archived),
      ),
    setDeltaEnv: (actor, orgId, appId, deltaId, envId) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.setDeltaEnv(ctx, orgId, appId, deltaId, envId),
      ),
    setDeltaName: (actor, orgId, appId, deltaId, name) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.setDeltaName(ctx, orgId, appId, deltaId, name),
      ),

    getRuntime: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) => runtime.getRuntime(ctx, orgId, appId, envId)),
    listRuntime: (actor, orgId, appId, envIds) =>
      readApp(actor, orgId, appId, (ctx) => runtime.listRuntime(ctx, orgId, appId, envIds)),
    setPaused: (actor, orgId, appId, envId, paused) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, `${paused ? 'Pausing' : 'Resuming'} ${appId}/${envId}`);
        runtime.setPaused(ctx, orgId, appId, envId, paused);
      }),
    setReplicas: (actor, orgId, appId, envId, replicas) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, `Scaling workloads of ${appId}/${envId}`);
        runtime.setReplicas(ctx, orgId, appId, envId, replicas);
      }),

    listProfiles: (actor, orgId, filter) =>
      readOrg(actor, orgId, (ctx) => profiles.listProfiles(ctx, orgId, filter)),
    getProfile: (actor, orgId, ref) =>
      readOrg(actor, orgId, (ctx) => profiles.getProfile(ctx, orgId, ref)),
    createProfile: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'org.profiles', orgId, doing: 'Creating workload profiles' });
        return profiles.createProfile(ctx, orgId, input);
      }),
    updateProfile: (actor, orgId, ref, input) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'org.profiles', orgId, doing: 'Publishing workload profiles' });
        return profiles.updateProfile(ctx, orgId, ref, input);
      }),
    deleteProfile: (actor, orgId, ref) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'org.profiles', orgId, doing: 'Deleting workload profiles' });
        return profiles.deleteProfile(ctx, orgId, ref);
      }),
    listProfileVersions: (actor, orgId, ref) =>
      readOrg(actor, orgId, (ctx) => profiles.listProfileVersions(ctx, orgId, ref)),
    latestProfileVersion: (actor, orgId, ref) =>
      readOrg(actor, orgId, (ctx) => profiles.latestProfileVersion(ctx, orgId, ref)),
    listProfileFeatures: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => profiles.listFeatures(ctx, orgId)),
    listResourceTypes: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => listResourceTypes(ctx, orgId)),

    getEnvHealth: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) => health.getEnvHealth(ctx, orgId, appId, envId)),
    getAppHealth: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) => health.getAppHealth(ctx, orgId, appId)),
    getOrgHealth: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => health.getOrgHealth(ctx, orgId)),
    getDeploySteps: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) =>
        diagnostics.getDeploySteps(ctx, orgId, appId, envId, deployId),
      ),
    getContainerLogs: (actor, orgId, appId, envId, workloadId, containerId, options) =>
      readApp(actor, orgId, appId, (ctx) =>
        diagnostics.getContainerLogs(ctx, orgId, appId, envId, workloadId, containerId, options),
      ),

    getFleetOverview: (actor, baselineOrgId) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId: baselineOrgId });
        return getFleetOverview(ctx, baselineOrgId);
      }),
    listProfileRollouts: (actor, orgId) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId });
        return listRollouts(ctx, orgId);
      }),
    // A rollout changes every target's profiles: administrators of the source and of every target only.
    createProfileRollout: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'org.manage', orgId, doing: `Rolling out workload profiles from ${orgId}` });
        const rollout = createRollout(ctx, orgId, input);
        for (const step of rollout.steps) {
          authorize(ctx, { action: 'org.manage', orgId: step.org_id, doing: `Rolling out workload profiles to ${step.org_id}` });
        }
        return rollout;
      }),
    getDoraMetrics: (actor, orgId, options) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId });
        return getDoraReport(ctx, orgId, options);
      }),

    faultRules: () => structuredClone(FAULT_RULES),
    idempotent(actor, orgId, { key, fingerprint, access, secret }, op) {
      // Authorize first: a replay must not hand the first answer to a caller who may no longer make the call.
      const { now, userId } = read(actor, (ctx) => {
        const { action, appId, envId, doing } = access;
        if (envId !== undefined && appId !== undefined) authorizeEnv(ctx, orgId, appId, envId, doing);
        else if (appId !== undefined) authorizeApp(ctx, orgId, appId, action);
        else authorize(ctx, { action, orgId, ...(doing ? { doing } : {}) });
        return { now: ctx.now, userId: ctx.userId };
      });
      const credential = actor.tokenId ?? `session:${userId}`;
      return idempotencyKeys.run({ orgId, userId, key, fingerprint, caller: credential, secret }, now, op);
    },
    navigationIndex: (actor, orgId, deploysPerEnv) =>
      readOrg(actor, orgId, (ctx) => buildNavigationIndex(ctx.state, orgId, deploysPerEnv)),
    reset(actor) {
      if (actor !== undefined) {
        // Through the API only an administrator may restore the demo data.
        read(actor, (ctx) => {
          const orgId = Object.hasOwn(ctx.state.orgs, DEMO_ORG_ID)
            ? DEMO_ORG_ID
            : (Object.keys(ctx.state.orgs).find((id) => Object.hasOwn(ctx.state.orgs[id].roles, ctx.userId)) ?? DEMO_ORG_ID);
          authorize(ctx, { action: 'demo.reset', orgId });
        });
      }
      state = seed();
      changes?.replaced();
      notify();
    },
    takeChanges() {
      if (!changes) throw new Error('takeChanges needs an engine created with trackChanges');
      return changes.take(state);
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
