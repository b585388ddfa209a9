/**
 * The simulated in-cluster Operator: what it makes of each exported Resource
 * and Workload (planned once, when the deployment is created, so that the
 * deployment's outcome is known then), and each object's status at a time of
 * the injected clock: `Pending` from delivery until its `readyAfterMs`, then
 * `Ready` or `Failed` with conditions. A broken in-cluster secret store
 * (the demo action) fails every object that reads secrets a moment after it
 * breaks, and they reconcile again a moment after it is restored.
 */
import type {
  ConditionRecord,
  EnvOperatorRecord,
  ExportRecord,
  ReconcilePlanRecord,
} from '../core/model/operator';
import type { DeploymentError } from '../core/model/spec';
import { IN_CLUSTER_DRIVERS_SINCE, OPERATOR_KINDS } from './crds';
import { compareVersions } from './mode';
import type { Manifest } from './render';

export const SECRET_MISSING_CODE = 'OP-SECRET-001';
export const CRD_OUTDATED_CODE = 'OP-CRD-001';
export const IN_CLUSTER_DRIVER_CODE = 'OP-DRV-001';
/** How long the Operator takes to notice a change of the in-cluster secret store. */
export const SECRET_DETECT_MS = 1000;
/** The longest an object stays Pending after delivery. */
export const MAX_RECONCILE_MS = 4000;

/** What the Operator knows when it plans. */
export interface ReconcileContext {
  operatorVersion: string;
  /** Resources whose driver failed (res_id → the driver's message). */
  failedResources: ReadonlyMap<string, string>;
  /** Whether a driver type is a custom one (runs in the cluster: needs {@link IN_CLUSTER_DRIVERS_SINCE}). */
  isCustomDriver(driverType: string): boolean;
}

function condition(
  type: string,
  ok: boolean,
  reason: string,
  message: string,
): ConditionRecord {
  return { type, status: ok ? 'True' : 'False', reason, message };
}

/** The secrets an object reads: `<store>:<ref>` of a Resource's references, `${secrets.KEY}` of a Workload. */
function secretsRead(m: Manifest): string[] {
  if (m.kind === 'Resource') {
    const refs = (m.spec?.driverInputs as { secretRefs?: unknown })
      ?.secretRefs as
      Record<string, { store: string; ref: string }> | undefined;
    return Object.values(refs ?? {}).map((r) => `${r.store}:${r.ref}`);
  }
  if (m.kind === 'Workload')
    return [
      ...new Set(JSON.stringify(m.spec).match(/\$\{secrets\.[^}]+\}/g) ?? []),
    ].sort();
  return [];
}

/** At most three of the secrets an object reads, for a message. */
function namedSecrets(plan: ReconcilePlanRecord): string {
  const refs = plan.secretRefs ?? [];
  if (refs.length === 0) return 'secrets';
  const shown = refs.slice(0, 3).map((r) => `\`${r}\``);
  return `${refs.length === 1 ? 'secret' : 'secrets'} ${shown.join(', ')}${refs.length > 3 ? ` and ${refs.length - 3} more` : ''}`;
}

