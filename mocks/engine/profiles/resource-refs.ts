/**
 * Resource references a workload's environment cannot resolve (error code
 * `WL-RES-001`). A profile field with `x-console-widget: resource-ref` holds
 * a reference to a resource (`shared.<name>`, `${shared.<name>.<output>}`,
 * `${externals.…}`, `${resources.…}` or a bare type, see
 * src/lib/json-schema/resource-refs.ts, which the console's picker uses
 * too); the engine refuses a delta that leaves such a field pointing at a
 * resource the set does not have, or at one of a type (or class) the field
 * does not accept, and a deployment of a set that does fails with
 * `WL-RES-001` (fault rule `unresolved-resource`).
 */
import { resourceRefProblems } from '../../../src/lib/json-schema/resource-refs';
import { dottedPath } from '../core/json-pointer';
import type { OpContext } from '../core/lookup';
import type { DeploymentSet, JsonObject, Module } from '../core/model/spec';
import { findProfile, specSchemaOf } from './ops';

/** The catalogue code of an unresolvable resource reference (src/lib/error-catalogue.ts). */
export const UNRESOLVED_RESOURCE_CODE = 'WL-RES-001';

/** One reference of a workload that its environment cannot resolve. */
export interface ResourceRefIssue {
  /** JSON pointer inside the workload's spec. */
  path: string;
  /** Dotted path from the set, e.g. `modules.worker.spec.queue`. */
  field: string;
  message: string;
}

const dotted = dottedPath;

/** The unresolvable references of one workload of `set` under its profile's spec schema. */
export function workloadResourceIssues(
  schema: JsonObject,
  id: string,
  module: Module,
  set: DeploymentSet,
): ResourceRefIssue[] {
  return resourceRefProblems(schema, module.spec, {
    shared: set.shared,
    externals: module.externals,
  }).map((problem) => ({
    path: problem.path,
    field: ['modules', id, 'spec', dotted(problem.path)]
      .filter(Boolean)
      .join('.'),
    message: problem.message,
  }));
}

/** The unresolvable references of the workload `id` of `set` (none when its profile is unknown). */
export function resourceIssuesOf(
  ctx: OpContext,
  orgId: string,
  set: DeploymentSet,
  id: string,
): ResourceRefIssue[] {
  const module = set.modules[id];
  if (!module) return [];
  const profile = findProfile(ctx.state, orgId, module.profile);
  if (!profile) return [];
  return workloadResourceIssues(specSchemaOf(profile), id, module, set);
}
