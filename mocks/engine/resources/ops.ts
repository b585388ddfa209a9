/**
 * Operations on resource types (no authorization: see methods.ts): the
 * built-in catalogue (catalogue.ts), which no organisation can change, and
 * the custom types an organisation defines (`OrgRecord.resourceTypes`). A
 * custom type cannot take a built-in's name, and a type resource definitions
 * use or custom drivers provision cannot be deleted.
 */
import { isJsonObject } from '../core/canonical';
import { EngineError } from '../core/errors';
import { nextSeq, requireOrg, type OpContext } from '../core/lookup';
import {
  RESOURCE_TYPE_USES,
  type ResourceType,
  type ResourceTypeRecord,
  type ResourceTypeUse,
} from '../core/model/resource-types';
import type { JsonObject } from '../core/model/spec';
import {
  isUsed,
  NO_RESOURCE_USAGE,
  type ResourceUsage,
} from '../core/resource-usage';
import type { OrgRecord, StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import {
  assertId,
  assertJson,
  assertName,
  invalid,
  show,
} from '../core/validate';
import { BUILTIN_RESOURCE_TYPES } from './catalogue';

export type { ResourceType } from '../core/model/resource-types';

const BUILTIN_BY_TYPE = new Map(BUILTIN_RESOURCE_TYPES.map((t) => [t.type, t]));

function records(org: OrgRecord): Record<string, ResourceTypeRecord> {
  return org.resourceTypes ?? {};
}

function toType(record: ResourceTypeRecord): ResourceType {
  const { type, name, category, use, inputs_schema, outputs_schema } = record;
  return structuredClone({
    type,
    name,
    category,
    use,
    inputs_schema,
    outputs_schema,
  });
}

/** The organisation's resource types: the built-ins, then its own in the order they were defined. */
export function listResourceTypes(
  ctx: OpContext,
  orgId: string,
): ResourceType[] {
  const org = requireOrg(ctx.state, orgId);
  return [
    ...structuredClone(BUILTIN_RESOURCE_TYPES as ResourceType[]),
    ...Object.values(records(org))
      .sort((a, b) => a.seq - b.seq)
      .map(toType),
  ];
}

/** Whether the organisation has a type (built in or its own), for drivers and definitions. */
export function resourceTypeExists(
  state: StateV1,
  orgId: string,
  type: string,
): boolean {
  return (
    BUILTIN_BY_TYPE.has(type) ||
    (Object.hasOwn(state.orgs, orgId) &&
      Object.hasOwn(records(state.orgs[orgId]), type))
  );
}

/** The type, if the organisation has it (its outputs schema tells what a resource of it gives). */
export function findResourceType(
  state: StateV1,
  orgId: string,
  type: string,
): ResourceType | undefined {
  const builtin = BUILTIN_BY_TYPE.get(type);
  if (builtin) return structuredClone(builtin);
  if (!Object.hasOwn(state.orgs, orgId)) return undefined;
  const own = records(state.orgs[orgId]);
  return Object.hasOwn(own, type) ? toType(own[type]) : undefined;
}

/** A custom type, or 403 for a built-in and 404 for an unknown type. */
function requireCustom(
  state: StateV1,
  orgId: string,
  type: string,
  doing: string,
): ResourceTypeRecord {
  const own = records(requireOrg(state, orgId));
  if (BUILTIN_BY_TYPE.has(type))
    throw new EngineError(
      'forbidden',
      `Resource type \`${type}\` is built in (it belongs to the \`humanitec\` organisation) and cannot be ${doing}; define a type of your own instead.`,
      { type },
    );
  if (Object.hasOwn(own, type)) return own[type];
  const custom = Object.keys(own);
  throw new EngineError(
    'not_found',
    `Resource type \`${type}\` does not exist in organisation \`${orgId}\`; ${custom.length > 0 ? `its own types are ${custom.map((t) => `\`${t}\``).join(', ')}` : 'it has no types of its own (only the built-in ones)'}.`,
    { kind: 'resource-type', id: type },
  );
}

/** The editable fields of a body, checked; `required` lists those that must be there. */
interface TypeFields {
  name?: string;
  category?: string;
  use?: ResourceTypeUse;
  inputs_schema?: JsonObject;
  outputs_schema?: JsonObject;
}

function objectBody(input: unknown): Record<string, unknown> {
  if (!isJsonObject(input))
    invalid(
      `A resource type must be an object like {"type": "acme-queue", "use": "direct", "name": "Acme queue", "outputs_schema": {"type": "object"}}; got ${show(input)}.`,
    );
  return input;
}

function checkFields(
  body: Record<string, unknown>,
  useRequired: boolean,
): TypeFields {
  const fields: TypeFields = {};
  if (body.name !== undefined) fields.name = assertName('`name`', body.name);
  if (body.category !== undefined) {
    if (
      typeof body.category !== 'string' ||
      !/^[a-z0-9-]{1,50}$/.test(body.category)
    )
      invalid(
        `\`category\` must be 1 to 50 lowercase letters, digits and dashes (e.g. \`datastore\`); got ${show(body.category)}.`,
        {
          field: 'category',
        },
      );
    fields.category = body.category;
  }
  if (body.use !== undefined || useRequired) {
    if (!(RESOURCE_TYPE_USES as readonly unknown[]).includes(body.use))
      invalid(
        `\`use\` must be one of ${RESOURCE_TYPE_USES.map((u) => `\`${u}\``).join(', ')} (a workload asks for it, another resource does, or it is always there); got ${show(body.use)}.`,
        { field: 'use' },
      );
    fields.use = body.use as ResourceTypeUse;
  }
  for (const key of ['inputs_schema', 'outputs_schema'] as const) {
    const value = body[key];
    if (value === undefined) continue;
    if (
      !isJsonObject(value) ||
      (value.type !== undefined && value.type !== 'object')
    )
      invalid(
        `\`${key}\` must be a JSON Schema of an object (e.g. {"type": "object", "properties": {...}}); got ${show(value)}.`,
        {
          field: key,
        },
      );
    assertJson(value, key);
    fields[key] = structuredClone(value);
  }
  return fields;
}

