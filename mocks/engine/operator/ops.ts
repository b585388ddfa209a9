/**
 * Operator and GitOps operations on the state (no authorization): planning a
 * deployment's export when it is created, rendering it again for the API,
 * the environment's GitOps status (sync, drift, reconciliation), the demo
 * actions (drift, resync, a broken in-cluster secret store), the health
 * issues of the cluster, and the commits a GitOps repository port makes.
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireEnv, requireEnvDeploy } from '../core/lookup';
import type {
  DriftRecord,
  EnvOperatorRecord,
  ExportRecord,
  GitopsCommitRecord,
} from '../core/model/operator';
import type { ProvisionedRecord } from '../core/model/provisioning';
import type {
  DeploymentError,
  DeploymentSet,
  JsonObject,
} from '../core/model/spec';
import type { AppRecord, StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import { invalid } from '../core/validate';
import { isCustomDriver } from '../drivers';
import { requireDef } from '../resourcedefs';
import { primarySecretStoreId } from '../secretstores';
import { clusterModeOf, type ClusterMode } from './mode';
import {
  deliveredExport,
  objectStatusAt,
  planReconcile,
  reconcileDuration,
  reconcileErrors,
  type ObjectStatus,
} from './reconcile';
import {
  manifestFile,
  manifestYaml,
  renderManifests,
  toYamlStream,
  type Manifest,
  type RenderDefinition,
  type RenderInput,
  type RenderResource,
} from './render';
import { exportErrors, validateManifests } from './validate';

/** The branch every environment's folder is on. */
export const GITOPS_BRANCH = 'main';
/** The code of live drift in the health model. */
export const DRIFT_CODE = 'OP-DRIFT-001';
const IMPLICIT = new Set(['k8s-cluster', 'k8s-namespace']);
const PROVISIONING_DRIVER_CODES = new Set(['RES-PROV-001']);

/** What a deployment's export needs, beside the state. */
export interface ExportPlanInput {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
  set: DeploymentSet;
  resources: readonly ProvisionedRecord[];
  graphId?: string;
  /** Errors the deployment already has (matching, provisioning, values). */
  priorErrors: readonly DeploymentError[];
  exportMode: 'full' | 'incremental';
  /** When the export is done (the end of the deployment's `pending`). */
  exportedMs: number;
}

/** What the deployment takes from its export. */
export interface ExportPlan {
  outcome: 'succeeded' | 'failed';
  file: string;
  operatorVersion: string;
  /** Errors to add (an invalid rendering, what the Operator will refuse). */
  errors: DeploymentError[];
  /** How long after `pending` the deployment runs until every object is reconciled. */
  runMs: number;
}

/** The folder of an environment in the repository. */
export function envFolder(orgId: string, appId: string, envId: string): string {
  return `${orgId}/${appId}/${envId}`;
}

/** The name of a deployment's export file. */
export function exportFileName(deployId: string): string {
  return `humanitec-export-${deployId}.yaml`;
}

function operatorRecord(app: AppRecord, envId: string): EnvOperatorRecord {
  app.operator ??= {};
  return (app.operator[envId] ??= { exports: {}, order: [], drift: [] });
}

function findOperator(
  app: AppRecord,
  envId: string,
): EnvOperatorRecord | undefined {
  return app.operator && Object.hasOwn(app.operator, envId)
    ? app.operator[envId]
    : undefined;
}

