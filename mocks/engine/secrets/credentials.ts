/**
 * The write-only store of resource account credentials
 * (`OrgRecord.accountCredentials`): accounts/ keeps what a caller sends here
 * and reads it back only to check an account; nothing returns it, logs it or
 * puts it in a message.
 */
import type { OrgRecord } from '../core/state';
import { isoAt } from '../core/state';

/** Keeps (replaces) the credentials of an account. */
export function keepCredentials(
  org: OrgRecord,
  accountId: string,
  credentials: Record<string, unknown>,
  now: number,
): void {
  org.accountCredentials ??= {};
  org.accountCredentials[accountId] = {
    credentials: structuredClone(credentials),
    updated_at: isoAt(now),
  };
}

/** The credentials of an account, for the engine's own checks (empty when none are kept). */
export function credentialsOf(
  org: OrgRecord,
  accountId: string,
): Record<string, unknown> {
  const store = org.accountCredentials;
  if (!store || !Object.hasOwn(store, accountId)) return {};
  return structuredClone(store[accountId].credentials);
}

/** Forgets the credentials of a deleted account. */
export function dropCredentials(org: OrgRecord, accountId: string): void {
  if (
    org.accountCredentials &&
    Object.hasOwn(org.accountCredentials, accountId)
  )
    delete org.accountCredentials[accountId];
}
