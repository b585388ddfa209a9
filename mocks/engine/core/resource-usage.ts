/**
 * What refers to a driver, a resource account or a resource type: the
 * resource definitions (and the active resources they made) that name it.
 * Definitions are another domain (resourcedefs/), which itself reads drivers,
 * accounts and types, so those domains cannot import it: the engine's facade
 * (engine.ts) passes them a {@link ResourceUsage} built from it instead, and
 * until it does they see {@link NO_RESOURCE_USAGE} (nothing refers to anything).
 */
import type { StateV1 } from './state';

/** The thing whose users are asked for. */
export type UsageTarget =
  | { kind: 'driver'; driverType: string }
  | { kind: 'account'; accountId: string }
  | { kind: 'type'; type: string };

/**
 * Who refers to a target, in the shape of the spec's
 * ConflictingResourcesErrorResponseDetailsResources (its 400/409 `details.referencing_resources`).
 */
export interface ResourceUsers {
  resource_definitions: unknown[];
  active_resources: unknown[];
}

/** Finds the users of a driver, an account or a type in an organisation. */
export type ResourceUsage = (
  state: StateV1,
  orgId: string,
  target: UsageTarget,
) => ResourceUsers;

/** Nothing refers to anything (before definitions exist). */
export const NO_RESOURCE_USAGE: ResourceUsage = () => ({
  resource_definitions: [],
  active_resources: [],
});

/** Whether anything refers to the target. */
export function isUsed(users: ResourceUsers): boolean {
  return (
    users.resource_definitions.length > 0 || users.active_resources.length > 0
  );
}
