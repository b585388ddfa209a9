/**
 * Handled operations that a contract test of its own area drives through Humanitec's official client
 * (`@humanitec/autogen`), by the file that does: official-client.test.ts leaves them to that file, whose own last
 * test checks that it called each one (through the client method named here: the client, generated from API
 * 0.26.6, names operations without an operationId after their path).
 */

/** Shared values and value-set versions (official-client-values.test.ts): operationId → client method. */
export const VALUE_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  listAppValues: 'orgsOrgIdAppsAppIdValuesGet',
  createAppValue: 'orgsOrgIdAppsAppIdValuesPost',
  deleteAppValues: 'orgsOrgIdAppsAppIdValuesDelete',
  replaceAppValue: 'orgsOrgIdAppsAppIdValuesKeyPut',
  patchAppValue: 'orgsOrgIdAppsAppIdValuesKeyPatch',
  deleteAppValue: 'orgsOrgIdAppsAppIdValuesKeyDelete',
  listEnvValues: 'orgsOrgIdAppsAppIdEnvsEnvIdValuesGet',
  createEnvValue: 'orgsOrgIdAppsAppIdEnvsEnvIdValuesPost',
  deleteEnvValues: 'orgsOrgIdAppsAppIdEnvsEnvIdValuesDelete',
  replaceEnvValue: 'orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyPut',
  patchEnvValue: 'orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyPatch',
  deleteEnvValue: 'orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyDelete',
  listAppValueSetVersions: 'orgsOrgIdAppsAppIdValueSetVersionsGet',
  getAppValueSetVersion:
    'orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdGet',
  restoreAppValueSetVersion:
    'orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdRestorePost',
  restoreAppValueSetVersionKey:
    'orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdRestoreKeyPost',
  purgeAppValueSetVersionKey:
    'orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdPurgeKeyPost',
  listEnvValueSetVersions: 'orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsGet',
  getEnvValueSetVersion:
    'orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdGet',
  restoreEnvValueSetVersion:
    'orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdRestorePost',
  restoreEnvValueSetVersionKey:
    'orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdRestoreKeyPost',
  purgeEnvValueSetVersionKey:
    'orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdPurgeKeyPost',
};

/** Secret stores, environment types and environment changes (official-client-settings.test.ts). */
export const SETTINGS_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  listSecretStores: 'orgsOrgIdSecretstoresGet',
  createSecretStore: 'orgsOrgIdSecretstoresPost',
  getSecretStore: 'orgsOrgIdSecretstoresStoreIdGet',
  patchSecretStore: 'orgsOrgIdSecretstoresStoreIdPatch',
  deleteSecretStore: 'orgsOrgIdSecretstoresStoreIdDelete',
  getEnvironmentType: 'getEnvironmentType',
  createEnvironmentType: 'createEnvironmentType',
  updateEnvironmentType: 'updateEnvironmentType',
  deleteEnvironmentType: 'deleteEnvironmentType',
  updateEnvironment: 'updateEnvironment',
};

/** Agents, their keys, the organisation's public keys and Humanitec's (official-client-agents.test.ts). */
export const AGENT_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  listAgents: 'listAgents',
  createAgent: 'createAgent',
  patchAgent: 'patchAgent',
  deleteAgent: 'deleteAgent',
  listKeysInAgent: 'listKeysInAgent',
  createKey: 'createKey',
  deleteKeyInAgent: 'deleteKeyInAgent',
  listPublicKeys: 'listPublicKeys',
  createPublicKey: 'createPublicKey',
  getPublicKey: 'getPublicKey',
  deletePublicKey: 'deletePublicKey',
  listHumanitecPublicKeys: 'listHumanitecPublicKeys',
};

/** The audit log and the events (official-client-audit.test.ts): operationId → client method. */
export const AUDIT_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  listAuditLogEntries: 'listAuditLogEntries',
  listEvents: 'orgsOrgIdEventsGet',
};

