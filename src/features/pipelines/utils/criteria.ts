import type { PipelineCriteria } from '@/api/pipelines';

/** What a deployment request is: a delta or set deployed (`deploy`), or an environment's set again (`redeploy`). */
export type RequestType = 'deploy' | 'redeploy';

/** The environment a request targets, as criteria see it. */
export interface RequestTarget {
  appId: string;
  envId: string;
  envType: string;
}

const fieldsOf = (c: PipelineCriteria) => [
  c.env_type,
  c.env_id,
  c.app_id,
  c.deployment_type,
];

/** Whether criterion `c` matches a request of `type` to `target` (every field it sets equals the request's). */
export function criteriaMatch(
  c: PipelineCriteria,
  target: RequestTarget,
  type: RequestType,
): boolean {
  return (
    c.trigger === 'deployment_request' &&
    (!c.env_type || c.env_type === target.envType) &&
    (!c.env_id || c.env_id === target.envId) &&
    (!c.app_id || c.app_id === target.appId) &&
    (!c.deployment_type || c.deployment_type === type)
  );
}

/**
 * The criterion a deployment request is routed by, as the API routes it: of
 * those that match, the one that sets the most fields; of equals, the first
 * listed (the oldest). Undefined when none matches (the API answers 422).
 */
export function routeRequest(
  criteria: readonly PipelineCriteria[],
  target: RequestTarget,
  type: RequestType,
): PipelineCriteria | undefined {
  let best: PipelineCriteria | undefined;
  let bestScore = -1;
  for (const c of criteria) {
    if (!criteriaMatch(c, target, type)) continue;
    const score = fieldsOf(c).filter(Boolean).length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** A criterion in words: "Redeployments to environments of type development", "Deployment requests to any environment". */
export function describeCriteria(c: PipelineCriteria): string {
  const what =
    c.deployment_type === 'deploy'
      ? 'Deployments of a delta or set'
      : c.deployment_type === 'redeploy'
        ? 'Redeployments'
        : 'Deployment requests';
  const where =
    c.env_id && c.env_type
      ? `environment ${c.env_id} (type ${c.env_type})`
      : c.env_id
        ? `environment ${c.env_id}`
        : c.env_type
          ? `environments of type ${c.env_type}`
          : 'any environment';
  return `${what} to ${where}`;
}
