/**
 * Operations on resource drivers (no authorization: see methods.ts): the
 * built-ins of the `humanitec` organisation (builtins.ts, public, never
 * changed) and the custom drivers an organisation registers
 * (`OrgRecord.drivers`). A driver is named by its id (`postgres`) or, as a
 * definition's `driver_type`, by `<org>/<id>` (`humanitec/postgres`); a custom
 * driver cannot take a built-in's id, so both forms name one driver.
 */
import { isJsonObject } from '../core/canonical';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireOrg } from '../core/lookup';
import {
  PUBLIC_ORG_ID,
  type DriverDefinition,
  type DriverRecord,
} from '../core/model/drivers';
import type { JsonObject } from '../core/model/spec';
import {
  isUsed,
  NO_RESOURCE_USAGE,
  type ResourceUsage,
} from '../core/resource-usage';
import type { OrgRecord, StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import { assertJson, assertNotReserved, invalid, show } from '../core/validate';
import { accountTypeExists, accountTypeIds } from '../accounts';
import { resourceTypeExists } from '../resources';
import { BUILTIN_DRIVERS, type BuiltinDriver } from './builtins';
import { schemaProblems } from './inputs';

/** The driver id pattern of the spec (CreateDriverRequestRequest.id). */
const DRIVER_ID = /^[a-z0-9][a-z0-9-]+[a-z0-9]$/;
const VIRTUAL = /^driver:\/\/([a-z0-9-]+)\/([a-z0-9-]+)$/;

/** A driver found by reference: its definition and either its built-in simulation or its record. */
export interface FoundDriver {
  definition: DriverDefinition;
  builtin?: BuiltinDriver;
  record?: DriverRecord;
}

function records(org: OrgRecord): Record<string, DriverRecord> {
  return org.drivers ?? {};
}

/** A custom driver as the API returns it (its own organisation sees `target`). */
function toDefinition(orgId: string, record: DriverRecord): DriverDefinition {
  return {
    org_id: orgId,
    id: record.id,
    type: record.type,
    inputs_schema: structuredClone(record.inputs_schema),
    account_types: [...record.account_types],
    target: record.target,
    ...(record.template !== undefined
      ? { template: structuredClone(record.template) }
      : {}),
  };
}

function builtinDefinition(driver: BuiltinDriver): DriverDefinition {
  return structuredClone(driver.definition);
}

/** `<org>/<id>` or `<id>` as [org or undefined, id]. */
function parseRef(ref: string): [string | undefined, string] {
  const slash = ref.indexOf('/');
  return slash < 0
    ? [undefined, ref]
    : [ref.slice(0, slash), ref.slice(slash + 1)];
}

/** The driver a reference names for an organisation (`humanitec/echo`, `acme/mine`, `echo`, `mine`), if any. */
export function findDriver(
  state: StateV1,
  orgId: string,
  ref: string,
): FoundDriver | undefined {
  if (!Object.hasOwn(state.orgs, orgId)) return undefined;
  const [owner, id] = parseRef(ref);
  if (owner === undefined || owner === PUBLIC_ORG_ID) {
    const builtin = BUILTIN_DRIVERS.get(id);
    if (builtin) return { definition: builtinDefinition(builtin), builtin };
  }
  if (owner === undefined || owner === orgId) {
    const own = records(state.orgs[orgId]);
    if (Object.hasOwn(own, id))
      return { definition: toDefinition(orgId, own[id]), record: own[id] };
  }
  return undefined;
}

/** Whether a reference names a driver the organisation can use (for definitions' `driver_type`). */
export function driverExists(
  state: StateV1,
  orgId: string,
  ref: string,
): boolean {
  return findDriver(state, orgId, ref) !== undefined;
}

/** The driver a reference names, or `not_found` listing the drivers there are. */
export function getDriver(
  state: StateV1,
  orgId: string,
  ref: string,
): DriverDefinition {
  const org = requireOrg(state, orgId);
  const found = findDriver(state, orgId, ref);
  if (found) return found.definition;
  const there = [
    ...[...BUILTIN_DRIVERS.keys()].map((id) => `${PUBLIC_ORG_ID}/${id}`),
    ...Object.keys(records(org)).map((id) => `${orgId}/${id}`),
  ];
  throw new EngineError(
    'not_found',
    `Driver \`${ref}\` does not exist for organisation \`${orgId}\`; the drivers there are ${there.map((d) => `\`${d}\``).join(', ')}.`,
    { kind: 'driver', id: ref },
  );
}

/** Every driver the organisation can use: the built-ins, then its own in the order they were registered. */
export function listDrivers(state: StateV1, orgId: string): DriverDefinition[] {
  const org = requireOrg(state, orgId);
  return [
    ...[...BUILTIN_DRIVERS.values()].map(builtinDefinition),
    ...Object.values(records(org))
      .sort((a, b) => a.seq - b.seq)
      .map((record) => toDefinition(orgId, record)),
  ];
}

/** What a create or update body gives, checked. */
interface DriverFields {
  type: string;
  target: string;
  inputs_schema: JsonObject;
  account_types: string[];
  template?: unknown;
}

function objectBody(input: unknown, what: string): Record<string, unknown> {
  if (!isJsonObject(input))
    invalid(
      `${what} must be an object like {"id": "my-driver", "type": "postgres", "target": "https://drivers.example.com/postgres/", "inputs_schema": {"type": "object"}, "account_types": ["aws"]}; got ${show(input)}.`,
    );
  return input;
}

function checkFields(
  state: StateV1,
  orgId: string,
  body: Record<string, unknown>,
  selfId: string,
): DriverFields {
  const { type, target, inputs_schema, account_types, template } = body;
  if (
    typeof type !== 'string' ||
    (type !== '*' && !resourceTypeExists(state, orgId, type))
  )
    invalid(
      `\`type\` must be the resource type the driver provisions (a type of \`GET /orgs/${orgId}/resources/types\`, or "*" for any); got ${show(type)}.`,
      { field: 'type' },
    );
  const checkedTarget = checkTarget(state, orgId, target, selfId);
  if (!isJsonObject(inputs_schema))
    invalid(
      `\`inputs_schema\` must be a JSON Schema object describing {"values": {...}, "secrets": {...}}; got ${show(inputs_schema)}.`,
      { field: 'inputs_schema' },
    );
  assertJson(inputs_schema, 'inputs_schema');
  const problems = schemaProblems(inputs_schema);
  if (problems.length > 0)
    invalid(
      `\`inputs_schema\` is not a valid JSON Schema: ${problems.join('; ')}.`,
      {
        field: 'inputs_schema',
      },
    );
  if (
    !Array.isArray(account_types) ||
    account_types.some((t) => typeof t !== 'string')
  )
    invalid(
      `\`account_types\` must be a list of account types (e.g. ["aws"]); got ${show(account_types)}.`,
      {
        field: 'account_types',
      },
    );
  const unknown = (account_types as string[]).filter(
    (t) => !accountTypeExists(t),
  );
  if (unknown.length > 0)
    invalid(
      `\`account_types\` names unknown account type(s) ${unknown.map((t) => `\`${t}\``).join(', ')}; the types are ${accountTypeIds()
        .map((t) => `\`${t}\``)
        .join(', ')}.`,
      { field: 'account_types' },
    );
  if (template !== undefined) assertJson(template, 'template');
  return {
    type,
    target: checkedTarget,
    inputs_schema: structuredClone(inputs_schema),
    account_types: [...new Set(account_types as string[])],
    ...(template !== undefined && template !== ''
      ? { template: structuredClone(template) }
      : {}),
  };
}

/** An https URL, or `driver://{org}/{driver}` naming an existing driver other than this one. */
function checkTarget(
  state: StateV1,
  orgId: string,
  target: unknown,
  selfId: string,
): string {
  if (typeof target === 'string') {
    const virtual = VIRTUAL.exec(target);
    if (virtual) {
      const ref = `${virtual[1]}/${virtual[2]}`;
      if (virtual[1] === orgId && virtual[2] === selfId)
        invalid(
          `\`target\` ${target} names the driver itself; a virtual driver wraps another driver.`,
          {
            field: 'target',
          },
        );
      if (!driverExists(state, orgId, ref))
        invalid(
          `\`target\` ${target} names driver \`${ref}\`, which does not exist for organisation \`${orgId}\`.`,
          {
            field: 'target',
          },
        );
      return target;
    }
    if (/^https:\/\/[^\s/]+(\/\S*)?$/.test(target) && target.length <= 2048)
      return target;
  }
  return invalid(
    `\`target\` must be the driver's https URL (e.g. https://drivers.example.com/postgres/) or driver://{orgId}/{driverId} for a virtual driver; got ${show(target)}.`,
    { field: 'target' },
  );
}

