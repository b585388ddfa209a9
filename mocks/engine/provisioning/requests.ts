/**
 * The resources a deployment set asks for (the spec's ResourceInputsResponse
 * of `GET …/sets/{setId}/resources`): the implicit ones every environment
 * has (its cluster and namespace), each shared resource (`shared.<name>`) and
 * each workload's private resources (`modules.<workload>.externals.<name>`),
 * in that order, workloads and names sorted.
 */
import { isJsonObject } from '../core/canonical';
import type { DeploymentSet, JsonObject } from '../core/model/spec';

/** The class a resource has when it names none. */
export const DEFAULT_RESOURCE_CLASS = 'default';

/** One resource to provision. */
export interface ResourceRequest {
  /** `k8s-cluster`, `shared.db`, `modules.api.externals.cache`, … */
  id: string;
  type: string;
  class: string;
  /** The `params` the set gives it (passed to its driver; a key it names overrides the definition's input of the same name). */
  resource: JsonObject;
  /** Where it comes from. */
  source: 'implicit' | 'shared' | 'private';
  /** The workload of a private resource. */
  workload?: string;
}

/** The resources every environment provisions before anything else, cluster first. */
export const IMPLICIT_TYPES = ['k8s-cluster', 'k8s-namespace'] as const;

function request(
  id: string,
  ref: { type: string; class?: string; params?: JsonObject },
  source: ResourceRequest['source'],
  workload?: string,
): ResourceRequest {
  return {
    id,
    type: ref.type,
    class: ref.class || DEFAULT_RESOURCE_CLASS,
    resource: isJsonObject(ref.params) ? (ref.params as JsonObject) : {},
    source,
    ...(workload !== undefined ? { workload } : {}),
  };
}

/** The resources `set` asks for, implicit ones first. */
export function resourceRequests(set: DeploymentSet): ResourceRequest[] {
  const out: ResourceRequest[] = IMPLICIT_TYPES.map((type) =>
    request(type, { type }, 'implicit'),
  );
  for (const name of Object.keys(set.shared).sort())
    out.push(request(`shared.${name}`, set.shared[name], 'shared'));
  for (const workload of Object.keys(set.modules).sort()) {
    const externals = set.modules[workload].externals ?? {};
    for (const name of Object.keys(externals).sort())
      out.push(
        request(
          `modules.${workload}.externals.${name}`,
          externals[name],
          'private',
          workload,
        ),
      );
  }
  return out;
}

/**
 * The resources a workload's ingress rules are keyed by (`shared.dns`,
 * `externals.dns`): the DNS names its ingress serves, which it needs first.
 */
export function ingressReferences(
  workload: string,
  module: { spec?: unknown },
): string[] {
  const spec = module.spec as JsonObject | undefined;
  const ingress = spec && isJsonObject(spec.ingress) ? spec.ingress : undefined;
  const rules = ingress && isJsonObject(ingress.rules) ? ingress.rules : {};
  return Object.keys(rules)
    .map((key) => /^(shared|externals)\.([A-Za-z0-9_-]+)$/.exec(key))
    .filter((match) => match !== null)
    .map(([, scope, name]) =>
      scope === 'shared'
        ? `shared.${name}`
        : `modules.${workload}.externals.${name}`,
    )
    .sort();
}
