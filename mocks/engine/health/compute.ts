/**
 * THE health model of the console: one verdict per environment (and per
 * app and organisation), computed here and nowhere else.
 *
 * An environment's health is the worst of three inputs:
 * 1. its last deployment: `pending` / `in progress` → Deploying, `failed` →
 *    Failed (one issue per deployment error, resource provisioning errors
 *    included; the environment keeps running its previous set);
 * 2. whether it is paused → Paused;
 * 3. each workload's V2 runtime status (the spec's RuntimeInfoStatus):
 *    Running / Succeeded → Healthy, Starting → Deploying, Partially
 *    Succeeded → Degraded, Failed → Failed, Stopped → Paused, Unknown →
 *    Unknown (status_class Failure / Warning decide when the word is odd).
 *
 * Worst state wins, in the order of {@link HEALTH_STATES} (worst first).
 * An environment without any deployment is NotDeployed. Issues are ordered
 * worst first, then deployment before resource before workload before
 * environment, then by id; the first one is the root cause. An app is the
 * worst of its environments; "needs attention" lists the environments whose
 * state is in {@link NEEDS_ATTENTION}, worst first, production first. The
 * console's organisation health puts the pipeline runs waiting for the
 * caller's approval before them ({@link withApprovals}; approvals.ts).
 */
import type { CanaryHealth } from '../canary';
import { deploymentIssue, workloadFigures, workloadIssue } from './issues';
import type {
  DeploymentError,
  DeploymentSet,
  DeploymentStatus,
  Environment,
  RuntimeInfo,
  RuntimeModule,
  RuntimeStatus,
  RuntimeStatusClass,
} from '../core/model/spec';

export { HEALTH_LEGEND, HEALTH_STATES, NEEDS_ATTENTION } from './model';
export type { HealthIssue, HealthState, IssueScope } from './model';
import type { ProvisionedRecord } from '../core/model/provisioning';
import { HEALTH_LEGEND, HEALTH_STATES, NEEDS_ATTENTION } from './model';
import type { HealthIssue, HealthState, IssueScope } from './model';

/** A workload's health and runtime figures. */
export interface WorkloadHealth {
  id: string;
  state: HealthState;
  status: RuntimeStatus;
  status_class: RuntimeStatusClass;
  ready: number;
  desired: number;
  restarts: number;
  /** The most telling container reason (waiting or terminated), if any. */
  reason?: string;
}

/** The last deployment, as far as health needs it. */
export interface HealthDeployment {
  id: string;
  status: DeploymentStatus;
  comment: string;
  created_at: string;
  created_by: string;
  status_changed_at: string;
  /** The deployment it was based on (empty for a first deployment). */
  from_id: string;
  /** The environment of `from_id` (another one when the environment was cloned). */
  from_env_id?: string;
}

/** The health of one environment. */
export interface EnvironmentHealth {
  app_id: string;
  env_id: string;
  env_name: string;
  env_type: string;
  state: HealthState;
  /** The root cause's message, or a one-line verdict when there is none. */
  summary: string;
  root_cause?: HealthIssue;
  /** Every issue, root cause first. */
  issues: HealthIssue[];
  paused: boolean;
  last_deploy?: HealthDeployment;
  /** The deployment whose set runs (differs from `last_deploy` after a failed deploy). */
  running_deploy_id?: string;
  workloads: WorkloadHealth[];
  /** The environment's canary release while it is its current story (canary/ops.ts). */
  canary?: CanaryHealth;
}

/** What {@link environmentHealth} needs; all of it comes from the standard API. */
export interface EnvironmentHealthInput {
  appId: string;
  env: Environment;
  paused: boolean;
  /** Errors of `env.last_deploy` when it failed. */
  lastDeployErrors: DeploymentError[];
  /** The set of `env.last_deploy` (for resource types in messages). */
  lastDeploySet?: DeploymentSet;
  /** What `env.last_deploy` did with each resource (the definition, driver and criteria that matched). */
  lastDeployResources?: ProvisionedRecord[];
  runningDeployId?: string;
  /** The environment of the last deployment's base (`from_id`). */
  lastDeployFromEnvId?: string;
  runtime: RuntimeInfo;
  /** What the in-cluster Operator and the GitOps controller report (operator/: failed objects, drift). */
  clusterIssues?: HealthIssue[];
}

const RANK = new Map<HealthState, number>(HEALTH_STATES.map((s, i) => [s, i]));
const SCOPE_ORDER: IssueScope[] = [
  'deployment',
  'resource',
  'workload',
  'environment',
];

/** The worse of the given states (NotDeployed when there are none). */
export function worstState(states: Iterable<HealthState>): HealthState {
  let worst: HealthState = 'NotDeployed';
  for (const state of states) {
    if (RANK.get(state)! < RANK.get(worst)!) worst = state;
  }
  return worst;
}

/** Sorts states worst first (a comparator). */
export function compareStates(a: HealthState, b: HealthState): number {
  return RANK.get(a)! - RANK.get(b)!;
}

