/**
 * The spec operations (by operationId) the mock API serves. The code
 * generator (spec-codegen.ts) emits their routes and request validators, the
 * handlers register exactly these (index.test.ts checks), and the contract
 * test fails unless it exercised every one of them.
 */
export const HANDLED_OPERATIONS = [
  'getCurrentUser',
  'listOrganizations',
  'getOrganization',
  'listApplications',
  'createApplication',
  'getApplication',
  'deleteApplication',
  'listEnvironmentTypes',
  'listEnvironments',
  'createEnvironment',
  'getEnvironment',
  'deleteEnvironment',
  'rebaseEnvironment',
  'listDeployments',
  'createDeployment',
  'getDeployment',
  'listDeploymentErrors',
  'listSets',
  'getSet',
  'updateSet',
  'getDiff',
  'listDeltas',
  'createDelta',
  'getDelta',
  'patchDelta',
  'putDelta',
  'archiveDelta',
  'changeEnvOfDelta',
  'changeNameOfDelta',
  'getRuntime',
  'listRuntime',
  'updatePaused',
  'patchReplicas',
  'resetDemoData',
  'getDemoInfo',
] as const;

/** An operation the mock API serves. */
export type HandledOperation = (typeof HANDLED_OPERATIONS)[number];
