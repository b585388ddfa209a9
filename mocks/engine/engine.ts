/**
 * `createEngine`: the deployment engine behind the `Engine` interface. It
 * owns one JSON state; every mutation runs on a draft copy that is committed
 * only when the operation succeeds (a refused call changes nothing), then
 * subscribers are told. Deployment progress follows the injected clock and
 * is materialised (and announced to subscribers) whenever the engine is used.
 */
import { authorizeReplay, authorizeReset } from './access';
import { appMethods } from './apps';
import { auditMethods } from './audit';
import { artefactMethods } from './artefacts';
import { cloneMethods } from './clone';
import type { Actor, OpContext, Runners } from './core/context';
import { EngineError } from './core/errors';
import { createIdempotencyStore } from './core/idempotency';
import type { StateV1 } from './core/state';
import { isCurrentState } from './core/state';
import { createRunningApps } from './core/running-apps';
import { createChangeTracker, draftState } from './core/state-changes';
import { deltaMethods } from './deltas';
import { advanceDeploys, deployMethods } from './deploys';
import { doraMethods } from './dora';
import { envTypeMethods } from './envtypes';
import { provisioningMethods } from './provisioning';
import { localRunMethods } from './localrun';
import { envStreamMethods } from './envstream';
import { shellMethods } from './shell';
import { operatorMethods } from './operator';
import { scoreMethods } from './score';
import type {
  Engine,
  EngineChange,
  EngineOptions,
  EngineState,
} from './engine-api';
import { faultMethods } from './faults';
import { advanceRollouts, fleetMethods } from './fleet';
import { healthMethods } from './health';
import { navigationMethods } from './navigation';
import { advancePipelines, pipelineMethods } from './pipelines';
import { profileMethods } from './profiles';
import { accountMethods } from './accounts';
import { driverMethods } from './drivers';
import { resourceMethods } from './resources';
import { resourceDefMethods, resourceUsage } from './resourcedefs';
import { runtimeMethods } from './runtime';
import { secretStoreMethods } from './secretstores';
import { agentMethods } from './agents';
import { setMethods } from './sets';
import {
  findTokenBySecret,
  isExpired,
  recordTokenUse,
  tokenByKey,
  tokenMethods,
} from './tokens';
import { userMethods } from './users';
import { valueMethods } from './values';

const TOKEN_HELP =
  'send `Authorization: Bearer <token>`; the embedded engine accepts the demo tokens listed in the README.';

/**
 * Creates an engine. It resumes from `options.state` when that has the
 * current schema version, else builds its state with `options.seed` (the
 * demo organisation and the scenarios are in mocks/fixtures); `reset()`
 * builds it again. The engine is composed of its domains' methods.
 */