function renderInput(
  state: StateV1,
  orgId: string,
  app: AppRecord,
  envId: string,
  deployId: string,
  set: DeploymentSet,
  resources: readonly ProvisionedRecord[],
  graphId: string | undefined,
): RenderInput {
  const appId = app.app.id;
  const graph = graphId && app.graphs ? app.graphs[graphId] : undefined;
  const ns = graph?.nodes.find((n) => n.type === 'k8s-namespace')?.resource
    .namespace;
  const out: RenderResource[] = [];
  const defs = new Map<string, RenderDefinition>();
  for (const r of resources) {
    if (IMPLICIT.has(r.type) || !r.def_id || !r.def_version_id) continue;
    const def = requireDef(state, orgId, r.def_id, true);
    const version = def.versions.find((v) => v.id === r.def_version_id);
    if (!version) continue;
    const secretPath = `orgs/${orgId}/resources/defs/${def.id}`;
    out.push({
      res_id: r.res_id,
      type: r.type,
      class: r.class,
      def_id: def.id,
      driver_type: version.driver_type,
      values: version.values,
      secretKeys: version.secretKeys,
      secretPath,
    });
    if (!defs.has(def.id))
      defs.set(def.id, {
        id: def.id,
        version_id: version.id,
        type: def.type,
        driver_type: version.driver_type,
        values: version.values,
        secretKeys: version.secretKeys,
        secretPath,
        criteria: def.criteria.map(({ id: _id, ...rule }) => {
          void _id;
          return rule as unknown as JsonObject;
        }),
      });
  }
  return {
    orgId,
    appId,
    envId,
    deployId,
    setId: set.id,
    namespace: typeof ns === 'string' ? ns : `${appId}-${envId}`,
    secretStore: primarySecretStoreId(state, orgId),
    modules: set.modules,
    replicas: {},
    resources: out,
    definitions: [...defs.values()],
  };
}

/** Every object a stored deployment leaves in the cluster. */
export function deployManifests(
  state: StateV1,
  orgId: string,
  app: AppRecord,
  envId: string,
  deployId: string,
): Manifest[] {
  const record = app.deploys[deployId];
  const set = app.sets[record.deployment.set_id]?.set;
  if (!set) return [];
  return renderManifests(
    renderInput(
      state,
      orgId,
      app,
      envId,
      deployId,
      set,
      record.plan.resources ?? [],
      record.deployment.dependency_graph_id,
    ),
  );
}

const keyOf = (m: Manifest) => `${m.kind}/${m.metadata.name}`;

/**
 * The objects of `next` that are new or ask for something else than in
 * `previous` (an incremental export). An object holds only its desired state
 * (render.ts names no deployment in it), so it changed exactly when its YAML
 * did: the same objects whose files a GitOps commit rewrites.
 */
export function changedManifests(
  previous: readonly Manifest[],
  next: readonly Manifest[],
): Manifest[] {
  const before = new Map(previous.map((m) => [keyOf(m), manifestYaml(m)]));
  return next.filter((m) => before.get(keyOf(m)) !== manifestYaml(m));
}

/** The objects of `previous` that `next` no longer has (a removed workload, a resource no longer used). */
export function removedManifests(
  previous: readonly Manifest[],
  next: readonly Manifest[],
): Manifest[] {
  const kept = new Set(next.map(keyOf));
  return previous.filter((m) => !kept.has(keyOf(m)));
}

/**
 * The comment an incremental export opens with when the deployment deleted
 * objects: a YAML stream cannot say "delete", so each is named (kind/name and
 * its file in the repository, which the commit deletes) in comment lines that
 * `kubectl apply` ignores and a reader or a script finds (`# deleted: `).
 */
function deletionHeader(deleted: readonly Manifest[]): string {
  if (deleted.length === 0) return '';
  return [
    `# This incremental export leaves out what did not change. The deployment deleted ${deleted.length === 1 ? 'one object' : `${deleted.length} objects`}`,
    '# (delete them from the cluster; their files are gone from the GitOps repository):',
    ...deleted.map((m) => `# deleted: ${keyOf(m)} (${manifestFile(m)})`),
    '',
  ].join('\n');
}

/**
 * Plans the export of a deployment being created in an operator or GitOps
 * environment and records it: rendered, validated (an invalid object fails
 * the deployment with OP-EXPORT-001 and nothing is delivered), and the
 * Operator's reconciliation planned, delivered at the end of `pending` plus
 * the controller's sync delay. Undefined in the direct mode.
 */
