/**
 * The engine methods of resource accounts: every organisation member reads
 * them and the account types; administrators and managers create, change,
 * check and delete accounts (the `org.envTypes` permission, as for drivers
 * and secret stores).
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import type { ResourceAccount } from '../core/model/accounts';
import type { ResourceUsage } from '../core/resource-usage';
import { authorize, guards } from '../access';
import * as accounts from './ops';
import { accountTypes, type AccountType } from './types';

/** Resource accounts and account types of an organisation. */
export interface AccountsEngine {
  listResourceAccountTypes(actor: Actor, orgId: string): AccountType[];
  listResourceAccounts(actor: Actor, orgId: string): ResourceAccount[];
  getResourceAccount(
    actor: Actor,
    orgId: string,
    accountId: string,
  ): ResourceAccount;
  /** Undefined for a dry run (nothing was made). */
  createResourceAccount(
    actor: Actor,
    orgId: string,
    input: unknown,
    options?: accounts.AccountWriteOptions,
  ): ResourceAccount | undefined;
  /** Undefined for a dry run (nothing was changed). */
  patchResourceAccount(
    actor: Actor,
    orgId: string,
    accountId: string,
    input: unknown,
    options?: accounts.AccountWriteOptions,
  ): ResourceAccount | undefined;
  deleteResourceAccount(actor: Actor, orgId: string, accountId: string): void;
  checkResourceAccount(
    actor: Actor,
    orgId: string,
    accountId: string,
  ): accounts.AccountCheck;
}

function mayChange(ctx: OpContext, orgId: string, doing: string): void {
  authorize(ctx, { action: 'org.envTypes', orgId, doing });
}

/** The account methods over the engine's runners; `usage` finds what uses an account. */
export function accountMethods(
  runners: Runners,
  usage?: ResourceUsage,
): AccountsEngine {
  const { write, read, readOrg } = guards(runners);
  return {
    listResourceAccountTypes: (actor, orgId) =>
      readOrg(actor, orgId, () => accountTypes()),
    listResourceAccounts: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        accounts.listAccounts(ctx.state, orgId, usage),
      ),
    getResourceAccount: (actor, orgId, accountId) =>
      readOrg(actor, orgId, (ctx) =>
        accounts.getAccount(ctx.state, orgId, accountId, usage),
      ),
    createResourceAccount: (actor, orgId, input, options) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, 'Creating resource accounts');
        return accounts.createAccount(ctx, orgId, input, options);
      }),
    patchResourceAccount: (actor, orgId, accountId, input, options) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Changing resource account ${accountId}`);
        return accounts.patchAccount(
          ctx,
          orgId,
          accountId,
          input,
          options,
          usage,
        );
      }),
    deleteResourceAccount: (actor, orgId, accountId) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Deleting resource account ${accountId}`);
        accounts.deleteAccount(ctx, orgId, accountId, usage);
      }),
    // A check reads the kept credentials and changes nothing: a read, for those who may change accounts.
    checkResourceAccount: (actor, orgId, accountId) =>
      read(actor, (ctx) => {
        mayChange(ctx, orgId, `Checking resource account ${accountId}`);
        return accounts.checkAccount(ctx.state, orgId, accountId);
      }),
  };
}