const BY_STATUS: Record<RuntimeStatus, HealthState> = {
  Running: 'Healthy',
  Succeeded: 'Healthy',
  Starting: 'Deploying',
  'Partially Succeeded': 'Degraded',
  Failed: 'Failed',
  Stopped: 'Paused',
  Unknown: 'Unknown',
};

const BY_CLASS: Record<RuntimeStatusClass, HealthState> = {
  Success: 'Healthy',
  Warning: 'Degraded',
  Failure: 'Failed',
  Stopped: 'Paused',
  Unknown: 'Unknown',
};

/** A workload's state from its runtime status word, else its status class. */
export function workloadState(module: RuntimeModule): HealthState {
  return BY_STATUS[module.status] ?? BY_CLASS[module.status_class] ?? 'Unknown';
}

function compareIssues(a: HealthIssue, b: HealthIssue): number {
  return (
    compareStates(a.state, b.state) ||
    SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) ||
    (a.workload_id ?? a.resource_id ?? '').localeCompare(
      b.workload_id ?? b.resource_id ?? '',
    )
  );
}

function healthDeployment(
  d: Environment['last_deploy'],
  fromEnvId: string | undefined,
): HealthDeployment | undefined {
  if (!d) return undefined;
  const {
    id,
    status,
    comment,
    created_at,
    created_by,
    status_changed_at,
    from_id,
  } = d;
  return {
    id,
    status,
    comment,
    created_at,
    created_by,
    status_changed_at,
    from_id,
    ...(fromEnvId ? { from_env_id: fromEnvId } : {}),
  };
}

/** The health of one environment (see the module comment for the rules). */
export function environmentHealth(
  input: EnvironmentHealthInput,
): EnvironmentHealth {
  const { env, runtime } = input;
  const last = env.last_deploy;
  const base = {
    app_id: input.appId,
    env_id: env.id,
    env_name: env.name,
    env_type: env.type,
    paused: input.paused,
    ...(last
      ? { last_deploy: healthDeployment(last, input.lastDeployFromEnvId) }
      : {}),
    ...(input.runningDeployId
      ? { running_deploy_id: input.runningDeployId }
      : {}),
  };
  if (!last) {
    return {
      ...base,
      state: 'NotDeployed',
      summary: 'Nothing runs in this environment yet.',
      issues: [],
      workloads: [],
    };
  }
  const issues: HealthIssue[] = [];
  if (last.status === 'pending' || last.status === 'in progress') {
    issues.push({
      state: 'Deploying',
      scope: 'deployment',
      deploy_id: last.id,
      message: `Deployment \`${last.id}\` is ${last.status} (started by ${last.created_by}).`,
    });
  } else if (last.status === 'failed') {
    if (input.lastDeployErrors.length === 0) {
      issues.push({
        state: 'Failed',
        scope: 'deployment',
        deploy_id: last.id,
        message: `Deployment \`${last.id}\` failed without a reported error.`,
      });
    }
    for (const error of input.lastDeployErrors)
      issues.push(
        deploymentIssue(
          last.id,
          error,
          input.lastDeploySet,
          input.lastDeployResources,
        ),
      );
  }
  issues.push(...(input.clusterIssues ?? []));
  if (input.paused) {
    issues.push({
      state: 'Paused',
      scope: 'environment',
      message: `Environment \`${env.id}\` is paused: every workload is scaled to 0 replicas.`,
    });
  }
  const workloads: WorkloadHealth[] = [];
  for (const id of Object.keys(runtime.modules).sort()) {
    const module = runtime.modules[id];
    const state = workloadState(module);
    const figures = workloadFigures(module);
    workloads.push({
      id,
      state,
      status: module.status,
      status_class: module.status_class,
      ready: figures.ready,
      desired: figures.desired,
      restarts: figures.restarts,
      ...(figures.failing?.reason ? { reason: figures.failing.reason } : {}),
    });
    const issue =
      input.paused && state === 'Paused'
        ? undefined
        : workloadIssue(id, module, state);
    if (issue) issues.push(issue);
  }
  issues.sort(compareIssues);
  const state =
    issues.length === 0 ? 'Healthy' : worstState(issues.map((i) => i.state));
  const root = issues[0];
  return {
    ...base,
    state,
    summary: root?.message ?? healthySummary(workloads),
    ...(root ? { root_cause: root } : {}),
    issues,
    workloads,
  };
}

function healthySummary(workloads: WorkloadHealth[]): string {
  if (workloads.length === 0)
    return 'The last deployment succeeded; it has no workloads.';
  const n = workloads.length;
  return n === 1
    ? 'Its one workload is healthy.'
    : `All ${n} workloads are healthy.`;
}

/** An application's health: the worst of its environments. */
export interface AppHealth {
  app_id: string;
  app_name: string;
  state: HealthState;
  envs: EnvironmentHealth[];
}

/** One row of the organisation's "needs attention" list. */
export interface NeedsAttentionItem {
  app_id: string;
  app_name: string;
  env_id: string;
  env_name: string;
  env_type: string;
  state: HealthState;
  summary: string;
  root_cause?: HealthIssue;
  /** When the last deployment changed status (the best "since when" the engine knows). */
  since?: string;
}

