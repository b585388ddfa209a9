/**
 * The approvals that wait for the caller, as rows of the organisation's
 * "needs attention" (compute.ts withApprovals): read from the pipelines'
 * part of the state (core/pipelines-store; the pipelines domain depends on
 * health, not the other way round). Who may see and decide which is the
 * caller's business (methods.ts): `readable` keeps the apps it may read,
 * `mayDecide` the environments it may deploy to.
 */
import { parse as parseYaml } from 'yaml';
import type {
  AppPipelines,
  ApprovalRecord,
  PipelineVersionRecord,
} from '../core/model/pipelines';
import { existingPipelines, runAndVersion } from '../core/pipelines-store';
import type { OpContext } from '../core/lookup';
import { bySeq, isoAt } from '../core/state';
import type { ApprovalAttentionItem } from './compute';

/** The `name` of a version's YAML, read once per version record. */
const names = new WeakMap<PipelineVersionRecord, string | undefined>();

function nameOf(version: PipelineVersionRecord): string | undefined {
  if (names.has(version)) return names.get(version);
  let name: string | undefined;
  try {
    const doc: unknown = parseYaml(version.yaml);
    const value =
      typeof doc === 'object' && doc !== null
        ? (doc as { name?: unknown }).name
        : undefined;
    name = typeof value === 'string' && value.trim() ? value.trim() : undefined;
  } catch {
    name = undefined;
  }
  names.set(version, name);
  return name;
}

/** The name of the pipeline as the run executes it (its version's), else the current one's, else its id. */
function pipelineName(store: AppPipelines, a: ApprovalRecord): string {
  const { pipeline, version: executed } = runAndVersion(
    store,
    a.pipelineId,
    a.runId,
  );
  const version = executed ?? pipeline?.versions.at(-1);
  return (version && nameOf(version)) ?? a.pipelineId;
}

/**
 * The waiting approvals of the organisation's apps that `readable` keeps,
 * for environments that still exist and that `mayDecide` allows (by the
 * environment's type), oldest first.
 */
export function waitingApprovals(
  ctx: OpContext,
  orgId: string,
  readable: (appId: string) => boolean,
  mayDecide: (appId: string, envType: string) => boolean,
): ApprovalAttentionItem[] {
  const pipelines = existingPipelines(ctx.state);
  const org = Object.hasOwn(ctx.state.orgs, orgId)
    ? ctx.state.orgs[orgId]
    : undefined;
  if (!pipelines || !org) return [];
  const items: ApprovalAttentionItem[] = [];
  for (const store of Object.values(pipelines.apps)) {
    if (store.orgId !== orgId || !Object.hasOwn(org.apps, store.appId))
      continue;
    const waiting = bySeq(store.approvals).filter(
      (a) => a.status === 'waiting',
    );
    if (waiting.length === 0 || !readable(store.appId)) continue;
    const app = org.apps[store.appId];
    for (const a of waiting) {
      const env = Object.hasOwn(app.envs, a.envId)
        ? app.envs[a.envId].env
        : undefined;
      if (!env || !mayDecide(store.appId, env.type)) continue;
      const name = pipelineName(store, a);
      items.push({
        app_id: app.app.id,
        app_name: app.app.name,
        env_id: env.id,
        env_name: env.name,
        env_type: env.type,
        summary: `A run of ${name} waits for your approval to deploy to ${app.app.id} / ${env.id}.`,
        since: isoAt(a.createdMs),
        approval: {
          id: a.id,
          pipeline_id: a.pipelineId,
          pipeline_name: name,
          run_id: a.runId,
          job_id: a.jobId,
          message: a.message,
        },
      });
    }
  }
  return items;
}
