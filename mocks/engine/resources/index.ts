/**
 * Resource types (`/orgs/{orgId}/resources/types`): the built-in catalogue
 * every organisation has (catalogue.ts: k8s-cluster, k8s-namespace, postgres,
 * mysql, redis, s3, dns, route, tls-cert, logging, base-env, workload, agent,
 * ...) and the custom types an organisation defines (ops.ts); the engine
 * methods are in methods.ts. Other domains check a type with
 * {@link resourceTypeExists} / {@link findResourceType}.
 */
export * from './methods';
export {
  findResourceType,
  listResourceTypes,
  resourceTypeExists,
  type ResourceType,
} from './ops';
export { BUILTIN_RESOURCE_TYPES } from './catalogue';