/** Artefacts and registries (official-client-artefacts.test.ts): operationId → client method. */
export const ARTEFACT_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  createArtefactVersion: 'createArtefactVersion',
  listArtefactVersionsInOrg: 'listArtefactVersionsInOrg',
  getArtefactVersion: 'getArtefactVersion',
  listArtefacts: 'listArtefacts',
  deleteArtefact: 'deleteArtefact',
  listArtefactVersions: 'listArtefactVersions',
  patchArtefactVersion: 'patchArtefactVersion',
  listRegistries: 'orgsOrgIdRegistriesGet',
  createRegistry: 'orgsOrgIdRegistriesPost',
  getRegistry: 'orgsOrgIdRegistriesRegIdGet',
  patchRegistry: 'orgsOrgIdRegistriesRegIdPatch',
  deleteRegistry: 'orgsOrgIdRegistriesRegIdDelete',
  getRegistryCreds: 'orgsOrgIdRegistriesRegIdCredsGet',
};

/**
 * Drivers, resource accounts and account types (official-client-drivers.test.ts): operationId → client method.
 * checkResourceAccount and the custom resource type writes are newer than the client (NOT_IN_CLIENT in
 * official-client.test.ts); that file drives them through fetch.
 */
export const DRIVER_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  listResourceDrivers: 'listResourceDrivers',
  createResourceDriver: 'createResourceDriver',
  getResourceDriver: 'getResourceDriver',
  updateResourceDriver: 'updateResourceDriver',
  deleteResourceDriver: 'deleteResourceDriver',
  listResourceAccountTypes: 'listResourceAccountTypes',
  listResourceAccounts: 'listResourceAccounts',
  createResourceAccount: 'createResourceAccount',
  getResourceAccount: 'getResourceAccount',
  patchResourceAccount: 'patchResourceAccount',
  deleteResourceAccount: 'deleteResourceAccount',
};

/** Resource definitions, criteria, versions and classes (official-client-resourcedefs.test.ts): operationId → client method. */
export const RESOURCE_DEF_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  listResourceDefinitions: 'listResourceDefinitions',
  createResourceDefinition: 'createResourceDefinition',
  getResourceDefinition: 'getResourceDefinition',
  updateResourceDefinition: 'updateResourceDefinition',
  patchResourceDefinition: 'patchResourceDefinition',
  deleteResourceDefinition: 'deleteResourceDefinition',
  listActiveResourceByDefinition: 'listActiveResourceByDefinition',
  listResourceDefinitionVersions: 'listResourceDefinitionVersions',
  getResourceDefinitionVersion: 'getResourceDefinitionVersion',
  createResourceDefinitionCriteria: 'createResourceDefinitionCriteria',
  updateResourceDefinitionCriteria: 'updateResourceDefinitionCriteria',
  deleteResourceDefinitionCriteria: 'deleteResourceDefinitionCriteria',
  listResourceClasses: 'listResourceClasses',
  createResourceClass: 'createResourceClass',
  getResourceClass: 'getResourceClass',
  updateResourceClass: 'updateResourceClass',
  deleteResourceClass: 'deleteResourceClass',
};

/** What deployments provision: active resources and dependency graphs (official-client-provisioning.test.ts). */
export const PROVISIONING_OPERATIONS_BY_CLIENT_NAME: Record<string, string> = {
  listActiveResources: 'listActiveResources',
  deleteActiveResource: 'deleteActiveResource',
  createDependencyGraph: 'createDependencyGraph',
  queryResourceGraph: 'queryResourceGraph',
  getDependencyGraph: 'getDependencyGraph',
};

/**
 * Score (official-client-score.test.ts): the client (API 0.26.6) has no convertScoreToSet, so the file converts the
 * console's samples through fetch (listed in official-client.test.ts's NOT_IN_CLIENT) and deploys what it answers
 * through the client's delta and deployment calls.
 */
export const SCORE_OPERATIONS_THROUGH_FETCH: readonly string[] = [
  'convertScoreToSet',
];

/** Every operation an area file drives, by operationId. */
export const DRIVEN_BY_AREA_FILES: readonly string[] = [
  ...Object.keys(PROVISIONING_OPERATIONS_BY_CLIENT_NAME),
  ...Object.keys(RESOURCE_DEF_OPERATIONS_BY_CLIENT_NAME),
  ...Object.keys(ARTEFACT_OPERATIONS_BY_CLIENT_NAME),
  ...Object.keys(VALUE_OPERATIONS_BY_CLIENT_NAME),
  ...Object.keys(AUDIT_OPERATIONS_BY_CLIENT_NAME),
  ...Object.keys(SETTINGS_OPERATIONS_BY_CLIENT_NAME),
  ...Object.keys(DRIVER_OPERATIONS_BY_CLIENT_NAME),
  ...Object.keys(AGENT_OPERATIONS_BY_CLIENT_NAME),
];