/** The Operator's plan for every Resource and Workload of an export. */
export function planReconcile(
  manifests: readonly Manifest[],
  ctx: ReconcileContext,
): ReconcilePlanRecord[] {
  const plans: ReconcilePlanRecord[] = [];
  let resources = 0;
  let workloads = 0;
  for (const m of manifests) {
    if (m.kind !== 'Resource' && m.kind !== 'Workload') continue;
    const spec = m.spec ?? {};
    const conditions: ConditionRecord[] = [];
    let code: string | undefined;
    const since = OPERATOR_KINDS[m.kind].since;
    const driverType = String(spec.driverType ?? '');
    const needsCustom = m.kind === 'Resource' && ctx.isCustomDriver(driverType);
    const required =
      needsCustom && compareVersions(IN_CLUSTER_DRIVERS_SINCE, since) > 0
        ? IN_CLUSTER_DRIVERS_SINCE
        : since;
    const crdOk = compareVersions(ctx.operatorVersion, required) >= 0;
    conditions.push(
      condition(
        'CrdCompatible',
        crdOk,
        crdOk ? 'Served' : 'CrdOutdated',
        crdOk
          ? `Operator ${ctx.operatorVersion} serves ${m.kind}.`
          : `The cluster's Operator ${ctx.operatorVersion} is too old: ${needsCustom ? `in-cluster driver \`${driverType}\`` : `${m.apiVersion} ${m.kind}`} needs Operator ${required} or newer. Upgrade the Operator (helm upgrade humanitec-operator), or lower the definition's operator_version only if the cluster really runs that version.`,
      ),
    );
    if (!crdOk) code = CRD_OUTDATED_CODE;
    if (m.kind === 'Resource') {
      const failure = ctx.failedResources.get(String(spec.id));
      conditions.push(
        condition(
          'DriverSucceeded',
          failure === undefined,
          failure === undefined ? 'Provisioned' : 'DriverFailed',
          failure ??
            `Driver ${driverType} provisioned the resource in the cluster.`,
        ),
      );
      if (failure !== undefined && !code) code = IN_CLUSTER_DRIVER_CODE;
    }
    const secrets = secretsRead(m);
    const needsSecrets = secrets.length > 0;
    const readyAfterMs =
      m.kind === 'Resource'
        ? 800 + (resources++ % 5) * 300
        : 2400 + (workloads++ % 10) * 160;
    plans.push({
      kind: m.kind,
      name: m.metadata.name,
      api_version: m.apiVersion,
      ...(m.kind === 'Resource'
        ? { res_id: String(spec.id) }
        : { workload_id: String(spec.id) }),
      outcome: code ? 'Failed' : 'Ready',
      ...(code ? { code } : {}),
      conditions,
      readyAfterMs,
      needsSecrets,
      ...(needsSecrets ? { secretRefs: secrets } : {}),
    });
  }
  return plans;
}

/** How long until every object of a plan has its outcome. */
export function reconcileDuration(
  plans: readonly ReconcilePlanRecord[],
): number {
  return plans.reduce((max, p) => Math.max(max, p.readyAfterMs), 0);
}

/** An object's status at `now`. */
export interface ObjectStatus {
  status: 'Pending' | 'Ready' | 'Failed';
  code?: string;
  conditions: (ConditionRecord & { last_transition_ms: number })[];
}

/** The live secret store's effect on an object at `now`: missing (since when) or present. */
function secretCondition(
  plan: ReconcilePlanRecord,
  live: Pick<EnvOperatorRecord, 'secret_fault_ms' | 'secret_restored_ms'>,
  now: number,
  deliveredMs: number,
):
  | { pending: boolean; condition: ConditionRecord; sinceMs: number }
  | undefined {
  if (!plan.needsSecrets) return undefined;
  const fault = live.secret_fault_ms;
  if (fault !== undefined && now >= fault + SECRET_DETECT_MS)
    return {
      pending: false,
      sinceMs: Math.max(fault + SECRET_DETECT_MS, deliveredMs),
      condition: condition(
        'SecretsResolved',
        false,
        'SecretMissing',
        `${plan.kind} \`${plan.name}\` reads ${namedSecrets(plan)}, which the in-cluster secret store does not have: restore them in the cluster's secret store (or fix the store's sync), then the Operator reconciles again.`,
      ),
    };
  const restored = live.secret_restored_ms;
  if (
    restored !== undefined &&
    restored > deliveredMs &&
    now < restored + SECRET_DETECT_MS
  )
    return {
      pending: true,
      sinceMs: restored,
      condition: condition(
        'SecretsResolved',
        false,
        'Reconciling',
        'The in-cluster secrets are back; reconciling again.',
      ),
    };
  return {
    pending: false,
    sinceMs: deliveredMs,
    condition: condition(
      'SecretsResolved',
      true,
      'Resolved',
      'Every secret reference resolves in the in-cluster secret store.',
    ),
  };
}