export function createEngine(options: EngineOptions): Engine {
  const { clock, ids } = options;
  // Which apps members read (core/model/access.ts): Humanitec's rule unless the option says otherwise.
  const appVisibility = options.appVisibility ?? 'roles';
  const seed = (): StateV1 => {
    const built = options.seed(clock.now());
    if (!isCurrentState(built))
      throw new Error(
        'The seed of the engine did not build a state of the current schema version.',
      );
    return structuredClone(built);
  };
  let state: StateV1 = isCurrentState(options.state)
    ? options.adoptState
      ? options.state
      : structuredClone(options.state)
    : seed();
  // The apps that may have a deployment running: progress visits these, not every app (core/running-apps.ts).
  const running = createRunningApps(state);
  const listeners = new Set<(change: EngineChange) => void>();
  // What changed, for an incremental store (core/state-changes.ts); only when asked for.
  const changes = options.trackChanges ? createChangeTracker(state) : undefined;
  // Idempotency-Key results (core/idempotency.ts): in memory, per engine, on the injected clock.
  const idempotencyKeys = createIdempotencyStore();

  const notify = (change: EngineChange = 'state') => {
    for (const listener of [...listeners]) {
      try {
        listener(change);
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
    const active = running.apps(state);
    changes?.beforeProgress(state, active);
    const deploys = advanceDeploys(state, now, active);
    const pipelines = advancePipelines({
      state,
      now,
      userId: '',
      ids,
      appVisibility,
    });
    // A pipeline run that moved may have started deployments; otherwise some may have finished.
    if (pipelines) running.rescan(state);
    else if (deploys) running.prune(state);
    if (advanceRollouts(state, now) || deploys || pipelines) notify();
    return now;
  };
  /** The caller and its token's scope; a revoked or expired API token is refused (401) on every call. */
  const caller = (
    actor: Actor,
    now: number,
  ): Pick<OpContext, 'userId' | 'scope'> => {
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
    return op({
      state,
      now,
      ...caller(actor, now),
      ids,
      schemas: options.schemaValidator,
      appVisibility,
    });
  };
  const write = <T>(actor: Actor, op: (ctx: OpContext) => T): T => {
    const now = progress();
    const who = caller(actor, now);
    // Copies only what the op reaches (an app is copied on first use), so a refused call changes nothing.
    const draft = draftState(state);
    const result = op({
      state: draft.draft,
      now,
      ...who,
      ids,
      schemas: options.schemaValidator,
      appVisibility,
    });
    const done = draft.finish();
    state = done.state;
    changes?.wrote(done.reached);
    running.wrote(done.reached);
    notify();
    return result;
  };

  /** Appends outside any write (the audit log): in place, its operations to the tracker (core/context.ts). */
  const append: Runners['append'] = (op) => {
    const ops = op(state, clock.now());
    if (ops.length === 0) return;
    changes?.noted(ops);
    notify('audit-log');
  };

  const runners: Runners = { read, write, append };

  return {
    authenticate(token) {
      const bare =
        typeof token === 'string'
          ? token.replace(/^Bearer\s+/i, '').trim()
          : '';
      if (
        bare !== '' &&
        Object.hasOwn(state.tokens, bare) &&
        Object.hasOwn(state.users, state.tokens[bare])
      ) {
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
    ...userMethods(runners),
    ...tokenMethods(runners),
    ...appMethods(runners),
    ...deployMethods(runners),
    ...setMethods(runners),
    ...deltaMethods(runners),
    ...runtimeMethods(runners),
    ...profileMethods(runners),
    ...resourceMethods(runners, resourceUsage),
    ...healthMethods(runners),
    ...fleetMethods(runners),
    ...doraMethods(runners),
    ...navigationMethods(runners),
    ...faultMethods(runners),
    ...pipelineMethods(runners),
    ...cloneMethods(runners),
    ...artefactMethods(runners),
    ...secretStoreMethods(runners),
    ...agentMethods(runners),
    ...resourceDefMethods(runners),
    ...driverMethods(runners, resourceUsage),
    ...accountMethods(runners, resourceUsage),
    ...envTypeMethods(runners),
    ...provisioningMethods(runners),
    ...scoreMethods(runners),
    ...localRunMethods(runners),
    ...envStreamMethods(runners),
    ...shellMethods(runners),
    ...operatorMethods(runners, {
      peek: () => state,
      repositoryUrl:
        options.gitopsRepositoryUrl ??
        'in-memory (no repository attached; npm run api -- --gitops-dir DIR writes one)',
    }),
    ...valueMethods(runners),
    ...auditMethods(runners),

    idempotent(actor, orgId, { key, fingerprint, access, secret }, op) {
      // Authorize first: a replay must not hand the first answer to a caller who may no longer make the call.
      const { now, userId } = read(actor, (ctx) => {
        authorizeReplay(ctx, orgId, access);
        return { now: ctx.now, userId: ctx.userId };
      });
      const credential = actor.tokenId ?? `session:${userId}`;
      return idempotencyKeys.run(
        { orgId, userId, key, fingerprint, caller: credential, secret },
        now,
        op,
      );
    },
    reset(actor) {
      if (actor !== undefined) {
        // Through the API only an administrator may restore the demo data.
        read(actor, authorizeReset);
      }
      state = seed();
      running.rescan(state);
      changes?.replaced();
      notify();
    },
    takeChanges() {
      if (!changes)
        throw new Error(
          'takeChanges needs an engine created with trackChanges',
        );
      return changes.take(state);
    },
    snapshot(): EngineState {
      progress();
      return structuredClone(state);
    },
    serialize(): string {
      progress();
      return JSON.stringify(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
