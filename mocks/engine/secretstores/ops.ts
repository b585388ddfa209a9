/**
 * Operations on an organisation's secret stores (no authorization: see
 * methods.ts). The stores are kept in `OrgRecord.secretStores`; an
 * organisation that never changed one has only the engine's own store, made
 * on the fly (dated at the organisation's creation), so stored states from
 * before secret stores existed read the same.
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireOrg } from '../core/lookup';
import {
  BUILTIN_SECRET_STORE_ID,
  type ExternalSecretStoreKind,
  type OrgSecretStore,
  type OrgSecretStoreRecord,
} from '../core/model/secretstores';
import type { OrgRecord, StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import { assertBoolean, assertId, invalid, show } from '../core/validate';

/** The configuration fields of each external kind (returned) and its credential fields (never kept). */
const KINDS: Record<
  ExternalSecretStoreKind,
  {
    title: string;
    config: readonly string[];
    required: readonly string[];
    auth: readonly string[];
    example: string;
  }
> = {
  vault: {
    title: 'HashiCorp Vault',
    config: ['url', 'path', 'agent_id'],
    required: ['url'],
    auth: ['role', 'token'],
    example: '{"url": "https://vault.example.com:8200", "path": "secret/acme"}',
  },
  awssm: {
    title: 'AWS Secrets Manager',
    config: ['region', 'endpoint'],
    required: ['region'],
    auth: ['access_key_id', 'secret_access_key'],
    example: '{"region": "eu-central-1"}',
  },
  gcpsm: {
    title: 'GCP Secret Manager',
    config: ['project_id'],
    required: ['project_id'],
    auth: ['secret_access_key'],
    example: '{"project_id": "acme-prod"}',
  },
  azurekv: {
    title: 'Azure Key Vault',
    config: ['url', 'tenant_id'],
    required: ['url', 'tenant_id'],
    auth: ['client_id', 'client_secret'],
    example:
      '{"url": "https://acme.vault.azure.net", "tenant_id": "00000000-0000-0000-0000-000000000000"}',
  },
};
const EXTERNAL_KINDS = Object.keys(KINDS) as ExternalSecretStoreKind[];

function builtin(org: OrgRecord): OrgSecretStoreRecord {
  return {
    seq: 0,
    id: BUILTIN_SECRET_STORE_ID,
    kind: 'humanitec',
    primary: true,
    config: {},
    hasCredentials: false,
    created_at: org.org.created_at,
    created_by: org.org.created_by,
    updated_at: org.org.created_at,
    updated_by: org.org.created_by,
  };
}

/** The stores of an organisation (read-only view of the records; the engine's own when none was changed). */
function records(org: OrgRecord): Record<string, OrgSecretStoreRecord> {
  return org.secretStores ?? { [BUILTIN_SECRET_STORE_ID]: builtin(org) };
}

/** The stores of an organisation for a change: materialised in the draft on first use. */
function writable(org: OrgRecord): Record<string, OrgSecretStoreRecord> {
  org.secretStores ??= { [BUILTIN_SECRET_STORE_ID]: builtin(org) };
  return org.secretStores;
}

/** A store as the API returns it: its kind's configuration, never credentials. */
export function toSecretStore(record: OrgSecretStoreRecord): OrgSecretStore {
  const out: OrgSecretStore = {
    id: record.id,
    primary: record.primary,
    created_at: record.created_at,
    created_by: record.created_by,
    updated_at: record.updated_at,
    updated_by: record.updated_by,
  };
  if (record.kind === 'humanitec') out.humanitec = {};
  else out[record.kind] = { ...record.config };
  return out;
}

function sorted(
  stores: Record<string, OrgSecretStoreRecord>,
): OrgSecretStoreRecord[] {
  // The engine's own store first (seq 0), then in the order they were registered.
  return Object.values(stores).sort((a, b) => a.seq - b.seq);
}

/** Every store of the organisation, the engine's own first. */
export function listStores(state: StateV1, orgId: string): OrgSecretStore[] {
  return sorted(records(requireOrg(state, orgId))).map(toSecretStore);
}

/** Whether the organisation has a store of that id (for other domains, e.g. values' `secret_ref.store`). */
export function secretStoreExists(
  state: StateV1,
  orgId: string,
  storeId: string,
): boolean {
  return (
    Object.hasOwn(state.orgs, orgId) &&
    Object.hasOwn(records(state.orgs[orgId]), storeId)
  );
}

