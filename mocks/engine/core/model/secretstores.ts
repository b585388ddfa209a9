/**
 * What the state keeps of an organisation's secret stores (secretstores/):
 * the systems secret values are kept in, as the spec's `/secretstores` serve
 * them. Not to be confused with {@link import('./secrets').SecretStore}, the
 * per-app write-only store of secret field values (issue 18).
 */

/** The kinds of store: the engine's own (`humanitec`) and the four external ones of the spec. */
export const SECRET_STORE_KINDS = [
  'humanitec',
  'vault',
  'awssm',
  'gcpsm',
  'azurekv',
] as const;
/** One kind of {@link SECRET_STORE_KINDS}. */
export type SecretStoreKind = (typeof SECRET_STORE_KINDS)[number];
/** The kinds a caller can register (the engine's own store exists once, built in). */
export type ExternalSecretStoreKind = Exclude<SecretStoreKind, 'humanitec'>;

/** The id of the engine's own store, present in every organisation. */
export const BUILTIN_SECRET_STORE_ID = 'humanitec';

/**
 * One registered store. `config` holds the spec's non-credential fields of
 * its kind (e.g. Vault's `url`, `path`, `agent_id`); credentials (`auth`) are
 * checked and dropped: the simulated store never needs them and nothing can
 * return them.
 */
export interface OrgSecretStoreRecord {
  /** Creation order (0 for the engine's own store). */
  seq: number;
  id: string;
  kind: SecretStoreKind;
  primary: boolean;
  config: Record<string, string>;
  /** Whether credentials were given (they are not kept). */
  hasCredentials: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A store as the API returns it (the spec's SecretStoreResponse). */
export interface OrgSecretStore {
  id: string;
  primary: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  humanitec?: Record<string, never>;
  vault?: { url?: string; path?: string; agent_id?: string };
  awssm?: { region?: string; endpoint?: string };
  gcpsm?: { project_id?: string };
  azurekv?: { url?: string; tenant_id?: string };
}
