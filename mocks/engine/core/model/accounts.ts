/**
 * What the state keeps of an organisation's resource accounts (accounts/):
 * the cloud accounts drivers use to provision resources. Their credentials
 * are not here: they are in the write-only credential store
 * (`OrgRecord.accountCredentials`, secrets/credentials.ts).
 */

/** One resource account. */
export interface ResourceAccountRecord {
  /** Creation order. */
  seq: number;
  id: string;
  name: string;
  /** One of the account types (accounts/types.ts), e.g. `aws`, `gcp`. */
  type: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** An account as the API returns it (the spec's ResourceAccountResponse): never its credentials. */
export interface ResourceAccount {
  id: string;
  name: string;
  type: string;
  is_used: boolean;
  created_at: string;
  created_by: string;
}
