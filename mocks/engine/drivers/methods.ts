/**
 * The engine methods of resource drivers: every organisation member reads
 * them; administrators and managers register, change and delete custom
 * drivers (the `org.envTypes` permission: the organisation's deployment
 * configuration, as for secret stores).
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import type { DriverDefinition } from '../core/model/drivers';
import type { ResourceUsage } from '../core/resource-usage';
import { authorize, guards } from '../access';
import * as drivers from './ops';

/** Resource drivers of an organisation. */
export interface DriversEngine {
  listResourceDrivers(actor: Actor, orgId: string): DriverDefinition[];
  getResourceDriver(
    actor: Actor,
    orgId: string,
    driverId: string,
  ): DriverDefinition;
  createResourceDriver(
    actor: Actor,
    orgId: string,
    input: unknown,
  ): DriverDefinition;
  updateResourceDriver(
    actor: Actor,
    orgId: string,
    driverId: string,
    input: unknown,
  ): DriverDefinition;
  deleteResourceDriver(actor: Actor, orgId: string, driverId: string): void;
}

function mayChange(ctx: OpContext, orgId: string, doing: string): void {
  authorize(ctx, { action: 'org.envTypes', orgId, doing });
}

/** The driver methods over the engine's runners; `usage` finds the definitions that use a driver. */
export function driverMethods(
  runners: Runners,
  usage?: ResourceUsage,
): DriversEngine {
  const { write, readOrg } = guards(runners);
  return {
    listResourceDrivers: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => drivers.listDrivers(ctx.state, orgId)),
    getResourceDriver: (actor, orgId, driverId) =>
      readOrg(actor, orgId, (ctx) =>
        drivers.getDriver(ctx.state, orgId, driverId),
      ),
    createResourceDriver: (actor, orgId, input) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, 'Registering resource drivers');
        return drivers.createDriver(ctx, orgId, input);
      }),
    updateResourceDriver: (actor, orgId, driverId, input) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Changing driver ${driverId}`);
        return drivers.updateDriver(ctx, orgId, driverId, input);
      }),
    deleteResourceDriver: (actor, orgId, driverId) =>
      write(actor, (ctx) => {
        mayChange(ctx, orgId, `Deleting driver ${driverId}`);
        drivers.deleteDriver(ctx, orgId, driverId, usage);
      }),
  };
}
