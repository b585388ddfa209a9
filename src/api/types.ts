import type { components } from './schema';

type Schemas = components['schemas'];

/** Names for the generated DTO types the console uses (no hand-written shapes). */
export type Organization = Schemas['OrganizationResponse'];
export type Application = Schemas['ApplicationResponse'];
export type Environment = Schemas['EnvironmentResponse'];
export type EnvironmentType = Schemas['EnvironmentTypeResponse'];
export type Deployment = Schemas['DeploymentResponse'];
export type DeploymentError = Schemas['DeploymentErrorResponse'];
export type DeploymentSet = Schemas['SetResponse'];
// ModuleResponse also carries V1 runtime controllers as additional properties; the console reads only the set part.
export type Workload = Pick<Schemas['ModuleResponse'], 'profile' | 'spec' | 'externals' | 'deploy'>;
export type DeltaRequest = Schemas['DeltaRequest'];
export type Delta = Schemas['DeltaResponse'];
export type PlainDelta = Schemas['PlainDeltaResponse'];
export type UpdateAction = Schemas['UpdateActionRequest'];
export type RuntimeInfo = Schemas['RuntimeInfoResponseV2'];
export type RuntimeWorkload = Schemas['RuntimeInfoModule'];
export type RuntimeController = Schemas['RuntimeInfoModuleController'];
export type RuntimePod = Schemas['RuntimeInfoPod'];
export type ContainerStatus = Schemas['RuntimeInfoContainerStatus'];
export type EnvironmentRuntimeSummary = Schemas['EnvironmentRuntimeInfoResponse'];
export type WorkloadProfile = Schemas['WorkloadProfileResponse'];
export type WorkloadProfileVersion = Schemas['WorkloadProfileVersionResponse'];
export type WorkloadProfileFeature = Schemas['WorkloadProfileFeatureResponse'];
export type WorkloadProfileRequest = Schemas['WorkloadProfileRequest'];
export type WorkloadProfileUpdate = Schemas['WorkloadProfileUpdateRequest'];
export type SpecDefinition = Schemas['WorkloadProfileSpecDefinition'];
export type SpecDefinitionProperty = Schemas['WorkloadProfileSpecDefinitionProperty'];