function refuseBuiltin(
  id: string,
  doing: string,
  code: 'invalid' | 'conflict',
): void {
  if (BUILTIN_DRIVERS.has(id))
    throw new EngineError(
      code,
      `Driver \`${PUBLIC_ORG_ID}/${id}\` is built in and cannot be ${doing}; register a driver of your own (POST /orgs/{orgId}/resources/drivers) instead.`,
      { driver: `${PUBLIC_ORG_ID}/${id}` },
    );
}

function requireOwn(
  state: StateV1,
  orgId: string,
  driverId: string,
): DriverRecord {
  const own = records(requireOrg(state, orgId));
  if (Object.hasOwn(own, driverId)) return own[driverId];
  getDriver(state, orgId, driverId); // not_found with the list
  throw new Error('unreachable');
}

/** Registers a custom driver. */
export function createDriver(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): DriverDefinition {
  const org = requireOrg(ctx.state, orgId);
  const body = objectBody(input, 'A driver');
  const { id } = body;
  if (typeof id !== 'string' || !DRIVER_ID.test(id) || id.length > 50)
    invalid(
      `Driver id ${show(id)} is not valid: use 3 to 50 lowercase letters, digits and dashes, starting and ending with a letter or digit (e.g. \`my-postgres\`).`,
      { field: 'id' },
    );
  assertNotReserved('Driver id', id);
  if (BUILTIN_DRIVERS.has(id) || Object.hasOwn(records(org), id))
    throw new EngineError(
      'conflict',
      `A driver \`${id}\` already exists${BUILTIN_DRIVERS.has(id) ? ` (the built-in \`${PUBLIC_ORG_ID}/${id}\`)` : ` in organisation \`${orgId}\``}; choose another id.`,
      { field: 'id' },
    );
  const fields = checkFields(ctx.state, orgId, body, id);
  const at = isoAt(ctx.now);
  org.drivers ??= {};
  org.drivers[id] = {
    seq: nextSeq(ctx.state),
    id,
    ...fields,
    created_at: at,
    created_by: ctx.userId,
    updated_at: at,
    updated_by: ctx.userId,
  };
  return toDefinition(orgId, org.drivers[id]);
}

/** Replaces a custom driver's type, target, schema, account types and template (PUT). */
export function updateDriver(
  ctx: OpContext,
  orgId: string,
  driverId: string,
  input: unknown,
): DriverDefinition {
  requireOrg(ctx.state, orgId);
  refuseBuiltin(driverId, 'changed', 'invalid');
  const record = requireOwn(ctx.state, orgId, driverId);
  const body = objectBody(input, 'A driver');
  if (body.id !== undefined && body.id !== driverId)
    invalid(
      `A driver's id cannot change: the body says ${show(body.id)}, the path \`${driverId}\`.`,
      {
        field: 'id',
      },
    );
  const fields = checkFields(ctx.state, orgId, body, driverId);
  const next: DriverRecord = {
    ...record,
    ...fields,
    updated_at: isoAt(ctx.now),
    updated_by: ctx.userId,
  };
  if (fields.template === undefined) delete next.template;
  ctx.state.orgs[orgId].drivers![driverId] = next;
  return toDefinition(orgId, next);
}

