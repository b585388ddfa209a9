/**
 * Operations on environment types (no authorization: see methods.ts).
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireOrg } from '../core/lookup';
import type { EnvironmentType } from '../core/model/spec';
import type { OrgRecord, StateV1 } from '../core/state';
import { bySeq } from '../core/state';
import { assertId, invalid, show } from '../core/validate';

/** Longest description kept. */
const MAX_DESCRIPTION = 500;

function objectBody(input: unknown, example: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalid(
      `An environment type must be an object like ${example}; got ${show(input)}.`,
    );
  return input as Record<string, unknown>;
}

function description(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > MAX_DESCRIPTION)
    invalid(
      `\`description\` must be a string of at most ${MAX_DESCRIPTION} characters; got ${show(value)}.`,
      { field: 'description' },
    );
  return value.trim();
}

/** The environment type, or `not_found` naming the types there are. */
export function requireEnvType(
  state: StateV1,
  orgId: string,
  envTypeId: string,
): EnvironmentType {
  const org = requireOrg(state, orgId);
  const found = org.envTypes.find((type) => type.id === envTypeId);
  if (!found)
    throw new EngineError(
      'not_found',
      `Environment type \`${envTypeId}\` does not exist in organisation \`${orgId}\`; its types are ${org.envTypes
        .map((type) => `\`${type.id}\``)
        .join(', ')}.`,
      { kind: 'environment-type', id: envTypeId },
    );
  return found;
}

/** The environments of every app of the organisation that have this type, in creation order. */
export function envTypeUses(
  org: OrgRecord,
  envTypeId: string,
): { app_id: string; env_id: string }[] {
  const uses: { app_id: string; env_id: string }[] = [];
  for (const app of bySeq(org.apps))
    for (const env of bySeq(app.envs))
      if (env.env.type === envTypeId)
        uses.push({ app_id: app.app.id, env_id: env.env.id });
  return uses;
}

/** Creates an environment type; `conflict` if the id is taken. */
export function createEnvType(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): EnvironmentType {
  const org = requireOrg(ctx.state, orgId);
  const fields = objectBody(
    input,
    '{"id": "qa", "description": "Environments for manual testing."}',
  );
  const id = assertId('Environment type id', fields.id, 2);
  if (org.envTypes.some((type) => type.id === id))
    throw new EngineError(
      'conflict',
      `Environment type \`${id}\` already exists in organisation \`${orgId}\`; choose another id.`,
      { id },
    );
  const created = { id, description: description(fields.description) };
  org.envTypes.push(created);
  return { ...created };
}

/** Changes an environment type's description (`null` clears it). */
export function updateEnvType(
  ctx: OpContext,
  orgId: string,
  envTypeId: string,
  input: unknown,
): EnvironmentType {
  const type = requireEnvType(ctx.state, orgId, envTypeId);
  const fields = objectBody(input, '{"description": "…"}');
  if (Object.hasOwn(fields, 'description'))
    type.description = description(fields.description);
  return { ...type };
}

/** The environments that keep a type from being deleted (the spec's 409 body: an array of string maps). */
export class EnvTypeInUse extends EngineError {
  readonly environments: { app_id: string; env_id: string }[];
  constructor(
    message: string,
    environments: { app_id: string; env_id: string }[],
  ) {
    super('conflict', message, { environments });
    this.environments = environments;
  }
}

/**
 * Deletes an environment type with its deployers. Refused (`conflict`,
 * {@link EnvTypeInUse}) while environments of any app have it; the message
 * names them (the first ten, then how many more).
 */
export function deleteEnvType(
  ctx: OpContext,
  orgId: string,
  envTypeId: string,
): void {
  const org = requireOrg(ctx.state, orgId);
  requireEnvType(ctx.state, orgId, envTypeId);
  const uses = envTypeUses(org, envTypeId);
  if (uses.length > 0) {
    const names = uses
      .slice(0, 10)
      .map((use) => `\`${use.app_id}/${use.env_id}\``)
      .join(', ');
    const more = uses.length > 10 ? ` and ${uses.length - 10} more` : '';
    throw new EnvTypeInUse(
      `Environment type \`${envTypeId}\` is used by ${uses.length === 1 ? 'the environment' : `${uses.length} environments`} ${names}${more}; delete ${uses.length === 1 ? 'it' : 'them'} or change ${uses.length === 1 ? 'its' : 'their'} type first.`,
      uses,
    );
  }
  org.envTypes = org.envTypes.filter((type) => type.id !== envTypeId);
  if (org.envTypeRoles && Object.hasOwn(org.envTypeRoles, envTypeId))
    delete org.envTypeRoles[envTypeId];
}
