/**
 * Validation of workload specs against their profiles, when a delta is
 * applied to a set (updateSet) or deployed: every workload the delta adds or
 * updates must match its profile's spec_schema. A workload whose profile
 * does not exist is left to the deploy-time fault rule `unknown-profile`
 * (profiles are referenced loosely). Refusals are `invalid` (400) with
 * `details.errors`: one entry per problem with the workload, the JSON
 * pointer inside its spec (`path`), the dotted field and the message (the
 * schema's own `x-console-errors` message when it declares one).
 *
 * A secret field (`x-console-widget: secret`) holds a reference to the
 * secret store (`${secrets.<key>}`, see secrets/): its value was checked
 * against the field's schema when it was stored, and the reference is not
 * checked again. No problem carries a value, only paths and messages.
 */
import { withoutSecretReferences } from '../../../src/lib/json-schema/secrets';
import { EngineError } from '../core/errors';
import { dottedPath } from '../core/json-pointer';
import type { OpContext } from '../core/lookup';
import type { SchemaValidator } from '../core/model/profiles';
import type {
  DeltaInput,
  DeploymentSet,
  JsonObject,
  Module,
} from '../core/model/spec';
import { findProfile, specSchemaOf } from './ops';
import {
  UNRESOLVED_RESOURCE_CODE,
  workloadResourceIssues,
} from './resource-refs';

/** One field-level problem of a workload spec. */
export interface SpecProblem {
  workload_id: string;
  profile: string;
  /** JSON pointer inside the workload's spec. */
  path: string;
  /** Dotted path from the set, e.g. `modules.api.spec.containers.api.image`. */
  field: string;
  message: string;
  keyword?: string;
  /** The error catalogue's code, when the problem has one (e.g. `WL-RES-001`). */
  code?: string;
}

/** Ids of the workloads a delta adds or updates. */
export function touchedWorkloads(delta: Pick<DeltaInput, 'modules'>): string[] {
  const ids = new Set([
    ...Object.keys(delta.modules?.add ?? {}),
    ...Object.keys(delta.modules?.update ?? {}),
  ]);
  return [...ids].sort();
}

const dotted = dottedPath;

/** The problems of the given workloads of `set` against their profiles (none without a validator). */
export function specProblems(
  ctx: OpContext,
  orgId: string,
  set: DeploymentSet,
  workloadIds: string[],
): SpecProblem[] {
  const validator = ctx.schemas;
  if (!validator) return [];
  const problems: SpecProblem[] = [];
  for (const id of workloadIds) {
    const module = set.modules[id];
    if (!module) continue;
    const profile = findProfile(ctx.state, orgId, module.profile);
    if (!profile) continue;
    const schema = specSchemaOf(profile);
    problems.push(...workloadProblems(validator, schema, id, module));
    // References to resources the set cannot resolve (resource-refs.ts).
    for (const issue of workloadResourceIssues(schema, id, module, set))
      problems.push({
        workload_id: id,
        profile: module.profile,
        ...issue,
        keyword: 'resource-ref',
        code: UNRESOLVED_RESOURCE_CODE,
      });
  }
  return problems;
}

/** The problems of one workload's spec against a spec schema (a secret field holding a reference is fine). */
export function workloadProblems(
  validator: SchemaValidator,
  schema: JsonObject,
  id: string,
  module: Module,
): SpecProblem[] {
  const problems: SpecProblem[] = [];
  // The form drops the same ones (src/lib/json-schema/schema-validator.ts, specIssues).
  const issues = withoutSecretReferences(
    schema,
    module.spec,
    validator.validate(schema, module.spec),
  );
  for (const issue of issues) {
    const field = ['modules', id, 'spec', dotted(issue.path)]
      .filter(Boolean)
      .join('.');
    problems.push({
      workload_id: id,
      profile: module.profile,
      path: issue.path,
      field,
      message: issue.message,
      ...(issue.keyword ? { keyword: issue.keyword } : {}),
    });
  }
  return problems;
}

/** Throws `invalid` with every field-level problem when a touched workload does not match its profile. */
export function assertSpecsMatchProfiles(
  ctx: OpContext,
  orgId: string,
  set: DeploymentSet,
  delta: Pick<DeltaInput, 'modules'>,
): void {
  refuseSpecProblems(specProblems(ctx, orgId, set, touchedWorkloads(delta)));
}

/** Throws `invalid` naming the first problem, with all of them in `details.errors`; nothing when there are none. */
export function refuseSpecProblems(problems: SpecProblem[]): void {
  if (problems.length === 0) return;
  const first = problems[0];
  const more =
    problems.length > 1
      ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})`
      : '';
  const where = dotted(first.path) ? ` at \`${dotted(first.path)}\`` : '';
  const sentence = /[.!?]$/.test(first.message)
    ? first.message
    : `${first.message}.`;
  throw new EngineError(
    'invalid',
    `Workload \`${first.workload_id}\` does not match its profile \`${first.profile}\`${where}: ${sentence}${more}`,
    { errors: problems.slice(0, 100) },
  );
}