/** Defines a custom type (409 when the organisation already has the type, built in or its own). */
export function createResourceType(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): ResourceType {
  const org = requireOrg(ctx.state, orgId);
  const body = objectBody(input);
  const type = assertId('Resource type', body.type);
  const fields = checkFields(body, true);
  if (resourceTypeExists(ctx.state, orgId, type))
    throw new EngineError(
      'conflict',
      `Resource type \`${type}\` already exists${BUILTIN_BY_TYPE.has(type) ? ' (it is built in)' : ` in organisation \`${orgId}\``}; choose another name.`,
      { field: 'type' },
    );
  const at = isoAt(ctx.now);
  org.resourceTypes ??= {};
  org.resourceTypes[type] = {
    seq: nextSeq(ctx.state),
    type,
    name: fields.name ?? type,
    category: fields.category ?? 'custom',
    use: fields.use!,
    inputs_schema: fields.inputs_schema ?? { type: 'object' },
    outputs_schema: fields.outputs_schema ?? { type: 'object' },
    created_at: at,
    created_by: ctx.userId,
    updated_at: at,
    updated_by: ctx.userId,
  };
  return toType(org.resourceTypes[type]);
}

function refuseTypeChange(body: Record<string, unknown>, type: string): void {
  if (body.type !== undefined && body.type !== type)
    invalid(
      `A resource type cannot be renamed: the body says ${show(body.type)}, the path \`${type}\`.`,
      {
        field: 'type',
      },
    );
}

/** Changes the fields a PATCH gives of a custom type. */
export function patchResourceType(
  ctx: OpContext,
  orgId: string,
  type: string,
  input: unknown,
): ResourceType {
  const record = requireCustom(ctx.state, orgId, type, 'changed');
  const body = objectBody(input);
  refuseTypeChange(body, type);
  const next = save(ctx, orgId, { ...record, ...checkFields(body, false) });
  return toType(next);
}

/** Replaces a custom type (PUT: `use` required; fields left out go back to their defaults). */
export function updateResourceType(
  ctx: OpContext,
  orgId: string,
  type: string,
  input: unknown,
): ResourceType {
  const record = requireCustom(ctx.state, orgId, type, 'changed');
  const body = objectBody(input);
  refuseTypeChange(body, type);
  const fields = checkFields(body, true);
  const next = save(ctx, orgId, {
    ...record,
    name: fields.name ?? type,
    category: fields.category ?? 'custom',
    use: fields.use!,
    inputs_schema: fields.inputs_schema ?? { type: 'object' },
    outputs_schema: fields.outputs_schema ?? { type: 'object' },
  });
  return toType(next);
}

function save(
  ctx: OpContext,
  orgId: string,
  record: ResourceTypeRecord,
): ResourceTypeRecord {
  const next = {
    ...record,
    updated_at: isoAt(ctx.now),
    updated_by: ctx.userId,
  };
  ctx.state.orgs[orgId].resourceTypes![record.type] = next;
  return next;
}

/** Deletes a custom type no resource definition uses. */
export function deleteResourceType(
  ctx: OpContext,
  orgId: string,
  type: string,
  usage: ResourceUsage = NO_RESOURCE_USAGE,
): void {
  requireCustom(ctx.state, orgId, type, 'deleted');
  // Custom drivers name the type they provision: one left without its type could not be used any more.
  const drivers = Object.values(ctx.state.orgs[orgId].drivers ?? {})
    .filter((driver) => driver.type === type)
    .map((driver) => driver.id)
    .sort();
  if (drivers.length > 0)
    invalid(
      `Resource type \`${type}\` is provisioned by driver(s) ${drivers.map((id) => `\`${orgId}/${id}\``).join(', ')}; change their type or delete them first.`,
      { drivers },
    );
  const users = usage(ctx.state, orgId, { kind: 'type', type });
  if (isUsed(users))
    invalid(
      `Resource type \`${type}\` is used by ${users.resource_definitions.length} resource definition(s) and ${users.active_resources.length} active resource(s); delete them first.`,
      { referencing_resources: users },
    );
  delete ctx.state.orgs[orgId].resourceTypes![type];
}
