/**
 * The `Engine` interface: what the facade (engine.ts) offers, composed of
 * each domain's methods interface, and the options of `createEngine`.
 */
import type { Actor, EngineState } from './core/context';
import type { AppVisibility } from './core/model/access';
import type { Clock, IdSource } from './core/model/spec';
import type { SchemaValidator } from './core/model/profiles';
import type { StateChanges } from './core/state-changes';
import type { ReplayAccess } from './access';
import type { AccountsEngine } from './accounts';
import type { AppsEngine } from './apps';
import type { AuditEngine } from './audit';
import type { ArtefactsEngine } from './artefacts';
import type { CloneEngine } from './clone';
import type { DeltasEngine } from './deltas';
import type { DeploysEngine } from './deploys';
import type { DoraEngine } from './dora';
import type { DriversEngine } from './drivers';
import type { EnvTypesEngine } from './envtypes';
import type { ProvisioningEngine } from './provisioning';
import type { ScoreEngine } from './score';
import type { LocalRunEngine } from './localrun';
import type { EnvStreamEngine } from './envstream';
import type { ShellEngine } from './shell';
import type { OperatorEngine } from './operator';
import type { FaultsEngine } from './faults';
import type { FleetEngine } from './fleet';
import type { HealthEngine } from './health';
import type { NavigationEngine } from './navigation';
import type { PipelineEngine } from './pipelines';
import type { ProfilesEngine } from './profiles';
import type { ResourcesEngine } from './resources';
import type { ResourceDefsEngine } from './resourcedefs';
import type { RuntimeEngine } from './runtime';
import type { SecretStoresEngine } from './secretstores';
import type { AgentsEngine } from './agents';
import type { SetsEngine } from './sets';
import type { TokensEngine } from './tokens';
import type { UsersEngine } from './users';
import type { ValuesEngine } from './values';

export type { ReplayAccess } from './access';

/** What a change notification is about (Engine.subscribe). */
export type EngineChange = 'state' | 'audit-log';
export type { Actor, EngineState } from './core/context';

/** Options of `createEngine`. Time, ids and the seed are injected; nothing is global. */
export interface EngineOptions {
  clock: Clock;
  ids: IdSource;
  /** Builds the initial state (the demo organisation, a scenario: mocks/fixtures) when there is no `state`; `reset()` builds it again. */
  seed: (now: number) => EngineState;
  /** A persisted state to resume from (when it has the current schema version). */
  state?: EngineState;
  /**
   * Validates workload specs against their profiles (when a delta is applied
   * or deployed) and profile schemas (when published). Without one the
   * engine skips both (the demo seed does).
   */
  schemaValidator?: SchemaValidator;
  /** Keep track of what changed for `takeChanges` (the incremental store of `npm run api`); off by default. */
  trackChanges?: boolean;
  /** With `state`: use that object as it is instead of a deep copy (the caller gives it up). */
  adoptState?: boolean;
  /**
   * Which apps an organisation `member` or `artefactContributor` reads:
   * `roles` (default, Humanitec's rule) only those they hold an app role on;
   * `organisation` every app, as the engine did before (a switch for demos;
   * README "Access control"). Administrators, managers and orgViewers read
   * every app either way.
   */
  appVisibility?: AppVisibility;
  /** Where a GitOps controller reads the GitOps repository (`npm run api -- --gitops-dir DIR`: its file:// URL); shown by the GitOps status. */
  gitopsRepositoryUrl?: string;
}

/**
 * The deployment engine: a Humanitec-compatible model of organisations, apps,
 * environments, deployment sets, deltas, deploys and runtime. Every method is
 * synchronous and either returns spec-shaped data or throws an `EngineError`.
 * Time-driven progress (deploy status, runtime) is computed from the injected
 * clock whenever state is read.
 */
export interface Engine
  extends
    AccessEngine,
    AppsEngine,
    DeploysEngine,
    SetsEngine,
    DeltasEngine,
    RuntimeEngine,
    ProfilesEngine,
    ResourcesEngine,
    HealthEngine,
    FleetEngine,
    DoraEngine,
    NavigationEngine,
    FaultsEngine,
    PipelineEngine,
    CloneEngine,
    ArtefactsEngine,
    ValuesEngine,
    SecretStoresEngine,
    AgentsEngine,
    ResourceDefsEngine,
    DriversEngine,
    AccountsEngine,
    EnvTypesEngine,
    ProvisioningEngine,
    ScoreEngine,
    LocalRunEngine,
    EnvStreamEngine,
    ShellEngine,
    OperatorEngine,
    AuditEngine {
  /** Resolves a bearer token to its user; throws `unauthorized` when unknown. */
  authenticate(token: string | null): Actor;
  /**
   * Runs `op` (a call that creates something) at most once per organisation,
   * user and Idempotency-Key for 24 h (core/idempotency.ts): a repeat with the same
   * `fingerprint` answers the first result (`replayed`), another request with
   * the same key is refused (422). Failed calls are not remembered. `access`
   * is checked first, replay or not (403); a `secret` result is replayed only
   * to the same token within 10 minutes (409 otherwise).
   */
  idempotent<T>(
    actor: Actor,
    orgId: string,
    request: {
      key: string;
      fingerprint: string;
      access: ReplayAccess;
      secret?: boolean;
    },
    op: () => T,
  ): { result: T; replayed: boolean };
  /** Restores the seeded demo data; with an actor (an API call), only an administrator may (403). */
  reset(actor?: Actor): void;
  /** A deep copy of the whole state, for persistence. */
  snapshot(): EngineState;
  /**
   * The whole state as JSON text, `JSON.stringify(snapshot())` without the
   * copy first: for a store that writes it at once (the Node server; a large
   * scenario's copy cost seconds and hundreds of megabytes).
   */
  serialize(): string;
  /**
   * What changed since the previous call, as patch operations (core/state-changes.ts), at the cost of the
   * change; needs `trackChanges`. `full` means the whole state was replaced: store a `snapshot()`.
   */
  takeChanges(): StateChanges;
  /**
   * Called after every change of state (mutations and time-driven progress):
   * `state`, or `audit-log` when only the audit log grew (a call was recorded,
   * refused ones too).
   */
  subscribe(listener: (change: EngineChange) => void): () => void;
}

/**
 * Users, role assignments, permissions and API tokens (users/, tokens/,
 * rules in access/). Every method authorizes the caller: 403 names the missing role.
 */
export interface AccessEngine extends UsersEngine, TokensEngine {}