export function planExport(
  ctx: OpContext,
  cluster: ClusterMode,
  input: ExportPlanInput,
): ExportPlan | undefined {
  if (cluster.mode === 'direct') return undefined;
  const { app } = requireEnv(ctx.state, input.orgId, input.appId, input.envId);
  const live = operatorRecord(app, input.envId);
  const operatorVersion = cluster.operatorVersion ?? '0.0.0';
  const file = exportFileName(input.deployId);
  const previousId = [...live.order]
    .reverse()
    .find((id) => live.exports[id]?.outcome === 'succeeded');
  const record: ExportRecord = {
    deploy_id: input.deployId,
    mode: cluster.mode,
    export_mode: input.exportMode,
    outcome: 'failed',
    file,
    ...(previousId ? { previous_deploy_id: previousId } : {}),
    operator_version: operatorVersion,
    delivered_ms: input.exportedMs + cluster.syncDelayMs,
    reconcile: [],
  };
  live.exports[input.deployId] = record;
  live.order.push(input.deployId);
  const blocking = input.priorErrors.filter(
    (e) => !PROVISIONING_DRIVER_CODES.has(e.code),
  );
  if (blocking.length > 0) {
    record.error = `Not exported: the deployment failed before its export (${[...new Set(blocking.map((e) => e.code))].join(', ')}).`;
    return { outcome: 'failed', file, operatorVersion, errors: [], runMs: 0 };
  }
  const manifests = renderManifests(
    renderInput(
      ctx.state,
      input.orgId,
      app,
      input.envId,
      input.deployId,
      input.set,
      input.resources,
      input.graphId,
    ),
  );
  const invalidErrors = exportErrors(validateManifests(manifests));
  if (invalidErrors.length > 0) {
    record.error = invalidErrors.map((e) => e.message).join(' ');
    return {
      outcome: 'failed',
      file,
      operatorVersion,
      errors: invalidErrors,
      runMs: 0,
    };
  }
  record.outcome = 'succeeded';
  const failedResources = new Map<string, string>();
  for (const e of input.priorErrors)
    if (PROVISIONING_DRIVER_CODES.has(e.code))
      failedResources.set(e.object_id, e.message);
  record.reconcile = planReconcile(manifests, {
    operatorVersion,
    failedResources,
    isCustomDriver: (ref) => isCustomDriver(ctx.state, input.orgId, ref),
  });
  return {
    outcome: 'succeeded',
    file,
    operatorVersion,
    errors: reconcileErrors(
      record.reconcile,
      live.secret_fault_ms !== undefined,
    ),
    runMs: cluster.syncDelayMs + reconcileDuration(record.reconcile) + 200,
  };
}

/** The export of a deployment as YAML: the file as written, or every object (`full`). */
export function exportYaml(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
  view: 'file' | 'full',
): { yaml: string; file: string } {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const deploy = requireEnvDeploy(app, env, deployId);
  const exp = findOperator(app, envId)?.exports[deployId];
  if (!exp)
    throw new EngineError(
      'not_found',
      `Deployment \`${deployId}\` has no export: environment \`${envId}\` deployed it directly (only operator and GitOps environments export).`,
      { deploy_id: deployId },
    );
  if (deploy.deployment.status === 'pending')
    throw new EngineError(
      'conflict',
      `The export of deployment \`${deployId}\` is still pending; ask again when the deployment is in progress.`,
      { deploy_id: deployId },
    );
  if (exp.outcome === 'failed')
    throw new EngineError(
      'not_found',
      `Deployment \`${deployId}\` has no export: it failed. ${exp.error ?? ''}`.trim(),
      { deploy_id: deployId },
    );
  const all = deployManifests(ctx.state, orgId, app, envId, deployId);
  if (
    view === 'file' &&
    exp.export_mode === 'incremental' &&
    exp.previous_deploy_id
  ) {
    const previous = deployManifests(
      ctx.state,
      orgId,
      app,
      envId,
      exp.previous_deploy_id,
    );
    return {
      yaml:
        deletionHeader(removedManifests(previous, all)) +
        toYamlStream(changedManifests(previous, all)),
      file: exp.file,
    };
  }
  return { yaml: toYamlStream(all), file: exp.file };
}

// --- views --------------------------------------------------------------------------------------------------

function commitView(deployId: string, commit: GitopsCommitRecord) {
  return { ...structuredClone(commit), deploy_id: deployId };
}

