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

/** One workload the candidate would refuse, with the problems. */
export interface ProfileImpactEntry {
  app_id: string;
  env_id: string;
  workload_id: string;
  errors: Omit<SpecProblem, 'workload_id' | 'profile'>[];
}

/** What publishing the candidate would do to the workloads that use the profile. */
export interface ProfileImpact {
  /** How many workloads (app, environment, workload) use the profile now. */
  checked: number;
  /** Those the candidate would refuse: their next deployment fails until they are fixed. */
  refused: ProfileImpactEntry[];
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
  if (!findProfile(ctx.state, orgId, ref))
    throw new EngineError(
      'not_found',
      `Workload profile \`${ref}\` does not exist in organisation \`${orgId}\`.`,
      { kind: 'workload-profile', id: ref },
    );
  checkSpecDefinition(input.spec_definition, ctx.schemas);
  const schema = deriveSpecSchema(input.spec_definition);
  const validator = ctx.schemas;
  const refused: ProfileImpactEntry[] = [];
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
  return { checked, refused };
}
