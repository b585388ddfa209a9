/**
 * Container registries of an organisation (the spec's `/registries`; no
 * authorization: see methods.ts). Account credentials are write-only: the
 * user name and expiry are kept, the password is checked and dropped, and
 * `/creds` answers it masked ({@link MASKED_PASSWORD}), so no response, log
 * or export ever holds it. Kept in `OrgRecord.registries`.
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireOrg } from '../core/lookup';
import {
  REGISTRY_TYPES,
  type RegistryRecord,
  type RegistryType,
} from '../core/model/artefacts';
import type { OrgRecord, StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import {
  assertBoolean,
  assertNotReserved,
  invalid,
  show,
} from '../core/validate';

export { REGISTRY_TYPES } from '../core/model/artefacts';
export type { RegistryRecord, RegistryType } from '../core/model/artefacts';

/** What `/creds` answers in place of the password: it is never kept. */
export const MASKED_PASSWORD = '********';

/** A registry as the API shows it (RegistryResponse). */
export interface Registry {
  id: string;
  registry: string;
  type: string;
  enable_ci: boolean;
  secrets?: Record<string, { namespace: string; secret: string }>;
  created_at: string;
  created_by: string;
}

/** A registry's credentials as `/creds` shows them (RegistryCredsResponse): never the password. */
export interface RegistryCreds {
  registry: string;
  username?: string;
  password?: string;
  expires?: string | null;
  secrets?: Record<string, { namespace: string; secret: string }>;
}

/** The spec's registry id pattern (at least 3 characters). */
const REGISTRY_ID = /^[a-z0-9][a-z0-9-]+[a-z0-9]$/;
/** A registry host with an optional port and path, without a scheme. */
const REGISTRY_HOST =
  /^[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]{1,5})?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const ISO =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{3})?Z$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function registriesOf(org: OrgRecord): Record<string, RegistryRecord> {
  return org.registries ?? {};
}

/** The API view of a record. */
export function toRegistry(record: RegistryRecord): Registry {
  return {
    id: record.id,
    registry: record.registry,
    type: record.type,
    enable_ci: record.enable_ci,
    ...(record.secrets ? { secrets: structuredClone(record.secrets) } : {}),
    created_at: record.created_at,
    created_by: record.created_by,
  };
}

interface RegistryInput {
  id: string;
  registry: string;
  type: RegistryType;
  enable_ci: boolean;
  secrets?: RegistryRecord['secrets'];
  creds?: RegistryRecord['creds'];
}

function parseSecrets(value: unknown): RegistryRecord['secrets'] {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(
      `\`secrets\` must map cluster ids to {"namespace": …, "secret": …}; got ${show(value)}.`,
      { field: 'secrets' },
    );
  }
  const secrets: NonNullable<RegistryRecord['secrets']> = {};
  for (const [cluster, entry] of Object.entries(value as object)) {
    assertNotReserved('Cluster id', cluster);
    const e = entry as Record<string, unknown> | null;
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof e.namespace !== 'string' ||
      typeof e.secret !== 'string' ||
      !K8S_NAME.test(e.namespace) ||
      !K8S_NAME.test(e.secret)
    ) {
      invalid(
        `\`secrets.${cluster}\` must be {"namespace": …, "secret": …} with Kubernetes names (lowercase letters, digits, '-', '.'); got ${show(entry)}.`,
        { field: `secrets.${cluster}` },
      );
    }
    secrets[cluster] = {
      namespace: e!.namespace as string,
      secret: e!.secret as string,
    };
  }
  return secrets;
}

function parseCreds(value: unknown): RegistryRecord['creds'] {
  if (value === undefined) return undefined;
  const c = value as Record<string, unknown> | null;
  if (
    typeof c !== 'object' ||
    c === null ||
    Array.isArray(c) ||
    typeof c.username !== 'string' ||
    c.username === '' ||
    c.username.length > 255 ||
    typeof c.password !== 'string' ||
    c.password === '' ||
    c.password.length > 4096
  ) {
    // Never echo the body: it may hold the password.
    invalid(
      '`creds` must be {"username": …, "password": …} with both non-empty (and an optional `expires` date-time).',
      { field: 'creds' },
    );
  }
  const expires = c!.expires;
  if (expires !== undefined && expires !== null) {
    if (typeof expires !== 'string' || !ISO.test(expires)) {
      invalid(
        '`creds.expires` must be an ISO date-time such as `2027-01-31T00:00:00Z`, or null.',
        { field: 'creds.expires' },
      );
    }
  }
  return {
    username: c!.username as string,
    password_set: true,
    ...(expires !== undefined ? { expires: expires as string | null } : {}),
  };
}