function resourceView(exp: ExportRecord, live: EnvOperatorRecord, now: number) {
  return exp.reconcile.map((plan) => {
    const status: ObjectStatus = objectStatusAt(
      plan,
      exp.delivered_ms,
      live,
      now,
    );
    return {
      kind: plan.kind,
      name: plan.name,
      api_version: plan.api_version,
      res_id: plan.res_id ?? null,
      workload_id: plan.workload_id ?? null,
      status: status.status,
      conditions: status.conditions.map(({ last_transition_ms, ...c }) => ({
        ...c,
        last_transition_time: isoAt(last_transition_ms),
      })),
      deploy_id: exp.deploy_id,
    };
  });
}

/** The drift that holds at `now`: edits made after the last sync. */
function activeDrift(
  live: EnvOperatorRecord,
  delivered: ExportRecord | undefined,
): DriftRecord[] {
  const since = delivered?.delivered_ms ?? 0;
  return live.drift.filter((d) => d.at_ms >= since);
}

/** The environment's GitOps status (the extension's GitopsStatus). */
export function gitopsStatus(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  repositoryUrl: string,
) {
  const { app } = requireEnv(ctx.state, orgId, appId, envId);
  const cluster = clusterModeOf(ctx.state, orgId, appId, envId);
  const live = findOperator(app, envId);
  const now = ctx.now;
  const newest = live
    ? [...live.order]
        .reverse()
        .map((id) => live.exports[id])
        .find((e) => e?.outcome === 'succeeded')
    : undefined;
  const delivered = live ? deliveredExport(live, now) : undefined;
  const lastCommitted = live
    ? [...live.order]
        .reverse()
        .map((id) => live.exports[id])
        .find((e) => e?.commit)
    : undefined;
  const resources = live && delivered ? resourceView(delivered, live, now) : [];
  const drift = live ? activeDrift(live, delivered) : [];
  let status: 'Synced' | 'OutOfSync' | 'Progressing' | 'Unknown' = 'Unknown';
  if (newest && newest !== delivered) status = 'OutOfSync';
  else if (delivered && drift.length > 0) status = 'OutOfSync';
  else if (delivered && resources.some((r) => r.status === 'Pending'))
    status = 'Progressing';
  else if (delivered) status = 'Synced';
  const syncedMs = delivered
    ? Math.max(delivered.delivered_ms, live?.resynced_ms ?? 0)
    : undefined;
  return {
    env_id: envId,
    mode: cluster.mode,
    operator_version: cluster.operatorVersion,
    cluster: cluster.cluster,
    repository:
      cluster.mode === 'gitops'
        ? {
            url: repositoryUrl,
            branch: GITOPS_BRANCH,
            path: envFolder(orgId, appId, envId),
          }
        : null,
    last_commit: lastCommitted?.commit
      ? commitView(lastCommitted.deploy_id, lastCommitted.commit)
      : null,
    sync: {
      status,
      // GitOps: the commit the cluster runs (null while no repository recorded one); operator: the deployment.
      revision: !delivered
        ? null
        : cluster.mode === 'gitops'
          ? (delivered.commit?.sha ?? null)
          : delivered.deploy_id,
      synced_at: syncedMs !== undefined ? isoAt(syncedMs) : null,
      next_sync_at:
        newest && newest !== delivered ? isoAt(newest.delivered_ms) : null,
    },
    drift: drift.map((d) => ({
      kind: d.kind,
      name: d.name,
      field: d.field,
      git_value: d.git_value,
      live_value: d.live_value,
    })),
    resources,
    secret_fault: live?.secret_fault_ms !== undefined,
  };
}

/** A deployment's export, commit and reconciliation (the extension's DeploymentGitops). */
export function deploymentGitops(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const deploy = requireEnvDeploy(app, env, deployId);
  const live = findOperator(app, envId);
  const exp = live?.exports[deployId];
  if (!live || !exp)
    return {
      deploy_id: deployId,
      mode: 'direct' as const,
      export_status: deploy.deployment.export_status,
      export_file: deploy.deployment.export_file,
      export_error: null,
      commit: null,
      previous_deploy_id: null,
      resources: [],
    };
  return {
    deploy_id: deployId,
    mode: exp.mode,
    export_status: deploy.deployment.export_status,
    export_file: deploy.deployment.export_file,
    export_error: exp.error ?? null,
    commit: exp.commit ? commitView(deployId, exp.commit) : null,
    previous_deploy_id: exp.previous_deploy_id ?? null,
    resources:
      exp.outcome === 'succeeded' && exp.delivered_ms <= ctx.now
        ? resourceView(exp, live, ctx.now)
        : [],
  };
}