/** The store, or `not_found` with the ids there are. */
export function requireSecretStore(
  state: StateV1,
  orgId: string,
  storeId: string,
): OrgSecretStore {
  const stores = records(requireOrg(state, orgId));
  if (!Object.hasOwn(stores, storeId)) {
    throw new EngineError(
      'not_found',
      `Secret store \`${storeId}\` does not exist in organisation \`${orgId}\`; its stores are ${sorted(
        stores,
      )
        .map((s) => `\`${s.id}\``)
        .join(', ')}.`,
      { kind: 'secret-store', id: storeId },
    );
  }
  return toSecretStore(stores[storeId]);
}

/** The id of the organisation's primary store (where new secrets go by default). */
export function primarySecretStoreId(state: StateV1, orgId: string): string {
  const stores = records(requireOrg(state, orgId));
  return (
    Object.values(stores).find((s) => s.primary)?.id ?? BUILTIN_SECRET_STORE_ID
  );
}

/** What refers to a store: `app/key` of app values and `app/env/key` of environment overrides whose secret is kept in it. */
export function storeUses(
  state: StateV1,
  orgId: string,
  storeId: string,
): string[] {
  const org = requireOrg(state, orgId);
  const uses: string[] = [];
  for (const [appId, app] of Object.entries(org.apps)) {
    const values = app.values;
    if (!values) continue;
    for (const value of Object.values(values.app?.values ?? {}))
      if (value.secret?.store === storeId) uses.push(`${appId}/${value.key}`);
    for (const [envId, env] of Object.entries(values.envs ?? {}))
      for (const value of Object.values(env.values ?? {}))
        if (value.secret?.store === storeId)
          uses.push(`${appId}/${envId}/${value.key}`);
  }
  return uses.sort();
}

function objectBody(input: unknown, example: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalid(
      `A secret store must be an object like ${example}; got ${show(input)}.`,
    );
  return input as Record<string, unknown>;
}

/** The one kind a body configures, or undefined when it names none; `invalid` for two or more. */
function kindOf(
  fields: Record<string, unknown>,
): ExternalSecretStoreKind | undefined {
  const given = EXTERNAL_KINDS.filter(
    (kind) => fields[kind] !== undefined && fields[kind] !== null,
  );
  if (given.length > 1) {
    invalid(
      `A secret store has exactly one kind; the body gives ${given.map((k) => `\`${k}\``).join(' and ')}. Send one of \`vault\`, \`awssm\`, \`gcpsm\`, \`azurekv\`.`,
      { fields: given },
    );
  }
  return given[0];
}

/** The configuration of `kind` from its body part; credentials are checked and reported as given, never kept. */
function parseConfig(
  kind: ExternalSecretStoreKind,
  value: unknown,
  creating: boolean,
): { config: Record<string, string>; hasCredentials: boolean } {
  const spec = KINDS[kind];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalid(
      `\`${kind}\` (${spec.title}) must be an object like ${spec.example}; got ${show(value)}.`,
      { field: kind },
    );
  const part = value as Record<string, unknown>;
  const config: Record<string, string> = {};
  for (const field of spec.config) {
    const given = part[field];
    if (given === undefined) continue;
    if (typeof given !== 'string')
      invalid(`\`${kind}.${field}\` must be a string; got ${show(given)}.`, {
        field: `${kind}.${field}`,
      });
    if (given.trim() !== '') config[field] = given.trim();
  }
  if (creating) {
    for (const field of spec.required) {
      if (config[field] === undefined)
        invalid(
          `A ${spec.title} store needs \`${kind}.${field}\`, e.g. ${spec.example}.`,
          { field: `${kind}.${field}` },
        );
    }
  }
  if (kind === 'vault' || kind === 'azurekv') {
    const url = config.url;
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url))
      invalid(
        `\`${kind}.url\` must be an http(s) URL, e.g. ${spec.example}; got ${show(url)}.`,
        { field: `${kind}.url` },
      );
  }
  let hasCredentials = false;
  const auth = part.auth;
  if (auth !== undefined && auth !== null) {
    if (typeof auth !== 'object' || Array.isArray(auth))
      invalid(
        `\`${kind}.auth\` must be an object with ${spec.auth.map((f) => `\`${f}\``).join(', ')}.`,
        { field: `${kind}.auth` },
      );
    for (const field of spec.auth) {
      const given = (auth as Record<string, unknown>)[field];
      if (given === undefined) continue;
      // Never echo a credential: the message names the field only.
      if (typeof given !== 'string')
        invalid(`\`${kind}.auth.${field}\` must be a string.`, {
          field: `${kind}.auth.${field}`,
        });
      if (given !== '') hasCredentials = true;
    }
  }
  return { config, hasCredentials };
}

function makePrimary(
  stores: Record<string, OrgSecretStoreRecord>,
  id: string,
  ctx: OpContext,
) {
  for (const store of Object.values(stores)) {
    const primary = store.id === id;
    if (store.primary !== primary) {
      store.primary = primary;
      store.updated_at = isoAt(ctx.now);
      store.updated_by = ctx.userId;
    }
  }
}

/**
 * Registers an external store: exactly one of `vault`, `awssm`, `gcpsm`,
 * `azurekv`, with the fields its kind needs. `primary: true` makes it the
 * organisation's primary store (the previous one stops being primary).
 * `conflict` if the id is taken.
 */
