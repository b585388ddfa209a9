/**
 * Resource accounts (`/orgs/{orgId}/resources/accounts`) and account types
 * (`/resources/account-types`): the cloud accounts drivers provision with
 * (AWS key or role, GCP key or workload identity, Azure principal or
 * identity: types.ts), their credentials kept write-only in the secrets
 * domain's credential store and checked deterministically
 * (`actions/check`: the account's identity, or the field that is wrong).
 * Other domains check a definition's `driver_account` with
 * {@link accountExists} / {@link accountTypeOf}.
 */
export * from './methods';
export { accountExists, accountTypeOf } from './ops';
export type { AccountCheck, AccountWriteOptions } from './ops';
export { accountTypeExists, accountTypeIds } from './types';
export type { AccountType, IdentityField } from './types';
