/**
 * The engine methods of secret stores: every organisation member reads them;
 * administrators and managers register, change and delete them (the
 * `org.envTypes` permission: the organisation's deployment configuration).
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import type { OrgSecretStore } from '../core/model/secretstores';
import { authorize, guards } from '../access';
import * as stores from './ops';

/** Secret stores of an organisation. */
export interface SecretStoresEngine {
  listSecretStores(actor: Actor, orgId: string): OrgSecretStore[];
  getSecretStore(actor: Actor, orgId: string, storeId: string): OrgSecretStore;
  createSecretStore(
    actor: Actor,
    orgId: string,
    input: unknown,
  ): OrgSecretStore;
  patchSecretStore(
    actor: Actor,
    orgId: string,
    storeId: string,
    input: unknown,
  ): OrgSecretStore;
  deleteSecretStore(actor: Actor, orgId: string, storeId: string): void;
}

function mayChange(ctx: OpContext, orgId: string, doing: string): void {
  authorize(ctx, { action: 'org.envTypes', orgId, doing });
}

/** The secret-store methods over the engine's runners. */
export function secretStoreMethods(runners: Runners): SecretStoresEngine {
  const { write, readOrg } = guards(runners);
  return {
    listSecretStores: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => stores.listStores(ctx.state, orgId)),
    getSecretStore: (actor, orgId, storeId) =>
      readOrg(actor, orgId, (ctx) =>
        stores.requireSecretStore(ctx.state, orgId, storeId),
      ),
    createSecretStore: (actor, orgId, input) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, 'Registering secret stores');
        return stores.createStore(ctx, orgId, input);
      }),
    patchSecretStore: (actor, orgId, storeId, input) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Changing secret store ${storeId}`);
        return stores.patchStore(ctx, orgId, storeId, input);
      }),
    deleteSecretStore: (actor, orgId, storeId) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Deleting secret store ${storeId}`);
        stores.deleteStore(ctx, orgId, storeId);
      }),
  };
}