export function createStore(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): OrgSecretStore {
  const org = requireOrg(ctx.state, orgId);
  const fields = objectBody(
    input,
    '{"id": "vault-prod", "primary": false, "vault": {"url": "https://vault.example.com:8200"}}',
  );
  const id = assertId('Secret store id', fields.id, 2);
  const primary = assertBoolean('`primary`', fields.primary);
  const kind = kindOf(fields);
  if (!kind)
    invalid(
      'A secret store needs its kind and configuration: one of `vault` (HashiCorp Vault), `awssm` (AWS Secrets Manager), `gcpsm` (GCP Secret Manager) or `azurekv` (Azure Key Vault), e.g. {"vault": {"url": "https://vault.example.com:8200"}}.',
    );
  const stores = writable(org);
  if (Object.hasOwn(stores, id)) {
    throw new EngineError(
      'conflict',
      id === BUILTIN_SECRET_STORE_ID
        ? `\`${id}\` is the engine's own secret store; choose another id.`
        : `Secret store \`${id}\` already exists in organisation \`${orgId}\`; choose another id, or change that store.`,
      { id },
    );
  }
  const { config, hasCredentials } = parseConfig(kind, fields[kind], true);
  const at = isoAt(ctx.now);
  stores[id] = {
    seq: nextSeq(ctx.state),
    id,
    kind,
    primary: false,
    config,
    hasCredentials,
    created_at: at,
    created_by: ctx.userId,
    updated_at: at,
    updated_by: ctx.userId,
  };
  if (primary) makePrimary(stores, id, ctx);
  return toSecretStore(stores[id]);
}

/**
 * Changes a store: its configuration (fields given replace those stored; the
 * kind cannot change) and `primary: true` to make it the primary store.
 * `primary: false` on the primary is refused: make another store primary instead.
 * The engine's own store has no configuration to change.
 */
export function patchStore(
  ctx: OpContext,
  orgId: string,
  storeId: string,
  input: unknown,
): OrgSecretStore {
  const org = requireOrg(ctx.state, orgId);
  requireSecretStore(ctx.state, orgId, storeId);
  const fields = objectBody(input, '{"primary": true}');
  const stores = writable(org);
  const store = stores[storeId];
  const kind = kindOf(fields);
  if (kind !== undefined && kind !== store.kind) {
    invalid(
      store.kind === 'humanitec'
        ? `\`${storeId}\` is the engine's own secret store and has no \`${kind}\` configuration; register a new store for ${KINDS[kind].title}.`
        : `Secret store \`${storeId}\` is a ${KINDS[store.kind].title} store; its kind cannot change to \`${kind}\`. Register a new store instead.`,
      { field: kind },
    );
  }
  const primary = fields.primary;
  if (primary !== undefined && primary !== null) {
    assertBoolean('`primary`', primary);
    if (primary === false && store.primary)
      invalid(
        `Secret store \`${storeId}\` is the primary store of organisation \`${orgId}\`, and there is always one; make another store primary instead.`,
        { field: 'primary' },
      );
  }
  const at = isoAt(ctx.now);
  if (kind !== undefined && store.kind !== 'humanitec') {
    const { config, hasCredentials } = parseConfig(kind, fields[kind], false);
    store.config = { ...store.config, ...config };
    store.hasCredentials ||= hasCredentials;
    store.updated_at = at;
    store.updated_by = ctx.userId;
  }
  if (primary === true) makePrimary(stores, storeId, ctx);
  return toSecretStore(store);
}

/**
 * Deletes a registered store. `conflict` for the engine's own store, for the
 * primary store (make another primary first) and for a store values keep
 * secrets in (the message names them).
 */
export function deleteStore(
  ctx: OpContext,
  orgId: string,
  storeId: string,
): void {
  const org = requireOrg(ctx.state, orgId);
  requireSecretStore(ctx.state, orgId, storeId);
  if (storeId === BUILTIN_SECRET_STORE_ID)
    throw new EngineError(
      'conflict',
      `\`${storeId}\` is the engine's own secret store and cannot be deleted.`,
      { id: storeId },
    );
  const record = records(org)[storeId];
  if (record.primary)
    throw new EngineError(
      'conflict',
      `Secret store \`${storeId}\` is the primary store of organisation \`${orgId}\`; make another store primary first, then delete it.`,
      { id: storeId, primary: true },
    );
  const uses = storeUses(ctx.state, orgId, storeId);
  if (uses.length > 0) {
    const shown = uses
      .slice(0, 5)
      .map((u) => `\`${u}\``)
      .join(', ');
    const more = uses.length > 5 ? ` and ${uses.length - 5} more` : '';
    throw new EngineError(
      'conflict',
      `Secret store \`${storeId}\` keeps the secrets of ${uses.length === 1 ? 'a value' : `${uses.length} values`} (${shown}${more}); point ${uses.length === 1 ? 'it' : 'them'} at another store or delete ${uses.length === 1 ? 'it' : 'them'} first.`,
      { id: storeId, used_by: uses },
    );
  }
  delete writable(org)[storeId];
}
