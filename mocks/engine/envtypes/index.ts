/**
 * Environment types of an organisation (`/orgs/{orgId}/env-types`):
 * creating, describing and deleting them (ops.ts) and the engine methods
 * that authorize those calls (methods.ts; administrators and managers). A
 * type environments use cannot be deleted (409 naming them). Listing them is
 * the apps domain's `listEnvTypes`; who may deploy to one is users/.
 */
export * from './methods';
export { EnvTypeInUse, envTypeUses, requireEnvType } from './ops';
