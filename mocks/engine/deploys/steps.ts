/**
 * A deployment's timeline, derived from its record (creation time, the plan
 * `planDeploy` made: outcome, errors, pending and running time), its set, the
 * set it was based on, and the clock. Pure and deterministic.
 *
 * Steps, in order: `queue` (the pending phase), one `resource` step per
 * shared resource then per private resource (workloads by id, resources by
 * name), then one `workload` step per workload rolled out (grouped by
 * `deploy.when`: before, deploy, after; then by id) and per workload removed.
 * The running time is shared among the steps that run, three parts for a
 * step whose object was added, changed or removed, one part for an
 * unchanged one. A step fails when the plan has errors for its object; when
 * a resource fails, every resource step still runs but every workload step
 * is `skipped`. While the deployment runs, steps before the clock are done,
 * the step under the clock is `in progress`, later steps are `pending`.
 */
import { canonicalJson } from '../core/canonical';
import type {
  DeploymentError,
  DeploymentSet,
  DeploymentStatus,
  Module,
} from '../core/model/spec';
import type { DeployRecord } from '../core/state';

/** The status of one step. */
export type StepStatus =
  'pending' | 'in progress' | 'succeeded' | 'failed' | 'skipped';

/** How the step's object differs from the base deployment's set. */
export type StepChange = 'added' | 'changed' | 'removed' | 'unchanged';

/** One step of a deployment. */
export interface DeploymentStep {
  /** Stable within the deployment: `queue`, `resource:<object id>`, `workload:<id>`. */
  id: string;
  kind: 'queue' | 'resource' | 'workload';
  /** A sentence naming the object, ids in backticks. */
  title: string;
  status: StepStatus;
  change?: StepChange;
  /** `shared.<name>`, `modules.<id>.externals.<name>` or a workload id (as in deployment errors). */
  object_id?: string;
  workload_id?: string;
  resource_type?: string;
  started_at?: string;
  finished_at?: string;
  duration_ms?: number;
  /** The plan's errors for this step's object (only once the step has failed). */
  errors: DeploymentError[];
  /** A resource step: the definition that matched it. */
  definition?: {
    def_id: string;
    def_version_id?: string;
    criteria_id?: string;
    driver_type: string;
  };
  /** A resource step once it has run: the matching and its driver's log. */
  log?: string[];
}

/** The timeline of a deployment. */
export interface DeploymentSteps {
  deploy_id: string;
  status: DeploymentStatus;
  steps: DeploymentStep[];
}

/** Input of {@link deploymentSteps}. */
export interface DeploymentStepsInput {
  record: DeployRecord;
  set: DeploymentSet;
  /** The set of the deployment it was based on (`from_id`); undefined for a first deployment. */
  previous: DeploymentSet | undefined;
  now: number;
}

type Draft = Omit<DeploymentStep, 'status' | 'errors'> & {
  weight: number;
  errors: DeploymentError[];
  /** Fails without an error of its own (a failed plan that reported none). */
  failsSilently?: boolean;
};

function changeOf(next: unknown, prev: unknown): StepChange {
  if (next === undefined) return 'removed';
  if (prev === undefined) return 'added';
  return canonicalJson(next) === canonicalJson(prev) ? 'unchanged' : 'changed';
}

const WHEN_ORDER = ['before', 'deploy', 'after'];

function whenRank(module: Module | undefined) {
  return WHEN_ORDER.indexOf(module?.deploy?.when ?? 'deploy');
}

