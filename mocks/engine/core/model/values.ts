/**
 * What the state keeps of an application's shared values (values/): the app's
 * values, each environment's overrides, their value-set versions, and the
 * write-only contents of secret values.
 */

/** Where a value of an environment's effective set comes from (the spec's ValueSource). */
export type ValueSource = 'app' | 'env';

/** Why a value-set version was made (the spec's ValueSetVersionResultOf). */
export type ValueSetVersionResultOf =
  | 'app_value_create'
  | 'app_value_update'
  | 'app_value_delete'
  | 'app_values_delete'
  | 'app_value_set_version_restore'
  | 'app_value_set_version_purge'
  | 'env_value_create'
  | 'env_value_update'
  | 'env_value_delete'
  | 'env_values_delete'
  | 'env_value_set_version_restore'
  | 'env_value_set_version_purge';

/** Where a secret value is kept: a store and a key in it, at a version. */
export interface StoredSecretRef {
  /** The secret store's id (the engine's own store unless a secret_ref named another). */
  store: string;
  /** The secret's key (path) in the store. */
  key: string;
  version: string;
  /**
   * The content is held elsewhere (a `secret_ref` naming a path in an external
   * store, without a value): the engine keeps only the reference.
   */
  external?: boolean;
}

/** One value as the state keeps it. A secret's content is never here: it is in {@link AppValuesRecord.vault} under `rev`. */
export interface StoredValue {
  key: string;
  description: string;
  is_secret: boolean;
  /** The value of a plain (non-secret) value. */
  value?: string;
  /** Changes on every write of the value (a secret's `secret_version`, the vault's key of its content). */
  rev: string;
  secret?: StoredSecretRef;
  created_at: string;
  updated_at: string;
  /** Its content was purged from the history (values/ops.ts `purgeKey`): it cannot be restored or deployed. */
  purged?: boolean;
}

/** A value of a version: a stored value and where it comes from. */
export interface VersionValue extends StoredValue {
  source: ValueSource;
}

/** One operation of a version's `change` (a JSON patch of the values by key); rendered as the spec's JSONPatchResponse. */
export interface ValueChangeOp {
  op: 'add' | 'remove' | 'replace';
  /** `/<key>`. */
  path: string;
  value?: VersionValue;
}

/** One value-set version: the effective values after a change. */
export interface ValueSetVersionRecord {
  id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  comment: string;
  result_of: ValueSetVersionResultOf | null;
  source_value_set_version_id: string | null;
  values: Record<string, VersionValue>;
  /** What changed from the version before (for an environment's first version: from the values it had). */
  change: ValueChangeOp[];
}

/** The values of one scope (the app, or one environment's overrides) and its versions, oldest first. */
export interface ValueSetRecord {
  values: Record<string, StoredValue>;
  versions: ValueSetVersionRecord[];
  /** For an environment: the `seq` of the environment record the overrides belong to (a deleted and re-created environment starts empty). */
  envSeq?: number;
}

/** An application's shared values. */
export interface AppValuesRecord {
  app: ValueSetRecord;
  envs: Record<string, ValueSetRecord>;
  /** The contents of secret values kept in the engine's own store, by `rev`; write-only, nothing returns them. */
  vault: Record<string, string>;
}

/** A value as the API returns it (the spec's ValueResponse): a secret's `value` is always "". */
export interface Value {
  key: string;
  value: string;
  is_secret: boolean;
  description: string;
  created_at: string;
  updated_at: string;
  source: ValueSource;
  secret_key: string | null;
  secret_version: string | null;
  secret_store_id: string | null;
}

/** A JSON patch of a version's `change` (the spec's JSONPatchResponse). */
export interface ValueChange {
  op: string;
  path: string;
  value?: Value;
}

/** A value-set version as the API returns it (the spec's ValueSetVersionResponse). */
export interface ValueSetVersion {
  id: string;
  values: Record<string, Value>;
  change: ValueChange[];
  created_at: string;
  created_by: string;
  updated_at: string;
  result_of: ValueSetVersionResultOf | null;
  comment: string;
  source_value_set_version_id: string | null;
}
