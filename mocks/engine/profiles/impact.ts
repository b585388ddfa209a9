/**
 * The impact of publishing a candidate version of a profile, before it is
 * published: every workload of the organisation that uses the profile, in the
 * set its environment's next deployment starts from, checked against the
 * candidate's spec_schema. A console extension (`previewProfileImpact`); it
 * changes nothing.
 */
import { requireOrg } from '../core/lookup';
import type { OpContext } from '../core/lookup';
import { bySeq } from '../core/state';
import { findProfile, qualify, type ProfileInput } from './ops';
import { checkSpecDefinition, deriveSpecSchema } from './schema';
import { workloadProblems, type SpecProblem } from './validate';
import { EngineError } from '../core/errors';
import { jsonEqual } from '../core/canonical';
import type { Json } from '../core/model/spec';

/** One workload the candidate would refuse, with the problems. */
export interface ProfileImpactEntry {
  app_id: string;
  env_id: string;
  workload_id: string;
  errors: Omit<SpecProblem, 'workload_id' | 'profile'>[];
}

/** A field whose default the candidate changes (adds, changes or removes). */
export interface ProfileDefaultChange {
  /** JSON pointer inside a workload's spec. */
  path: string;
  /** The default of the current version; absent when it has none. */
  from?: Json;
  /** The candidate's default; absent when it has none. */
  to?: Json;
  /** How many of the checked workloads leave the field unset: their form shows the new default. */
  workloads: number;
}

/** What publishing the candidate would do to the workloads that use the profile. */
export interface ProfileImpact {
  /** How many workloads (app, environment, workload) use the profile now. */
  checked: number;
  /** Those the candidate would refuse: their next deployment fails until they are fixed. */
  refused: ProfileImpactEntry[];
  /** The defaults the candidate changes, with how many workloads leave each field unset. */
  defaults: ProfileDefaultChange[];
}

type Node = { [key: string]: Json };
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields (by `properties`, to any depth) whose `default` differs between the two schemas. */
function changedDefaults(
  before: Json | undefined,
  after: Json | undefined,
  path = '',
  out: Omit<ProfileDefaultChange, 'workloads'>[] = [],
): Omit<ProfileDefaultChange, 'workloads'>[] {
  const a = isNode(before) ? before : undefined;
  const b = isNode(after) ? after : undefined;
  if (path && !jsonEqual(a?.default, b?.default))
    out.push({
      path,
      ...(a?.default !== undefined ? { from: a.default } : {}),
      ...(b?.default !== undefined ? { to: b.default } : {}),
    });
  const pa = isNode(a?.properties) ? a.properties : {};
  const pb = isNode(b?.properties) ? b.properties : {};
  for (const key of [...new Set([...Object.keys(pa), ...Object.keys(pb)])])
    changedDefaults(
      Object.hasOwn(pa, key) ? pa[key] : undefined,
      Object.hasOwn(pb, key) ? pb[key] : undefined,
      `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      out,
    );
  return out;
}

function isUnset(spec: Json | undefined, pointer: string): boolean {
  let node: Json | undefined = spec;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isNode(node) || !Object.hasOwn(node, key)) return true;
    node = node[key];
  }
  return node === undefined;
}

/** The impact of `input` as the next version of `ref` (the profile must exist; its definition is checked first). */
export function profileImpact(
  ctx: OpContext,
  orgId: string,
  ref: string,
  input: ProfileInput,
  readable: (appId: string) => boolean,
): ProfileImpact {
  const qid = qualify(orgId, ref);
  const current = findProfile(ctx.state, orgId, ref);
  if (!current)
    throw new EngineError(
      'not_found',
      `Workload profile \`${ref}\` does not exist in organisation \`${orgId}\`.`,
      { kind: 'workload-profile', id: ref },
    );
  checkSpecDefinition(input.spec_definition, ctx.schemas);
  const schema = deriveSpecSchema(input.spec_definition);
  const validator = ctx.schemas;
  const refused: ProfileImpactEntry[] = [];
  const latest = current.versions[current.versions.length - 1];
  const defaults = changedDefaults(
    latest ? (deriveSpecSchema(latest.spec_definition) as Json) : undefined,
    schema as Json,
  ).map((change) => ({ ...change, workloads: 0 }));
  let checked = 0;
  for (const app of bySeq(requireOrg(ctx.state, orgId).apps)) {
    if (!readable(app.app.id)) continue;
    for (const env of bySeq(app.envs)) {
      const from =
        env.fromDeployId !== undefined
          ? app.deploys[env.fromDeployId]
          : undefined;
      const modules = from
        ? (app.sets[from.deployment.set_id]?.set.modules ?? {})
        : {};
      for (const id of Object.keys(modules).sort()) {
        const module = modules[id];
        if (qualify(orgId, module.profile) !== qid) continue;
        checked += 1;
        for (const change of defaults)
          if (isUnset(module.spec as Json, change.path)) change.workloads += 1;
        const problems = validator
          ? workloadProblems(validator, schema, id, module)
          : [];
        if (problems.length === 0) continue;
        refused.push({
          app_id: app.app.id,
          env_id: env.env.id,
          workload_id: id,
          errors: problems.map(
            ({ workload_id: _w, profile: _p, ...rest }) => rest,
          ),
        });
      }
    }
  }
  return { checked, refused, defaults };
}