/**
 * A deployment a pipeline run waits to make until someone approves it, as a
 * row of "needs attention": only for a caller who may decide it (deploy
 * rights on its environment's type), so the summary says "your approval".
 */
export interface ApprovalAttentionItem {
  app_id: string;
  app_name: string;
  /** The environment the run would deploy to once approved. */
  env_id: string;
  env_name: string;
  env_type: string;
  /** One sentence: which pipeline's run waits to deploy where. */
  summary: string;
  /** When the approval was asked for. */
  since: string;
  approval: {
    id: string;
    pipeline_id: string;
    pipeline_name: string;
    run_id: string;
    job_id: string;
    /** What the approve step asks (and what the approver should know about the definition). */
    message: string;
  };
}

/** A row of "needs attention" as the console's organisation health answers it. */
export type AttentionItem = NeedsAttentionItem | ApprovalAttentionItem;

/**
 * The organisation's health as the console asks for it (the engine's
 * getOrgHealth): {@link OrgHealth} whose "needs attention" begins with the
 * deployments waiting for the caller's approval.
 */
export interface ConsoleOrgHealth extends Omit<OrgHealth, 'needs_attention'> {
  needs_attention: AttentionItem[];
}

/** An app's verdict with its environments' states only (the organisation view stays small). */
export interface AppHealthSummary {
  app_id: string;
  app_name: string;
  state: HealthState;
  envs: {
    env_id: string;
    env_name: string;
    env_type: string;
    state: HealthState;
  }[];
}

/** The organisation's health. */
export interface OrgHealth {
  org_id: string;
  needs_attention: NeedsAttentionItem[];
  /** In a page (ops.ts getOrgHealthPage): the rows over all pages. */
  total_needs_attention?: number;
  apps: AppHealthSummary[];
  legend: { state: HealthState; description: string }[];
}

/** The app's verdict from its environments' health. */
export function appHealth(
  appId: string,
  appName: string,
  envs: EnvironmentHealth[],
): AppHealth {
  return {
    app_id: appId,
    app_name: appName,
    state: worstState(envs.map((e) => e.state)),
    envs,
  };
}

const TYPE_ORDER = ['production', 'staging', 'development'];

function typeRank(type: string) {
  const i = TYPE_ORDER.indexOf(type);
  return i === -1 ? TYPE_ORDER.length : i;
}

/** What the organisation's health reads of an environment's health (an {@link EnvironmentHealth} is one). */
export type EnvHealthRow = Pick<
  EnvironmentHealth,
  'env_id' | 'env_name' | 'env_type' | 'state' | 'summary' | 'root_cause'
> & { last_deploy?: Pick<HealthDeployment, 'status_changed_at'> };

/** What the organisation's health reads of an application's health (an {@link AppHealth} is one). */
export interface AppHealthRows {
  app_id: string;
  app_name: string;
  state: HealthState;
  envs: EnvHealthRow[];
}

/** The organisation's health: apps, legend and "needs attention" (worst first, then production first). */
export function orgHealth(orgId: string, apps: AppHealthRows[]): OrgHealth {
  const items: NeedsAttentionItem[] = [];
  for (const app of apps) {
    for (const env of app.envs) {
      if (!NEEDS_ATTENTION.includes(env.state)) continue;
      items.push({
        app_id: app.app_id,
        app_name: app.app_name,
        env_id: env.env_id,
        env_name: env.env_name,
        env_type: env.env_type,
        state: env.state,
        summary: env.summary,
        ...(env.root_cause ? { root_cause: env.root_cause } : {}),
        ...(env.last_deploy
          ? { since: env.last_deploy.status_changed_at }
          : {}),
      });
    }
  }
  items.sort(
    (a, b) =>
      compareStates(a.state, b.state) ||
      typeRank(a.env_type) - typeRank(b.env_type) ||
      a.app_id.localeCompare(b.app_id) ||
      a.env_id.localeCompare(b.env_id),
  );
  const summaries = apps.map((app) => ({
    app_id: app.app_id,
    app_name: app.app_name,
    state: app.state,
    envs: app.envs.map(({ env_id, env_name, env_type, state }) => ({
      env_id,
      env_name,
      env_type,
      state,
    })),
  }));
  return {
    org_id: orgId,
    needs_attention: items,
    apps: summaries,
    legend: structuredClone(HEALTH_LEGEND),
  };
}

/**
 * The organisation's health with the approvals waiting for the caller put
 * first in "needs attention": each is a run blocked on the one person who
 * reads the list, few, and answered in a click, while a failure asks for an
 * investigation; below every failure they would be pages down in a large
 * organisation. Among themselves production first (as environments are),
 * then the longest waiting first.
 */
export function withApprovals(
  health: OrgHealth,
  approvals: readonly ApprovalAttentionItem[],
): ConsoleOrgHealth {
  if (approvals.length === 0) return health;
  const first = [...approvals].sort(
    (a, b) =>
      typeRank(a.env_type) - typeRank(b.env_type) ||
      a.since.localeCompare(b.since) ||
      a.app_id.localeCompare(b.app_id) ||
      a.approval.id.localeCompare(b.approval.id),
  );
  return { ...health, needs_attention: [...first, ...health.needs_attention] };
}
