import type { components } from './schema';
import type { components as extensions } from './schema-extensions';

type Schemas = components['schemas'];
type ExtensionSchemas = extensions['schemas'];

/** Names for the generated DTO types the console uses (no hand-written shapes). */
export type Organization = Schemas['OrganizationResponse'];
export type Application = Schemas['ApplicationResponse'];
export type Environment = Schemas['EnvironmentResponse'];
export type EnvironmentType = Schemas['EnvironmentTypeResponse'];
export type Deployment = Schemas['DeploymentResponse'];
export type DeploymentError = Schemas['DeploymentErrorResponse'];
export type DeploymentSet = Schemas['SetResponse'];
// ModuleResponse also carries V1 runtime controllers as additional properties; the console reads only the set part.
export type Workload = Pick<
  Schemas['ModuleResponse'],
  'profile' | 'spec' | 'externals' | 'deploy'
>;
export type DeltaRequest = Schemas['DeltaRequest'];
export type Delta = Schemas['DeltaResponse'];
export type PlainDelta = Schemas['PlainDeltaResponse'];
export type UpdateAction = Schemas['UpdateActionRequest'];
export type RuntimeInfo = Schemas['RuntimeInfoResponseV2'];
export type RuntimeWorkload = Schemas['RuntimeInfoModule'];
export type RuntimeController = Schemas['RuntimeInfoModuleController'];
export type RuntimePod = Schemas['RuntimeInfoPod'];
/** A container's status, with the console extension `last_state` (how a restarting container's previous run ended). */
export type ContainerStatus = Schemas['RuntimeInfoContainerStatus'] & {
  last_state?: ExtensionSchemas['ContainerLastState'];
};
export type EnvironmentRuntimeSummary =
  Schemas['EnvironmentRuntimeInfoResponse'];
export type WorkloadProfile = Schemas['WorkloadProfileResponse'];
export type WorkloadProfileVersion = Schemas['WorkloadProfileVersionResponse'];
export type WorkloadProfileFeature = Schemas['WorkloadProfileFeatureResponse'];
export type WorkloadProfileRequest = Schemas['WorkloadProfileRequest'];
export type WorkloadProfileUpdate = Schemas['WorkloadProfileUpdateRequest'];
export type SpecDefinition = Schemas['WorkloadProfileSpecDefinition'];
export type SpecDefinitionProperty =
  Schemas['WorkloadProfileSpecDefinitionProperty'];
