/**
 * Resource drivers (`/orgs/{orgId}/resources/drivers`): the built-in drivers
 * of the `humanitec` organisation, simulated deterministically
 * (`humanitec/echo`, `template`, `k8s-cluster`, `k8s-namespace`,
 * `dns-wildcard`, `postgres`, `terraform`: builtins.ts, template.ts,
 * terraform.ts), and the custom drivers an organisation registers (URL or
 * virtual target, input schema, account types), simulated from their inputs
 * schema. Other domains run a driver with {@link runDriver} (pure: outputs
 * and a log, or the driver's error) and check a `driver_type` with
 * {@link driverExists} / {@link getDriver}.
 */
export * from './methods';
export { driverExists, getDriver, listDrivers } from './ops';
export { runDriver } from './run';
export { isCustomDriver, privateDriverTarget } from './reach';
export { POSTGRES_MAJORS } from './builtins';
export type {
  DriverContext,
  DriverInputs,
  DriverOutputs,
  DriverResult,
  DriverRun,
} from './inputs';
