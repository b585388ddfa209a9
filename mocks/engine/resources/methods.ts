/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { guards } from '../access';
import { listResourceTypes, type ResourceType } from './ops';

/** The resource types workloads can ask for. */
export interface ResourcesEngine {
  /** The resource types workloads can ask for. */
  listResourceTypes(actor: Actor, orgId: string): ResourceType[];
}

/** The resources methods over the engine's runners. */
export function resourceMethods(runners: Runners): ResourcesEngine {
  const { readOrg } = guards(runners);
  return {
    listResourceTypes: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => listResourceTypes(ctx, orgId)),
  };
}