/** Deletes a custom driver nothing uses (409 for a built-in or a driver definitions use). */
export function deleteDriver(
  ctx: OpContext,
  orgId: string,
  driverId: string,
  usage: ResourceUsage = NO_RESOURCE_USAGE,
): void {
  requireOrg(ctx.state, orgId);
  refuseBuiltin(driverId, 'deleted', 'conflict');
  requireOwn(ctx.state, orgId, driverId);
  const driverType = `${orgId}/${driverId}`;
  const users = usage(ctx.state, orgId, { kind: 'driver', driverType });
  if (isUsed(users))
    throw new EngineError(
      'conflict',
      `Driver \`${driverType}\` is used by ${users.resource_definitions.length} resource definition(s) and ${users.active_resources.length} active resource(s); change them to another driver first.`,
      { referencing_resources: users },
    );
  const virtualUsers = Object.values(records(ctx.state.orgs[orgId])).filter(
    (r) => r.target === `driver://${orgId}/${driverId}`,
  );
  if (virtualUsers.length > 0)
    throw new EngineError(
      'conflict',
      `Driver \`${driverType}\` is the target of virtual driver(s) ${virtualUsers.map((r) => `\`${orgId}/${r.id}\``).join(', ')}; delete or retarget them first.`,
      { drivers: virtualUsers.map((r) => r.id) },
    );
  delete ctx.state.orgs[orgId].drivers![driverId];
}
