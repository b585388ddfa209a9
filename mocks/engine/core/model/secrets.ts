/** What the state keeps of the secrets typed into a profile's secret fields (secrets/): the write-only store of an app. */

/** One stored secret value; only the engine reads it, no view or response carries it. */
export interface StoredSecret {
  value: string;
  /** Where it was typed first: the workload and the JSON pointer inside its spec. */
  workload_id: string;
  path: string;
  created_at: string;
  created_by: string;
}

/** The secrets of an application, by key (the `<key>` of `${secrets.<key>}`). */
export interface SecretStore {
  /** Keys the digests in the keys, so a reference says nothing about its value; drawn once per app from the id source. */
  salt: string;
  values: Record<string, StoredSecret>;
}

/**
 * The credentials of an organisation's resource accounts (accounts/), by
 * account id: write-only, read only by the engine (the account check and the
 * drivers); no view or response carries them.
 */
export type AccountCredentialStore = Record<
  string,
  { credentials: Record<string, unknown>; updated_at: string }
>;
