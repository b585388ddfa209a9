/**
 * Operations on resource accounts (no authorization: see methods.ts). An
 * account's name and type are kept in `OrgRecord.resourceAccounts`; its
 * credentials go to the write-only store (secrets/credentials.ts) and are read
 * back only by {@link checkAccount}. No answer, message or log holds a
 * credential: problems name the field.
 */
import { isJsonObject } from '../core/canonical';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireOrg } from '../core/lookup';
import type {
  ResourceAccount,
  ResourceAccountRecord,
} from '../core/model/accounts';
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
import { credentialsOf, dropCredentials, keepCredentials } from '../secrets';
import {
  accountTypeIds,
  accountTypeRule,
  type CredentialVerdict,
  type IdentityField,
} from './types';

/** How a create or a patch treats the credentials (the spec's query parameters). */
export interface AccountWriteOptions {
  /** Check everything, change nothing (the API answers 204). */
  dryRun?: boolean;
  /** Also check the credentials' values, as `actions/check` does; refuse them when they are wrong. */
  checkCredential?: boolean;
}

/** The verdict of `actions/check` (the spec's CheckResourceAccountData). */
export interface AccountCheck {
  identity_fields: IdentityField[];
  warnings: string[];
}

function records(org: OrgRecord): Record<string, ResourceAccountRecord> {
  return org.resourceAccounts ?? {};
}

function toAccount(
  state: StateV1,
  orgId: string,
  record: ResourceAccountRecord,
  usage: ResourceUsage,
): ResourceAccount {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    is_used: isUsed(
      usage(state, orgId, { kind: 'account', accountId: record.id }),
    ),
    created_at: record.created_at,
    created_by: record.created_by,
  };
}

function requireRecord(
  state: StateV1,
  orgId: string,
  accountId: string,
): ResourceAccountRecord {
  const accounts = records(requireOrg(state, orgId));
  if (Object.hasOwn(accounts, accountId)) return accounts[accountId];
  const ids = Object.keys(accounts);
  throw new EngineError(
    'not_found',
    `Resource account \`${accountId}\` does not exist in organisation \`${orgId}\`; ${ids.length > 0 ? `its accounts are ${ids.map((id) => `\`${id}\``).join(', ')}` : 'it has no accounts yet'}.`,
    { kind: 'resource-account', id: accountId },
  );
}

/** Whether the organisation has an account of that id (for definitions' `driver_account`). */
export function accountExists(
  state: StateV1,
  orgId: string,
  accountId: string,
): boolean {
  return (
    Object.hasOwn(state.orgs, orgId) &&
    Object.hasOwn(records(state.orgs[orgId]), accountId)
  );
}

/** The type of an existing account (for definitions checking a driver's `account_types`), or undefined. */
export function accountTypeOf(
  state: StateV1,
  orgId: string,
  accountId: string,
): string | undefined {
  return accountExists(state, orgId, accountId)
    ? records(state.orgs[orgId])[accountId].type
    : undefined;
}

/** Every account of the organisation, in the order they were made. */
export function listAccounts(
  state: StateV1,
  orgId: string,
  usage: ResourceUsage = NO_RESOURCE_USAGE,
): ResourceAccount[] {
  return Object.values(records(requireOrg(state, orgId)))
    .sort((a, b) => a.seq - b.seq)
    .map((record) => toAccount(state, orgId, record, usage));
}

/** One account, or `not_found`. */
export function getAccount(
  state: StateV1,
  orgId: string,
  accountId: string,
  usage: ResourceUsage = NO_RESOURCE_USAGE,
): ResourceAccount {
  return toAccount(state, orgId, requireRecord(state, orgId, accountId), usage);
}

/**
 * Credentials checked against their type's schema (the fields it requires,
 * each a non-empty string); with `checkValues`, also their values (the
 * verdict of `actions/check`). Messages name fields, never values.
 */
function checkCredentials(
  type: string,
  credentials: unknown,
  checkValues: boolean,
): Record<string, unknown> {
  const rule = accountTypeRule(type)!;
  if (!isJsonObject(credentials))
    invalid(
      `\`credentials\` must be an object with the fields of a \`${type}\` account (${requiredOf(type).join(', ')}).`,
      { field: 'credentials' },
    );
  assertJson(credentials, 'credentials');
  const properties = rule.inputs_schema.properties as Record<string, unknown>;
  for (const field of requiredOf(type)) {
    const value = credentials[field];
    if (typeof value !== 'string' || value === '')
      invalid(
        `\`credentials.${field}\` is missing: a \`${type}\` account needs ${requiredOf(
          type,
        )
          .map((f) => `\`${f}\``)
          .join(', ')}.`,
        { field: `credentials.${field}` },
      );
  }
  for (const [field, value] of Object.entries(credentials))
    if (Object.hasOwn(properties, field) && typeof value !== 'string')
      invalid(`\`credentials.${field}\` must be a string.`, {
        field: `credentials.${field}`,
      });
  if (checkValues) refuseVerdict(rule.check(credentials));
  return credentials;
}

function requiredOf(type: string): string[] {
  return (accountTypeRule(type)?.inputs_schema.required as string[]) ?? [];
}