function drafts(input: DeploymentStepsInput): {
  resources: Draft[];
  workloads: Draft[];
} {
  const { set, previous } = input;
  const errors = input.record.plan.errors;
  const errorsFor = (objectId: string) =>
    errors.filter((e) => e.object_id === objectId);
  // What provisioning did with each resource (absent on deployments made before definitions).
  const provisioned = new Map(
    (input.record.plan.resources ?? []).map((r) => [r.res_id, r]),
  );
  const provisioningOf = (objectId: string): Partial<Draft> => {
    const done = provisioned.get(objectId);
    if (!done) return {};
    return {
      ...(done.def_id !== undefined && done.driver_type !== undefined
        ? {
            definition: {
              def_id: done.def_id,
              ...(done.def_version_id
                ? { def_version_id: done.def_version_id }
                : {}),
              ...(done.criteria_id ? { criteria_id: done.criteria_id } : {}),
              driver_type: done.driver_type,
            },
          }
        : {}),
      log: done.log,
    };
  };
  const step = (
    kind: 'resource' | 'workload',
    objectId: string,
    title: string,
    change: StepChange,
    extra: Partial<Draft> = {},
  ): Draft => ({
    id: `${kind}:${objectId}`,
    kind,
    title,
    change,
    object_id: objectId,
    weight: change === 'unchanged' ? 1 : 3,
    errors: errorsFor(objectId),
    ...(kind === 'resource' ? provisioningOf(objectId) : {}),
    ...extra,
  });
  const resources: Draft[] = [];
  // A cluster behind a Humanitec Agent is reached through it first (agents/reach.ts).
  for (const done of input.record.plan.resources ?? []) {
    if (done.type !== 'agent' || done.agent_id === undefined) continue;
    resources.push(
      step(
        'resource',
        done.res_id,
        `Reach the cluster through Humanitec Agent \`${done.agent_id}\``,
        'unchanged',
        { resource_type: 'agent' },
      ),
    );
  }
  for (const name of Object.keys(set.shared).sort()) {
    const ref = set.shared[name];
    resources.push(
      step(
        'resource',
        `shared.${name}`,
        `Provision shared resource \`${name}\` (${ref.type})`,
        changeOf(ref, previous?.shared[name]),
        { resource_type: ref.type },
      ),
    );
  }
  const ids = Object.keys(set.modules).sort();
  for (const id of ids) {
    const externals = set.modules[id].externals ?? {};
    for (const name of Object.keys(externals).sort()) {
      const ref = externals[name];
      resources.push(
        step(
          'resource',
          `modules.${id}.externals.${name}`,
          `Provision resource \`${name}\` (${ref.type}) of workload \`${id}\``,
          changeOf(ref, previous?.modules[id]?.externals?.[name]),
          { resource_type: ref.type, workload_id: id },
        ),
      );
    }
  }
  const ordered = [...ids].sort(
    (a, b) =>
      whenRank(set.modules[a]) - whenRank(set.modules[b]) || a.localeCompare(b),
  );
  const workloads = ordered.map((id) =>
    step(
      'workload',
      id,
      `Roll out workload \`${id}\``,
      changeOf(set.modules[id], previous?.modules[id]),
      { workload_id: id },
    ),
  );
  for (const id of Object.keys(previous?.modules ?? {}).sort()) {
    if (!(id in set.modules)) {
      workloads.push(
        step('workload', id, `Remove workload \`${id}\``, 'removed', {
          workload_id: id,
        }),
      );
    }
  }
  return { resources, workloads };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The steps of a deployment at `input.now` (see the module comment). */
export function deploymentSteps(input: DeploymentStepsInput): DeploymentSteps {
  const { record, now } = input;
  const { pendingMs, runMs, outcome } = record.plan;
  const created = record.createdMs;
  const started = created + pendingMs;
  const { resources, workloads } = drafts(input);
  const resourceFailed = resources.some((r) => r.errors.length > 0);
  const skipped =
    outcome === 'failed' && resourceFailed
      ? new Set(workloads)
      : new Set<Draft>();
  const running = [...resources, ...workloads].filter((d) => !skipped.has(d));
  if (running.length === 0) {
    running.push({
      id: 'apply',
      kind: 'workload',
      title: 'Apply the empty deployment set',
      weight: 1,
      errors: [],
    });
  }
  if (outcome === 'failed') {
    // Errors no step owns (and a failure without errors) land on the last step that runs.
    const owned = new Set(running.map((d) => d.object_id));
    const last = running[running.length - 1];
    last.errors.push(
      ...record.plan.errors.filter((e) => !owned.has(e.object_id)),
    );
    if (!running.some((d) => d.errors.length > 0)) last.failsSilently = true;
  }
  const total = running.reduce((sum, d) => sum + d.weight, 0);
  const steps: DeploymentStep[] = [
    timed(
      { id: 'queue', kind: 'queue', title: 'Queued', weight: 0, errors: [] },
      created,
      started,
      now,
    ),
  ];
  let acc = 0;
  const bounds = new Map<Draft, [number, number]>();
  for (const d of running) {
    const from = started + Math.round((runMs * acc) / total);
    acc += d.weight;
    bounds.set(d, [from, started + Math.round((runMs * acc) / total)]);
  }
  const order =
    running[0]?.id === 'apply' ? running : [...resources, ...workloads];
  for (const d of order) {
    const span = bounds.get(d);
    if (!span) {
      steps.push(strip(d, now >= started + runMs ? 'skipped' : 'pending'));
      continue;
    }
    const timedStep = timed(d, span[0], span[1], now);
    // A driver's log shows once its step has run.
    if (timedStep.status === 'pending' || timedStep.status === 'in progress')
      delete timedStep.log;
    steps.push(timedStep);
  }
  const status: DeploymentStatus =
    now >= started + runMs
      ? outcome
      : now >= started
        ? 'in progress'
        : 'pending';
  return { deploy_id: record.deployment.id, status, steps };
}

function strip(
  d: Draft,
  status: StepStatus,
  errors: DeploymentError[] = [],
): DeploymentStep {
  const {
    weight: _weight,
    errors: _errors,
    failsSilently: _silent,
    ...rest
  } = d;
  return { ...rest, status, errors };
}

function timed(
  d: Draft,
  from: number,
  to: number,
  now: number,
): DeploymentStep {
  if (now < from) return strip(d, 'pending');
  if (now < to) return { ...strip(d, 'in progress'), started_at: iso(from) };
  const failed = d.errors.length > 0 || d.failsSilently === true;
  return {
    ...strip(
      d,
      failed ? 'failed' : 'succeeded',
      failed ? structuredClone(d.errors) : [],
    ),
    started_at: iso(from),
    finished_at: iso(to),
    duration_ms: to - from,
  };
}