/** The status of one planned object of an export delivered at `deliveredMs`. */
export function objectStatusAt(
  plan: ReconcilePlanRecord,
  deliveredMs: number,
  live: Pick<EnvOperatorRecord, 'secret_fault_ms' | 'secret_restored_ms'>,
  now: number,
): ObjectStatus {
  const doneMs = deliveredMs + plan.readyAfterMs;
  if (now < doneMs)
    return {
      status: 'Pending',
      conditions: [
        {
          type: 'Ready',
          status: 'Unknown',
          reason: 'Reconciling',
          message: `The Operator is reconciling ${plan.kind} \`${plan.name}\`.`,
          last_transition_ms: deliveredMs,
        },
      ],
    };
  const conditions = plan.conditions.map((c) => ({
    ...c,
    last_transition_ms: doneMs,
  }));
  const secret = secretCondition(plan, live, now, deliveredMs);
  let status: ObjectStatus['status'] = plan.outcome;
  let code = plan.code;
  if (secret) {
    conditions.push({
      ...secret.condition,
      last_transition_ms: Math.max(secret.sinceMs, doneMs),
    });
    if (secret.pending && status === 'Ready') status = 'Pending';
    else if (secret.condition.status === 'False' && !secret.pending) {
      status = 'Failed';
      code ??= SECRET_MISSING_CODE;
    }
  }
  const failed = conditions.find(
    (c) => c.status === 'False' && c.reason !== 'Reconciling',
  );
  conditions.push({
    type: 'Ready',
    status:
      status === 'Ready' ? 'True' : status === 'Failed' ? 'False' : 'Unknown',
    reason:
      status === 'Ready'
        ? 'Reconciled'
        : failed
          ? failed.reason
          : 'Reconciling',
    message:
      status === 'Ready'
        ? `${plan.kind} \`${plan.name}\` is ready.`
        : failed
          ? failed.message
          : 'Reconciling.',
    last_transition_ms: Math.max(
      ...conditions.map((c) => c.last_transition_ms),
    ),
  });
  return {
    status,
    ...(code && status === 'Failed' ? { code } : {}),
    conditions,
  };
}

/** The deployment errors of a plan that fails (known when the deployment is created). */
export function reconcileErrors(
  plans: readonly ReconcilePlanRecord[],
  secretsMissing: boolean,
): DeploymentError[] {
  const errors: DeploymentError[] = [];
  for (const plan of plans) {
    const secret = secretsMissing && plan.needsSecrets;
    if (plan.outcome === 'Ready' && !secret) continue;
    // A driver failure is already the deployment's RES-PROV-001 (provisioning ran it).
    if (plan.code === IN_CLUSTER_DRIVER_CODE && !secret) continue;
    const failed = plan.conditions.find((c) => c.status === 'False');
    const message = secret
      ? `${plan.kind} \`${plan.name}\` reads ${namedSecrets(plan)}, which the in-cluster secret store does not have, so the Operator cannot reconcile it. Restore them in the cluster's store, then deploy again.`
      : (failed?.message ?? `${plan.kind} \`${plan.name}\` failed.`);
    errors.push({
      scope: plan.kind === 'Workload' ? 'workload' : 'resource',
      object_id: plan.workload_id ?? plan.res_id ?? plan.name,
      code: secret ? SECRET_MISSING_CODE : (plan.code ?? CRD_OUTDATED_CODE),
      summary: secret
        ? 'In-cluster secret missing'
        : 'Operator cannot reconcile the object',
      message,
      error_type: 'OperatorReconcileError',
    });
  }
  return errors;
}

/** The newest export of an environment the cluster has at `now` (delivered and not failed). */
export function deliveredExport(
  record: EnvOperatorRecord,
  now: number,
): ExportRecord | undefined {
  for (let i = record.order.length - 1; i >= 0; i -= 1) {
    const exp = record.exports[record.order[i]];
    if (exp && exp.outcome === 'succeeded' && exp.delivered_ms <= now)
      return exp;
  }
  return undefined;
}