function refuseVerdict(verdict: CredentialVerdict): AccountCheck {
  if (!verdict.ok)
    invalid(`The credentials do not work: ${verdict.message}`, {
      field: `credentials.${verdict.field}`,
    });
  return {
    identity_fields: verdict.identity_fields,
    warnings: verdict.warnings,
  };
}

function checkType(type: unknown): string {
  if (typeof type !== 'string' || !accountTypeRule(type))
    invalid(
      `\`type\` must be one of the account types ${accountTypeIds()
        .map((t) => `\`${t}\``)
        .join(', ')}; got ${show(type)}.`,
      { field: 'type' },
    );
  return type;
}

/** Creates an account (or, with `dryRun`, only checks it: then returns undefined). */
export function createAccount(
  ctx: OpContext,
  orgId: string,
  input: unknown,
  options: AccountWriteOptions = {},
): ResourceAccount | undefined {
  const org = requireOrg(ctx.state, orgId);
  if (!isJsonObject(input))
    invalid(
      `A resource account must be an object like {"id": "aws-prod", "name": "AWS production", "type": "aws", "credentials": {...}}.`,
    );
  const id = assertId('Resource account id', input.id);
  const name = assertName('`name`', input.name);
  const type = checkType(input.type);
  const credentials = checkCredentials(
    type,
    input.credentials,
    options.checkCredential === true,
  );
  if (Object.hasOwn(records(org), id))
    throw new EngineError(
      'conflict',
      `Resource account \`${id}\` already exists in organisation \`${orgId}\`; choose another id or change it with PATCH.`,
      { field: 'id' },
    );
  if (options.dryRun) return undefined;
  const at = isoAt(ctx.now);
  org.resourceAccounts ??= {};
  org.resourceAccounts[id] = {
    seq: nextSeq(ctx.state),
    id,
    name,
    type,
    created_at: at,
    created_by: ctx.userId,
    updated_at: at,
    updated_by: ctx.userId,
  };
  keepCredentials(org, id, credentials, ctx.now);
  return toAccount(
    ctx.state,
    orgId,
    org.resourceAccounts[id],
    NO_RESOURCE_USAGE,
  );
}

/** Changes an account's name and / or replaces its credentials (or, with `dryRun`, only checks: undefined). */
export function patchAccount(
  ctx: OpContext,
  orgId: string,
  accountId: string,
  input: unknown,
  options: AccountWriteOptions = {},
  usage: ResourceUsage = NO_RESOURCE_USAGE,
): ResourceAccount | undefined {
  const org = requireOrg(ctx.state, orgId);
  const record = requireRecord(ctx.state, orgId, accountId);
  if (!isJsonObject(input))
    invalid(
      'A resource account change must be an object like {"name": "…", "credentials": {...}}.',
    );
  const unknown = Object.keys(input).filter(
    (key) =>
      key !== 'name' && key !== 'credentials' && input[key] !== undefined,
  );
  if (unknown.length > 0)
    invalid(
      `Only \`name\` and \`credentials\` of an account can change; the body also gives ${unknown.map((k) => `\`${k}\``).join(', ')}.`,
      { fields: unknown },
    );
  const name =
    input.name === undefined ? record.name : assertName('`name`', input.name);
  const credentials =
    input.credentials === undefined
      ? undefined
      : checkCredentials(
          record.type,
          input.credentials,
          options.checkCredential === true,
        );
  if (input.credentials === undefined && options.checkCredential)
    refuseVerdict(
      accountTypeRule(record.type)!.check(credentialsOf(org, accountId)),
    );
  if (options.dryRun) return undefined;
  const next: ResourceAccountRecord = {
    ...record,
    name,
    updated_at: isoAt(ctx.now),
    updated_by: ctx.userId,
  };
  org.resourceAccounts![accountId] = next;
  if (credentials) keepCredentials(org, accountId, credentials, ctx.now);
  return toAccount(ctx.state, orgId, next, usage);
}

/** Deletes an account nothing uses (400 with the spec's ConflictingResourcesErrorResponse otherwise). */
export function deleteAccount(
  ctx: OpContext,
  orgId: string,
  accountId: string,
  usage: ResourceUsage = NO_RESOURCE_USAGE,
): void {
  const org = requireOrg(ctx.state, orgId);
  requireRecord(ctx.state, orgId, accountId);
  const users = usage(ctx.state, orgId, { kind: 'account', accountId });
  if (isUsed(users))
    invalid(
      `Resource account \`${accountId}\` is used by ${users.resource_definitions.length} resource definition(s) and ${users.active_resources.length} active resource(s); point them at another account (or delete them) first.`,
      { referencing_resources: users },
    );
  delete org.resourceAccounts![accountId];
  dropCredentials(org, accountId);
}

/** The verdict on an account's kept credentials: its identity, or `invalid` naming the field that is wrong. */
export function checkAccount(
  state: StateV1,
  orgId: string,
  accountId: string,
): AccountCheck {
  const org = requireOrg(state, orgId);
  const record = requireRecord(state, orgId, accountId);
  return refuseVerdict(
    accountTypeRule(record.type)!.check(credentialsOf(org, accountId)),
  );
}
