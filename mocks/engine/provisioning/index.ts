/**
 * Provisioning (read, match, create): what a deployment does with the
 * resources its set asks for. The implicit cluster and namespace, the shared
 * and the private resources are matched to resource definitions
 * (resourcedefs/), their `provision` dependencies added, and each created by
 * its definition's driver (drivers/) in dependency order; the deployment
 * records the active resources, its dependency graph
 * (`deployment.dependency_graph_id`) and what each driver logged, and fails
 * with a catalogued error naming the resource, the definition, its version,
 * the criteria and the driver's message when one fails; then it fills the
 * workloads' placeholders from the outputs (secret outputs stay references;
 * one that cannot be filled fails it with WL-RES-002). Also the active
 * resources of an environment (list, delete, pin to a definition version),
 * the resource inputs of a set and graphs computed without deploying.
 */
export * from './methods';
export { provisionDeployment, type DeploymentProvisioning } from './ops';
export {
  DRIVER_FAILED_CODE,
  DRIVER_UNREACHABLE_CODE,
  guresidOf,
  provisionSet,
} from './provision';
export { UNFILLED_PLACEHOLDER_CODE } from './placeholders';
export {
  DEFAULT_RESOURCE_CLASS,
  IMPLICIT_TYPES,
  resourceRequests,
  type ResourceRequest,
} from './requests';