// --- demo actions ---------------------------------------------------------------------------------------------

function requireClusterEnv(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  doing: string,
) {
  const { app } = requireEnv(ctx.state, orgId, appId, envId);
  const cluster = clusterModeOf(ctx.state, orgId, appId, envId);
  if (cluster.mode === 'direct')
    throw new EngineError(
      'conflict',
      `Cannot ${doing}: environment \`${envId}\` deploys directly (its k8s-cluster definition${cluster.cluster ? ` \`${cluster.cluster.def_id}\`` : ''} sets no \`deployment_mode\` operator or gitops), so there is no Operator or GitOps controller.`,
      { env_id: envId },
    );
  return { app, live: operatorRecord(app, envId) };
}

function valueAt(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** What the drift demo can edit in a live Workload (the API's GitopsDriftRequest.field). */
export const DRIFT_FIELDS = [
  'replicas',
  'image',
  'env',
  'memory_limit',
  'label',
] as const;
type DriftField = (typeof DRIFT_FIELDS)[number];

/** The Workload's first container by name; a 400 naming the workload when it has none. */
function firstContainer(target: Manifest): string {
  const containers = (target.spec?.containers ?? {}) as Record<string, unknown>;
  const first = Object.keys(containers).sort()[0];
  if (!first)
    invalid(
      `Workload \`${String(target.spec?.id)}\` has no container to edit.`,
    );
  return first;
}

/** `wanted`, or `otherwise` when git already holds `wanted` (an edit must differ from git). */
const differing = (git: unknown, wanted: string, otherwise: string) =>
  git === wanted ? otherwise : wanted;

/**
 * The edits someone makes with kubectl, each a field a reviewer recognises:
 * where it is in the Workload and the value it has live afterwards.
 */
const LIVE_EDITS: Record<
  DriftField,
  (target: Manifest) => { path: string[]; live: unknown }
> = {
  // kubectl scale --replicas=N
  replicas: (target) => {
    const git = valueAt(target, ['spec', 'replicas']);
    return {
      path: ['spec', 'replicas'],
      live: (typeof git === 'number' ? git : 1) + 2,
    };
  },
  // kubectl set image
  image: (target) => {
    const path = ['spec', 'containers', firstContainer(target), 'image'];
    return {
      path,
      live: `${String(valueAt(target, path) ?? 'image')}-kubectl-edit`,
    };
  },
  // kubectl set env LOG_LEVEL=debug
  env: (target) => {
    const path = [
      'spec',
      'containers',
      firstContainer(target),
      'variables',
      'LOG_LEVEL',
    ];
    return { path, live: differing(valueAt(target, path), 'debug', 'trace') };
  },
  // kubectl set resources --limits=memory=1Gi
  memory_limit: (target) => {
    const path = [
      'spec',
      'containers',
      firstContainer(target),
      'resources',
      'limits',
      'memory',
    ];
    return { path, live: differing(valueAt(target, path), '1Gi', '2Gi') };
  },
  // kubectl label debug=true
  label: (target) => {
    const path = ['metadata', 'labels', 'debug'];
    return { path, live: differing(valueAt(target, path), 'true', 'false') };
  },
};

/** "Someone edits the live Deployment with kubectl": one field of a live Workload changes. */
export function causeDrift(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  body: unknown,
): void {
  const { app, live } = requireClusterEnv(
    ctx,
    orgId,
    appId,
    envId,
    'edit the live cluster',
  );
  const input = (body ?? {}) as { workload_id?: string; field?: string };
  if (typeof input !== 'object' || Array.isArray(input))
    invalid(
      'The body must be an object like {"workload_id": "api", "field": "replicas"}.',
    );
  const delivered = deliveredExport(live, ctx.now);
  if (!delivered)
    throw new EngineError(
      'conflict',
      `Nothing runs in the cluster of environment \`${envId}\` yet: deploy first (and, for GitOps, wait for the controller's sync).`,
      { env_id: envId },
    );
  const workloads = deployManifests(
    ctx.state,
    orgId,
    app,
    envId,
    delivered.deploy_id,
  ).filter((m) => m.kind === 'Workload');
  const target = input.workload_id
    ? workloads.find((m) => m.spec?.id === input.workload_id)
    : workloads[0];
  if (!target)
    throw new EngineError(
      input.workload_id ? 'not_found' : 'conflict',
      input.workload_id
        ? `Workload \`${input.workload_id}\` does not run in environment \`${envId}\` (it has ${workloads.map((w) => `\`${String(w.spec?.id)}\``).join(', ') || 'no workloads'}).`
        : `Environment \`${envId}\` runs no workload to edit.`,
      { env_id: envId },
    );
  const field = input.field ?? 'replicas';
  const edit = LIVE_EDITS[field as DriftField];
  if (!Object.hasOwn(LIVE_EDITS, field) || !edit)
    invalid(
      `\`field\` must be one of ${DRIFT_FIELDS.map((f) => `\`${f}\``).join(', ')}; got ${JSON.stringify(field)}.`,
    );
  const { path, live: liveValue } = edit(target);
  const dotted = path.join('.');
  live.drift = live.drift.filter(
    (d) =>
      !(
        d.kind === target.kind &&
        d.name === target.metadata.name &&
        d.field === dotted
      ),
  );
  live.drift.push({
    kind: target.kind,
    name: target.metadata.name,
    field: dotted,
    git_value: valueAt(target, path) ?? null,
    live_value: liveValue,
    at_ms: ctx.now,
  });
}

/** Syncs the cluster to git now: drift is overwritten and a commit still waiting for its sync is applied. */
export function resync(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
): void {
  const { live } = requireClusterEnv(ctx, orgId, appId, envId, 'resync');
  live.drift = [];
  live.resynced_ms = ctx.now;
  for (const id of live.order) {
    const exp = live.exports[id];
    if (exp.outcome === 'succeeded' && exp.delivered_ms > ctx.now)
      exp.delivered_ms = ctx.now;
  }
}

/** Breaks (or restores) the in-cluster secret store of the environment. */
export function setSecretFault(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  body: unknown,
): void {
  const broken = (body as { broken?: unknown } | null)?.broken;
  if (typeof broken !== 'boolean')
    invalid('The body must be {"broken": true} or {"broken": false}.');
  const { live } = requireClusterEnv(
    ctx,
    orgId,
    appId,
    envId,
    'change the in-cluster secret store',
  );
  if (broken) {
    live.secret_fault_ms ??= ctx.now;
    delete live.secret_restored_ms;
  } else if (live.secret_fault_ms !== undefined) {
    delete live.secret_fault_ms;
    live.secret_restored_ms = ctx.now;
  }
}

// --- the GitOps repository port -------------------------------------------------------------------------------

/** An export a GitOps repository has not committed yet. */
export interface PendingCommit {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
  /** The deploying user. */
  authorId: string;
  authorName: string;
  authorEmail: string;
  /** The deployment's comment, then the trailers `Deployment: <id>` and `Deployment-Set: <set id>`. */
  message: string;
  /** When the deployment was created (ms). */
  atMs: number;
  /** The environment's folder and every file it should hold after the commit. */
  folder: string;
  files: Record<string, string>;
}

/**
 * A commit's message: the deployment's comment, then trailers naming the
 * deployment and its set. This is where a GitOps repository says which
 * deployment wrote it: the objects name none (render.ts), so a file changes
 * only when its object does.
 */
function commitMessage(subject: string, deployId: string, setId: string) {
  return `${subject}\n\nDeployment: ${deployId}\nDeployment-Set: ${setId}\n`;
}

/** The GitOps exports no commit was recorded for, oldest first per environment. */
export function pendingCommits(state: StateV1): PendingCommit[] {
  const out: PendingCommit[] = [];
  for (const orgId of Object.keys(state.orgs))
    for (const app of Object.values(state.orgs[orgId].apps)) {
      if (!app.operator) continue;
      for (const [envId, live] of Object.entries(app.operator))
        for (const deployId of live.order) {
          const exp = live.exports[deployId];
          const record = app.deploys[deployId];
          if (
            !exp ||
            !record ||
            exp.mode !== 'gitops' ||
            exp.outcome !== 'succeeded' ||
            exp.commit
          )
            continue;
          const user = state.users[record.deployment.created_by];
          const comment = record.deployment.comment.trim();
          out.push({
            orgId,
            appId: app.app.id,
            envId,
            deployId,
            authorId: record.deployment.created_by,
            authorName: user?.name ?? record.deployment.created_by,
            authorEmail:
              user?.email ?? `${record.deployment.created_by}@users.noreply`,
            message: commitMessage(
              comment || `Deploy ${deployId}`,
              deployId,
              record.deployment.set_id,
            ),
            atMs: record.createdMs,
            folder: envFolder(orgId, app.app.id, envId),
            files: Object.fromEntries(
              deployManifests(state, orgId, app, envId, deployId).map((m) => [
                manifestFile(m),
                manifestYaml(m),
              ]),
            ),
          });
        }
    }
  return out;
}

/** Records the commit a repository made for an export (idempotent). */
export function recordCommit(
  state: StateV1,
  pending: Pick<PendingCommit, 'orgId' | 'appId' | 'envId' | 'deployId'>,
  commit: GitopsCommitRecord,
): boolean {
  const exp =
    state.orgs[pending.orgId]?.apps[pending.appId]?.operator?.[pending.envId]
      ?.exports[pending.deployId];
  if (!exp || exp.commit) return false;
  exp.commit = structuredClone(commit);
  return true;
}

// --- health ---------------------------------------------------------------------------------------------------

/** A cluster issue for the health model (health/ turns these into HealthIssues). */
export interface ClusterIssue {
  state: 'Failed' | 'Degraded' | 'Deploying';
  scope: 'resource' | 'workload' | 'environment';
  code?: string;
  message: string;
  detail?: string;
  deploy_id?: string;
  workload_id?: string;
  resource_id?: string;
}

/** What the Operator and the GitOps controller report about the environment at `now` (empty in the direct mode). */
export function clusterIssues(
  state: StateV1,
  app: AppRecord,
  envId: string,
  now: number,
): ClusterIssue[] {
  const live = findOperator(app, envId);
  if (!live) return [];
  const delivered = deliveredExport(live, now);
  if (!delivered) return [];
  const issues: ClusterIssue[] = [];
  for (const r of resourceView(delivered, live, now)) {
    if (r.status !== 'Failed') continue;
    const failed = r.conditions.find(
      (c) => c.status === 'False' && c.type !== 'Ready',
    );
    const plan = delivered.reconcile.find(
      (p) => p.kind === r.kind && p.name === r.name,
    );
    const code = objectStatusAt(plan!, delivered.delivered_ms, live, now).code;
    issues.push({
      state: 'Failed',
      scope: r.kind === 'Workload' ? 'workload' : 'resource',
      ...(code ? { code } : {}),
      message: `The Operator cannot reconcile ${r.kind} \`${r.name}\`: ${failed?.message ?? 'it failed.'}`,
      deploy_id: delivered.deploy_id,
      ...(r.workload_id ? { workload_id: r.workload_id } : {}),
      ...(r.res_id ? { resource_id: r.res_id } : {}),
    });
  }
  for (const d of activeDrift(live, delivered))
    issues.push({
      state: 'Degraded',
      scope: 'environment',
      code: DRIFT_CODE,
      message: `Out of sync: live ${d.kind} \`${d.name}\` has \`${d.field}\` ${JSON.stringify(d.live_value)}, git has ${JSON.stringify(d.git_value)} (changed in the cluster, not in git). Resync to restore git's state.`,
      deploy_id: delivered.deploy_id,
    });
  void state;
  return issues;
}