function parseRegistry(input: unknown): RegistryInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalid(
      'The body must be a JSON object such as {"id": "acme-registry", "registry": "registry.acme.example/acme", "type": "basic", "creds": {"username": "ci", "password": "…"}}.',
    );
  }
  const body = input as Record<string, unknown>;
  if (
    typeof body.id !== 'string' ||
    body.id.length > 50 ||
    !REGISTRY_ID.test(body.id)
  ) {
    invalid(
      `\`id\` must be 3 to 50 lowercase letters, digits and dashes, starting and ending with a letter or digit (e.g. \`acme-registry\`); got ${show(body.id)}.`,
      { field: 'id' },
    );
  }
  assertNotReserved('Registry id', body.id as string);
  if (
    typeof body.registry !== 'string' ||
    body.registry.length > 255 ||
    !REGISTRY_HOST.test(body.registry)
  ) {
    invalid(
      `\`registry\` must be a registry host with an optional port and path and no scheme, such as \`registry.acme.example/acme\`; got ${show(body.registry)}.`,
      { field: 'registry' },
    );
  }
  if (!REGISTRY_TYPES.includes(body.type as RegistryType)) {
    invalid(
      `\`type\` must be one of ${REGISTRY_TYPES.map((t) => `\`${t}\``).join(', ')}; got ${show(body.type)}.`,
      { field: 'type' },
    );
  }
  const enable_ci =
    body.enable_ci === undefined
      ? false
      : assertBoolean('`enable_ci`', body.enable_ci);
  const secrets = parseSecrets(body.secrets);
  const creds = parseCreds(body.creds);
  if (
    body.type === 'secret_ref' &&
    (!secrets || Object.keys(secrets).length === 0)
  ) {
    invalid(
      'A registry of type `secret_ref` needs `secrets`: the Kubernetes secret holding the pull credentials in each cluster, e.g. {"my-cluster": {"namespace": "acme", "secret": "regcred"}}.',
      { field: 'secrets' },
    );
  }
  return {
    id: body.id as string,
    registry: body.registry as string,
    type: body.type as RegistryType,
    enable_ci,
    ...(secrets ? { secrets } : {}),
    ...(creds ? { creds } : {}),
  };
}

function requireRecord(
  org: OrgRecord,
  orgId: string,
  regId: string,
): RegistryRecord {
  const registries = registriesOf(org);
  if (!Object.hasOwn(registries, regId)) {
    throw new EngineError(
      'not_found',
      `Registry \`${regId}\` does not exist in organisation \`${orgId}\`.`,
      { kind: 'registry', id: regId },
    );
  }
  return registries[regId];
}

/** The organisation's registries in creation order. */
export function listRegistries(state: StateV1, orgId: string): Registry[] {
  const org = requireOrg(state, orgId);
  return Object.values(registriesOf(org))
    .sort((a, b) => a.seq - b.seq)
    .map(toRegistry);
}

/** One registry, or 404. */
export function getRegistry(
  state: StateV1,
  orgId: string,
  regId: string,
): Registry {
  return toRegistry(requireRecord(requireOrg(state, orgId), orgId, regId));
}

/** A registry's credentials: the user name and expiry, the password masked, the cluster secrets. */
export function getRegistryCreds(
  state: StateV1,
  orgId: string,
  regId: string,
): RegistryCreds {
  const record = requireRecord(requireOrg(state, orgId), orgId, regId);
  return {
    registry: record.registry,
    ...(record.creds
      ? {
          username: record.creds.username,
          password: MASKED_PASSWORD,
          ...(record.creds.expires !== undefined
            ? { expires: record.creds.expires }
            : {}),
        }
      : {}),
    ...(record.secrets ? { secrets: structuredClone(record.secrets) } : {}),
  };
}

/** Registers a registry; 409 when the id is taken. */
export function createRegistry(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): Registry {
  const org = requireOrg(ctx.state, orgId);
  const parsed = parseRegistry(input);
  org.registries ??= {};
  if (Object.hasOwn(org.registries, parsed.id)) {
    throw new EngineError(
      'conflict',
      `Registry \`${parsed.id}\` already exists in organisation \`${orgId}\`; change it with PATCH or choose another id.`,
      { kind: 'registry', id: parsed.id },
    );
  }
  const record: RegistryRecord = {
    seq: nextSeq(ctx.state),
    ...parsed,
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
  };
  org.registries[parsed.id] = record;
  return toRegistry(record);
}

/**
 * Changes a registry (the whole RegistryRequest; `id` must stay the same).
 * Without `creds` the stored credentials stay; without `secrets` they are removed.
 */
export function patchRegistry(
  ctx: OpContext,
  orgId: string,
  regId: string,
  input: unknown,
): Registry {
  const org = requireOrg(ctx.state, orgId);
  const record = requireRecord(org, orgId, regId);
  const parsed = parseRegistry(input);
  if (parsed.id !== regId) {
    throw new EngineError(
      'conflict',
      `A registry's id cannot change (\`${regId}\` to \`${parsed.id}\`): register a new one and delete this one.`,
      { field: 'id' },
    );
  }
  record.registry = parsed.registry;
  record.type = parsed.type;
  record.enable_ci = parsed.enable_ci;
  if (parsed.secrets) record.secrets = parsed.secrets;
  else delete record.secrets;
  if (parsed.creds) record.creds = parsed.creds;
  return toRegistry(record);
}

/** Deletes a registry. */
export function deleteRegistry(
  ctx: OpContext,
  orgId: string,
  regId: string,
): void {
  const org = requireOrg(ctx.state, orgId);
  requireRecord(org, orgId, regId);
  delete org.registries![regId];
}
