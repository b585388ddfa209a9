/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes). Every
 * organisation member reads the types; administrators and managers define,
 * change and delete custom ones (`org.envTypes`, as for drivers and accounts).
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import type { ResourceUsage } from '../core/resource-usage';
import { authorize, guards } from '../access';
import * as types from './ops';
import type { ResourceType } from './ops';

/** The resource types workloads can ask for. */
export interface ResourcesEngine {
  /** The resource types workloads can ask for: the built-ins, then the organisation's own. */
  listResourceTypes(actor: Actor, orgId: string): ResourceType[];
  createResourceType(actor: Actor, orgId: string, input: unknown): ResourceType;
  patchResourceType(
    actor: Actor,
    orgId: string,
    type: string,
    input: unknown,
  ): ResourceType;
  updateResourceType(
    actor: Actor,
    orgId: string,
    type: string,
    input: unknown,
  ): ResourceType;
  deleteResourceType(actor: Actor, orgId: string, type: string): void;
}

function mayChange(ctx: OpContext, orgId: string, doing: string): void {
  authorize(ctx, { action: 'org.envTypes', orgId, doing });
}

/** The resources methods over the engine's runners; `usage` finds the definitions that use a type. */
export function resourceMethods(
  runners: Runners,
  usage?: ResourceUsage,
): ResourcesEngine {
  const { readOrg, write } = guards(runners);
  return {
    listResourceTypes: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => types.listResourceTypes(ctx, orgId)),
    createResourceType: (actor, orgId, input) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, 'Defining resource types');
        return types.createResourceType(ctx, orgId, input);
      }),
    patchResourceType: (actor, orgId, type, input) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Changing resource type ${type}`);
        return types.patchResourceType(ctx, orgId, type, input);
      }),
    updateResourceType: (actor, orgId, type, input) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Changing resource type ${type}`);
        return types.updateResourceType(ctx, orgId, type, input);
      }),
    deleteResourceType: (actor, orgId, type) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Deleting resource type ${type}`);
        types.deleteResourceType(ctx, orgId, type, usage);
      }),
  };
}
