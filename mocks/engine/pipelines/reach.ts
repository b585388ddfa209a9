/**
 * Who may change what a pipeline deploys (issue 17, "pipeline hijack"): a
 * pipeline, its deployment-request criteria and its triggers decide what
 * runs when *someone else* requests a deployment, so changing them needs the
 * rights to deploy wherever they can deploy:
 *
 * - criteria reach the environment types they match: `env_id` (that
 *   environment's type), `env_type`, or every type when they name neither;
 * - a pipeline reaches the types of the environments its deploying steps
 *   (`deploy`, `clone`, `rollback`, `canary`) name literally; a step whose
 *   `env_id` comes from the inputs (`${{ inputs.env_id }}`) reaches every type
 *   when the pipeline has a `pipeline_call` trigger (the caller chooses), and
 *   otherwise the types its criteria reach. An environment that does not
 *   exist (yet) could be of any type.
 *
 * Creating, updating or deleting a pipeline checks `env.deploy` on every type
 * the old and the new definition reach; creating or deleting criteria on
 * every type they reach (the checks are in methods.ts).
 */
import type { OpContext } from '../core/lookup';
import { requireApp } from '../core/lookup';
import {
  DEPLOYING_ACTIONS,
  type AppPipelines,
  type CriteriaRecord,
} from '../core/model/pipelines';
import { parsePipeline } from './parse';

/** Environment types something can deploy to: a set, or every type. */
export type Reach = Set<string> | 'all';

function typeOfEnv(
  ctx: OpContext,
  store: AppPipelines,
  envId: string,
): string | undefined {
  const app = requireApp(ctx.state, store.orgId, store.appId);
  return Object.hasOwn(app.envs, envId) ? app.envs[envId].env.type : undefined;
}

function union(a: Reach, b: Reach): Reach {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

/** The environment types a criterion routes deployment requests of: `env_id`'s type, `env_type`, or every type. */
export function criteriaReach(
  ctx: OpContext,
  store: AppPipelines,
  c: Pick<CriteriaRecord, 'envId' | 'envType' | 'appId'>,
): Reach {
  if (c.appId !== undefined && c.appId !== store.appId) return new Set();
  if (c.envId !== undefined) {
    const type = typeOfEnv(ctx, store, c.envId);
    if (type === undefined)
      return c.envType !== undefined ? new Set([c.envType]) : 'all';
    return c.envType !== undefined && c.envType !== type
      ? new Set()
      : new Set([type]);
  }
  return c.envType !== undefined ? new Set([c.envType]) : 'all';
}

/** The environment types a pipeline definition (YAML) can deploy to; see the module comment. */
export function pipelineReach(
  ctx: OpContext,
  store: AppPipelines,
  pipelineId: string,
  yaml: string,
): Reach {
  const definition = parsePipeline(yaml);
  let reach: Reach = new Set();
  let fromInputs = false;
  for (const step of definition.jobs.flatMap((job) => job.steps)) {
    if (!DEPLOYING_ACTIONS.has(step.action)) continue;
    const envId = step.with.env_id;
    if (typeof envId !== 'string' || envId === '' || envId.includes('${{')) {
      fromInputs = true;
      continue;
    }
    const type = typeOfEnv(ctx, store, envId);
    reach = union(reach, type === undefined ? 'all' : new Set([type]));
  }
  if (fromInputs) {
    if (definition.triggers.includes('pipeline_call')) return 'all';
    for (const c of Object.values(store.criteria)) {
      if (c.pipelineId === pipelineId)
        reach = union(reach, criteriaReach(ctx, store, c));
    }
  }
  return reach;
}
