/**
 * Who may call each MUTATING route: one line per operation. The access matrix
 * (access-matrix.test.ts) calls every mutating route as every subject and
 * fails for a route that has no line here, or whose answer differs.
 *
 * Subjects (the demo organisation `acme`, see access-matrix.test.ts):
 * - `admin`: alex-admin, administrator;
 * - `manager`: a service user with the manager role;
 * - `developer`: dana-dev, member, developer on shop, deployer on development and staging;
 * - `member`: a service user with the member role, viewer on payments and no role on shop;
 * - `contributor`: a service user with the artefactContributor role (no app role);
 * - `viewer`: vic-viewer, orgViewer.
 * Default target: app `shop`, environment `development` (type development),
 * environment type `development`; `params` overrides any path parameter, and
 * `body` is the request body (a function gets the sample ids).
 */
import { EngineError, type Engine } from '../engine';
import type { HandledOperation } from './operation-ids';
import {
  EDGE_EU_OLD_FINGERPRINT,
  SPARE_KEY_A,
  SPARE_KEY_B,
} from '../testing/agent-fixed-keys';

/** A subject of the matrix. */
export type Subject =
  'admin' | 'manager' | 'developer' | 'member' | 'contributor' | 'viewer';

/** Ids from the seeded engine a body may need. */
export interface Sample {
  deployId: string;
  setId: string;
  deltaId: string;
  /** Pipelines (see access-matrix.test.ts): a run of the demo pipeline waiting for approval, a finished run, a criteria. */
  pipeline?: {
    runId: string;
    approvalId: string;
    finishedRunId: string;
    criteriaId: string;
  };
  /** The fingerprint of `staging` in a preview of a full clone from `production` (clone-ops.ts). */
  cloneFingerprint?: string;
  /** Value-set versions of shop (values-seed.ts): the app's where `FEATURES` was created, development's where `LOG_LEVEL` was. */
  values?: { appVersionId: string; envVersionId: string };
  /** A seeded artefact and one of its versions (artefacts-seed.ts). */
  artefact?: { artefactId: string; versionId: string };
  /** Resource definitions (resourcedefs-seed.ts): postgres-dev's older (not active) version, mysql-default's criteria. */
  resourceDef?: { olderVersionId: string; criteriaId: string };
}

/** Who may call a route, and how to call it so that an allowed subject succeeds. */
export interface AccessExpectation {
  /** Space-separated subjects that are allowed; everyone else gets 403. */
  allow: string;
  params?:
    Record<string, string> | ((sample: Sample) => Record<string, string>);
  body?: unknown | ((sample: Sample) => unknown);
  /**
   * Path parameters the caller makes itself on the call's engine, before the
   * call: for objects that belong to who made them (a shell session is its
   * opener's). Returns a stand-in id when the caller may not make it.
   */
  prepare?: (engine: Engine, token: string) => Record<string, string>;
}

/** A shell session of the caller in shop/development's api (a stand-in id when the caller may not open one). */
function ownShellSession(engine: Engine, token: string) {
  try {
    const actor = engine.authenticate(token);
    const session = engine.openShellSession(
      actor,
      'acme',
      'shop',
      'development',
      'api',
      { container_id: 'api' },
    );
    return { sessionId: session.id };
  } catch (error) {
    if (error instanceof EngineError) return { sessionId: 'matrix-session' };
    throw error;
  }
}

const PROFILE = {
  spec_definition: {
    properties: {
      containers: { type: 'feature', feature_name: 'humanitec/replicas' },
    },
  },
  workload_profile_chart: { id: 'humanitec/default-module', version: '1.0.0' },
};
const NEW_VALUE = { key: 'MATRIX_VALUE', value: 'm', description: '' };
const MATRIX_DRIVER = {
  id: 'matrix-driver',
  type: 'postgres',
  target: 'https://drivers.example.com/matrix/',
  inputs_schema: { type: 'object' },
  account_types: ['aws'],
};
const CHANGE = {
  modules: {
    update: { api: [{ op: 'replace', path: '/spec/replicas', value: 2 }] },
  },
};

/** The expectations, by operation id. */
export const ACCESS_EXPECTATIONS: Partial<
  Record<HandledOperation, AccessExpectation>
> = {
  createApplication: {
    allow: 'admin manager developer member',
    body: { id: 'matrix-app', name: 'Matrix' },
  },
  deleteApplication: { allow: 'admin manager' },
  createEnvironment: {
    allow: 'admin manager developer',
    body: (s: Sample) => ({
      id: 'qa',
      name: 'QA',
      type: 'staging',
      from_deploy_id: s.deployId,
    }),
  },
  deleteEnvironment: {
    allow: 'admin manager',
    params: { envId: 'production' },
  },
  rebaseEnvironment: {
    allow: 'admin manager developer',
    body: (s: Sample) => s.deployId,
  },
  createDeployment: {
    allow: 'admin manager',
    params: { envId: 'production' },
    body: (s: Sample) => ({ set_id: s.setId }),
  },
  updateSet: { allow: 'admin manager developer', body: CHANGE },
  createDelta: { allow: 'admin manager developer', body: CHANGE },
  patchDelta: { allow: 'admin manager developer', body: [CHANGE] },
  putDelta: { allow: 'admin manager developer', body: CHANGE },
  archiveDelta: { allow: 'admin manager developer', body: true },
  changeEnvOfDelta: { allow: 'admin manager developer', body: 'staging' },
  changeNameOfDelta: { allow: 'admin manager developer', body: 'Renamed' },
  updatePaused: {
    allow: 'admin manager',
    params: { envId: 'production' },
    body: true,
  },
  patchReplicas: { allow: 'admin manager developer', body: { api: 2 } },
  createWorkloadProfile: {
    allow: 'admin manager',
    body: { id: 'matrix-profile', ...PROFILE },
  },
  updateWorkloadProfile: { allow: 'admin manager', body: PROFILE },
  deleteWorkloadProfile: { allow: 'admin manager' },
  previewProfileImpact: { allow: 'admin manager', body: PROFILE },
  resetDemoData: { allow: 'admin' },
  // Fleet (issue 11): administrators of the source and every target organisation.
  createProfileRollout: {
    allow: 'admin',
    body: { profile_id: 'worker', target_org_ids: ['globex'] },
  },
  createServiceUserInOrg: {
    allow: 'admin',
    body: { name: 'New bot', role: 'member' },
  },
  deleteUserRoleInOrg: { allow: 'admin' },
  updateUserRoleInOrg: { allow: 'admin', body: { role: 'orgViewer' } },
  createUserRoleInApp: {
    allow: 'admin manager',
    params: { userId: 'vic-viewer' },
    body: { id: 'vic-viewer', role: 'viewer' },
  },
  updateUserRoleInApp: { allow: 'admin manager', body: { role: 'developer' } },
  deleteUserRoleInApp: { allow: 'admin manager' },
  createUserRoleInEnvType: {
    allow: 'admin manager',
    body: { id: 'vic-viewer', role: 'deployer' },
  },
  updateUserRoleInEnvType: {
    allow: 'admin manager',
    body: { role: 'deployer' },
  },
  deleteUserRoleInEnvType: { allow: 'admin manager' },
  createUserToken: {
    allow: 'admin',
    body: { id: 'new-token', type: 'static', description: 'Matrix' },
  },
  deleteUserToken: { allow: 'admin' },
  deleteExpiredTokens: { allow: 'admin' },
  createScopedToken: {
    allow: 'admin',
    body: {
      id: 'new-token',
      description: 'Matrix',
      scope: { read_only: true },
    },
  },
  // Pipelines (pipelines-ops.ts): definitions, criteria and runs need `app.edit` and deploy rights on every
  // environment a run names; approvals and canaries deploy rights on their environment.
  createPipeline: {
    allow: 'admin manager developer',
    body: {
      id: 'matrix-new',
      name: 'New',
      on: { pipeline_call: {} },
      jobs: {
        a: {
          steps: [
            { uses: 'actions/humanitec/log@v1', with: { message: 'hi' } },
          ],
        },
      },
    },
  },
  updatePipeline: {
    allow: 'admin manager developer',
    params: { pipelineId: 'matrix-pipeline' },
    body: {
      name: 'Matrix 2',
      on: { pipeline_call: {} },
      jobs: {
        a: {
          steps: [
            { uses: 'actions/humanitec/log@v1', with: { message: 'hi' } },
          ],
        },
      },
    },
  },
  deletePipeline: {
    allow: 'admin manager developer',
    params: { pipelineId: 'matrix-pipeline' },
  },
  createPipelineCriteria: {
    allow: 'admin manager developer',
    params: { pipelineId: 'promote-to-staging' },
    body: { trigger: 'deployment_request', env_id: 'development' },
  },
  deletePipelineCriteria: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      pipelineId: 'promote-to-staging',
      criteriaId: s.pipeline!.criteriaId,
    }),
  },
  createPipelineRunByTriggerCriteria: {
    allow: 'admin manager developer',
    body: { trigger: 'deployment_request', env_id: 'development' },
  },
  createPipelineRun: {
    allow: 'admin manager developer',
    params: { pipelineId: 'matrix-pipeline' },
    body: { inputs: {} },
  },
  deletePipelineRun: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      pipelineId: 'matrix-pipeline',
      runId: s.pipeline!.finishedRunId,
    }),
  },
  cancelPipelineRun: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      pipelineId: 'promote-to-staging',
      runId: s.pipeline!.runId,
    }),
  },
  restartPipelineRun: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      pipelineId: 'matrix-pipeline',
      runId: s.pipeline!.finishedRunId,
    }),
  },
  approvePipelineApprovalRequest: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      pipelineId: 'promote-to-staging',
      runId: s.pipeline!.runId,
      jobId: 'promote-staging',
      approvalId: s.pipeline!.approvalId,
    }),
  },
  denyPipelineApprovalRequest: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      pipelineId: 'promote-to-staging',
      runId: s.pipeline!.runId,
      jobId: 'promote-staging',
      approvalId: s.pipeline!.approvalId,
    }),
  },
  promoteCanary: {
    allow: 'admin manager developer',
    params: { envId: 'staging' },
  },
  abortCanary: {
    allow: 'admin manager developer',
    params: { envId: 'staging' },
    body: { reason: 'matrix' },
  },
  // Clone into staging (dana deploys there); the fingerprint is the target's current one (see the engine's clone-ops.ts).
  applyClone: {
    allow: 'admin manager developer',
    params: { envId: 'staging' },
    body: (s: Sample) => ({
      source_env_id: 'production',
      mode: 'full',
      fingerprint: s.cloneFingerprint,
    }),
  },
  // Artefact versions: administrators, managers and artefact contributors (CI); the demo has acme's images.
  createArtefactVersion: {
    allow: 'admin manager contributor',
    body: {
      type: 'container',
      name: 'registry.acme.dev/shop/api',
      version: '9.9.9',
      commit: 'abcdef1234',
      ref: 'refs/heads/main',
    },
  },
  patchArtefactVersion: {
    allow: 'admin manager contributor',
    params: (s: Sample) => ({
      artefactId: s.artefact!.artefactId,
      versionId: s.artefact!.versionId,
    }),
    body: { archived: true },
  },
  deleteArtefact: {
    allow: 'admin manager contributor',
    params: (s: Sample) => ({ artefactId: s.artefact!.artefactId }),
  },
  // Registries: administrators and managers (the demo has `acme-registry` and `ghcr-acme`).
  createRegistry: {
    allow: 'admin manager',
    body: {
      id: 'matrix-registry',
      registry: 'registry.matrix.example',
      type: 'basic',
    },
  },
  patchRegistry: {
    allow: 'admin manager',
    params: { regId: 'ghcr-acme' },
    body: { id: 'ghcr-acme', registry: 'ghcr.io/acme-corp', type: 'basic' },
  },
  deleteRegistry: {
    allow: 'admin manager',
    params: { regId: 'ghcr-acme' },
  },
  // Secret stores: administrators and managers (the demo has `vault-prod` and `aws-secrets`, which nothing uses).
  createSecretStore: {
    allow: 'admin manager',
    body: {
      id: 'matrix-vault',
      primary: false,
      vault: { url: 'https://vault.example.com:8200' },
    },
  },
  patchSecretStore: {
    allow: 'admin manager',
    params: { storeId: 'vault-prod' },
    body: { primary: true },
  },
  deleteSecretStore: {
    allow: 'admin manager',
    params: { storeId: 'aws-secrets' },
  },
  // Environment types: administrators and managers (the demo's `preview` has no environments yet).
  createEnvironmentType: {
    allow: 'admin manager',
    body: { id: 'matrix-type', description: 'Matrix' },
  },
  updateEnvironmentType: {
    allow: 'admin manager',
    params: { envTypeId: 'preview' },
    body: { description: 'Changed' },
  },
  deleteEnvironmentType: {
    allow: 'admin manager',
    params: { envTypeId: 'preview' },
  },
  // Renaming an environment: who may deploy to it (dana deploys to development).
  updateEnvironment: {
    allow: 'admin manager developer',
    body: { name: 'Dev' },
  },
  // Shared values: an app developer or owner (dana develops shop), managers, administrators (values-seed.ts).
  createAppValue: { allow: 'admin manager developer', body: NEW_VALUE },
  deleteAppValues: { allow: 'admin manager developer' },
  replaceAppValue: {
    allow: 'admin manager developer',
    params: { key: 'LOG_LEVEL' },
    body: { value: 'warn', description: '' },
  },
  patchAppValue: {
    allow: 'admin manager developer',
    params: { key: 'LOG_LEVEL' },
    body: { value: 'warn' },
  },
  deleteAppValue: {
    allow: 'admin manager developer',
    params: { key: 'LOG_LEVEL' },
  },
  createEnvValue: { allow: 'admin manager developer', body: NEW_VALUE },
  deleteEnvValues: { allow: 'admin manager developer' },
  replaceEnvValue: {
    allow: 'admin manager developer',
    params: { key: 'LOG_LEVEL' },
    body: { value: 'warn', description: '' },
  },
  patchEnvValue: {
    allow: 'admin manager developer',
    params: { key: 'LOG_LEVEL' },
    body: { value: 'warn' },
  },
  deleteEnvValue: {
    allow: 'admin manager developer',
    params: { key: 'LOG_LEVEL' },
  },
  restoreAppValueSetVersion: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({ valueSetVersionId: s.values!.appVersionId }),
    body: { comment: 'matrix' },
  },
  restoreAppValueSetVersionKey: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      valueSetVersionId: s.values!.appVersionId,
      key: 'FEATURES',
    }),
    body: {},
  },
  purgeAppValueSetVersionKey: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      valueSetVersionId: s.values!.appVersionId,
      key: 'FEATURES',
    }),
    body: {},
  },
  restoreEnvValueSetVersion: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({ valueSetVersionId: s.values!.envVersionId }),
    body: {},
  },
  restoreEnvValueSetVersionKey: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      valueSetVersionId: s.values!.envVersionId,
      key: 'LOG_LEVEL',
    }),
    body: {},
  },
  purgeEnvValueSetVersionKey: {
    allow: 'admin manager developer',
    params: (s: Sample) => ({
      valueSetVersionId: s.values!.envVersionId,
      key: 'LOG_LEVEL',
    }),
    body: {},
  },
  // Drivers, resource accounts and custom resource types: administrators and managers (drivers-seed.ts: the
  // accounts `aws-prod` and `gcp-dev`, the type `feature-flags` and its driver `acme-flags`).
  createResourceDriver: { allow: 'admin manager', body: MATRIX_DRIVER },
  updateResourceDriver: {
    allow: 'admin manager',
    params: { driverId: 'acme-flags' },
    body: { ...MATRIX_DRIVER, id: undefined, type: 'feature-flags' },
  },
  deleteResourceDriver: {
    allow: 'admin manager',
    params: { driverId: 'acme-flags' },
  },
  createResourceAccount: {
    allow: 'admin manager',
    body: {
      id: 'matrix-account',
      name: 'Matrix',
      type: 'aws-role',
      credentials: { aws_role: 'arn:aws:iam::123456789012:role/matrix' },
    },
  },
  patchResourceAccount: {
    allow: 'admin manager',
    params: { accId: 'gcp-dev' },
    body: { name: 'GCP dev' },
  },
  deleteResourceAccount: {
    allow: 'admin manager',
    params: { accId: 'gcp-dev' },
  },
  checkResourceAccount: {
    allow: 'admin manager',
    params: { accId: 'aws-prod' },
  },
  createResourceType: {
    allow: 'admin manager',
    body: { type: 'matrix-type', use: 'direct' },
  },
  patchResourceType: {
    allow: 'admin manager',
    params: { typeId: 'feature-flags' },
    body: { name: 'Flags' },
  },
  updateResourceType: {
    allow: 'admin manager',
    params: { typeId: 'feature-flags' },
    body: { use: 'direct', name: 'Flags' },
  },
  deleteResourceType: {
    allow: 'admin manager',
    params: { typeId: 'message-queue' },
  },
  // Resource definitions, criteria, versions and classes: administrators and managers (resourcedefs-seed.ts;
  // mysql-default is used by no app). Explaining a match reads the app: who may read shop (not member, contributor).
  createResourceDefinition: {
    allow: 'admin manager',
    body: {
      id: 'matrix-def',
      name: 'Matrix',
      type: 'redis',
      driver_type: 'humanitec/echo',
      criteria: [{ app_id: 'shop' }],
    },
  },
  updateResourceDefinition: {
    allow: 'admin manager',
    params: { defId: 'mysql-default' },
    body: { name: 'MySQL (changed)' },
  },
  patchResourceDefinition: {
    allow: 'admin manager',
    params: { defId: 'mysql-default' },
    body: { driver_inputs: { values: { port: 3307 } } },
  },
  deleteResourceDefinition: {
    allow: 'admin manager',
    params: { defId: 'mysql-default' },
  },
  promoteResourceDefinitionVersion: {
    allow: 'admin manager',
    params: (s: Sample) => ({
      defId: 'postgres-dev',
      defVersionId: s.resourceDef!.olderVersionId,
    }),
  },
  archiveResourceDefinitionVersion: {
    allow: 'admin manager',
    params: (s: Sample) => ({
      defId: 'postgres-dev',
      defVersionId: s.resourceDef!.olderVersionId,
    }),
    body: { archived: true },
  },
  createResourceDefinitionCriteria: {
    allow: 'admin manager',
    params: { defId: 'mysql-default' },
    body: { app_id: 'shop', env_type: 'development' },
  },
  updateResourceDefinitionCriteria: {
    allow: 'admin manager',
    params: { defId: 'mysql-default' },
    body: [{ app_id: 'shop' }],
  },
  deleteResourceDefinitionCriteria: {
    allow: 'admin manager',
    params: (s: Sample) => ({
      defId: 'mysql-default',
      criteriaId: s.resourceDef!.criteriaId,
    }),
  },
  createResourceClass: {
    allow: 'admin manager',
    params: { typeId: 'postgres' },
    body: { id: 'matrix-class', description: 'Matrix' },
  },
  updateResourceClass: {
    allow: 'admin manager',
    params: { typeId: 'postgres', classId: 'large' },
    body: { description: 'Changed' },
  },
  deleteResourceClass: {
    allow: 'admin manager',
    params: { typeId: 'postgres', classId: 'large' },
  },
  explainResourceMatch: {
    allow: 'admin manager developer viewer',
    body: {
      type: 'postgres',
      res_id: 'shared.db',
      app_id: 'shop',
      env_id: 'development',
    },
  },
  // Active resources and graphs: who deploys to the environment (shop/development: Dana too).
  deleteActiveResource: {
    allow: 'admin manager developer',
    params: { type: 'redis', resId: 'shared.cache' },
  },
  pinActiveResource: {
    allow: 'admin manager developer',
    params: { type: 'redis', resId: 'shared.cache' },
    body: { target_def_version_id: null },
  },
  createDependencyGraph: {
    allow: 'admin manager developer',
    body: [{ id: 'shared.db', type: 'postgres' }],
  },
  queryResourceGraph: {
    allow: 'admin manager developer',
    body: [{ id: 'shared.db', type: 'postgres' }],
  },
  // Score (issue 20 §2): converting reads nothing and changes nothing, so every member may (the deploy is checked on its own).
  convertScoreToSet: {
    allow: 'admin manager developer member contributor viewer',
    body: {
      spec: {
        apiVersion: 'score.dev/v1b1',
        metadata: { name: 'matrix' },
        containers: { main: { image: 'registry.acme.dev/matrix:1' } },
      },
    },
  },
  // Operator and GitOps demo actions (issue 21): who deploys to the environment (shop/preview, type development, is
  // the demo's GitOps environment: Dana deploys there).
  causeGitopsDrift: {
    allow: 'admin manager developer',
    params: { envId: 'preview' },
    body: { field: 'replicas' },
  },
  resyncGitops: {
    allow: 'admin manager developer',
    params: { envId: 'preview' },
  },
  setGitopsSecretFault: {
    allow: 'admin manager developer',
    params: { envId: 'preview' },
    body: { broken: false },
  },
  // Agents and public keys (issue 22): administrators only (an agent is a way into private clusters). The demo's
  // edge-eu holds two keys (a rotation half done: its old one can go); spare keys are registered nowhere.
  createAgent: {
    allow: 'admin',
    body: { id: 'matrix-agent', public_key: SPARE_KEY_A },
  },
  patchAgent: {
    allow: 'admin',
    params: { agentId: 'edge-eu' },
    body: { description: 'Changed' },
  },
  deleteAgent: { allow: 'admin', params: { agentId: 'edge-legacy' } },
  createKey: {
    allow: 'admin',
    params: { agentId: 'edge-legacy' },
    body: { public_key: SPARE_KEY_B },
  },
  deleteKeyInAgent: {
    allow: 'admin',
    params: { agentId: 'edge-eu', fingerprint: EDGE_EU_OLD_FINGERPRINT },
  },
  createPublicKey: { allow: 'admin', body: SPARE_KEY_A },
  deletePublicKey: {
    allow: 'admin',
    params: { keyId: '4c0310b415c57aa0d16899f83e4c87bf' },
  },
  setAgentConnectivity: {
    allow: 'admin',
    params: { agentId: 'edge-eu' },
    body: { connected: false },
  },
  // Shells (issue 23 §3): the deployer role of the environment's type, as a deploy; a session is its opener's.
  openShellSession: {
    allow: 'admin manager developer',
    params: { workloadId: 'api' },
    body: { container_id: 'api' },
  },
  runShellCommand: {
    allow: 'admin manager developer',
    prepare: ownShellSession,
    body: { command: 'hostname' },
  },
  closeShellSession: {
    allow: 'admin manager developer',
    prepare: ownShellSession,
  },
};

/**
 * Routes that mint or revoke tokens, manage users or roles at any level, or
 * reset the demo: a scoped token (read-only, some apps, some environment
 * types) is refused all of them, even the token of an administrator, so that
 * a narrow token can never widen itself (access.ts, scopeRefusal).
 */
export const PRIVILEGE_OPERATIONS: readonly HandledOperation[] = [
  'createUserToken',
  'createScopedToken',
  'deleteUserToken',
  'deleteExpiredTokens',
  'createServiceUserInOrg',
  'updateUserRoleInOrg',
  'deleteUserRoleInOrg',
  'createUserRoleInApp',
  'updateUserRoleInApp',
  'deleteUserRoleInApp',
  'createUserRoleInEnvType',
  'updateUserRoleInEnvType',
  'deleteUserRoleInEnvType',
  'createProfileRollout',
  'resetDemoData',
  // Registering an agent or a key of one opens a way into the organisation's private clusters.
  'createAgent',
  'createKey',
];

/**
 * Reads of no app (their path names none) that show data of apps: each keeps
 * only the apps the caller may read, so a member sees those it has a role on
 * (access-matrix.test.ts, "read access"; the engine's appReadFilter).
 */
export const APP_LISTINGS: readonly HandledOperation[] = [
  'listApplications',
  'getNavigationIndex',
  'getOrgHealth',
  'getFleetOverview',
  'getDoraMetrics',
  'listPipelinesInOrg',
  'listPipelineRunsByOrg',
  'listRunningImages',
];

/**
 * Reads of no app that show nothing of an app the caller may not read: the
 * organisation, its environment types, profiles and resource types, users
 * and roles (the caller's own app roles and permissions), tokens
 * (administrators). A new read without `{appId}` must be in this list or in
 * {@link APP_LISTINGS}; the read matrix fails until it is.
 */
export const APP_FREE_READS: readonly HandledOperation[] = [
  'getCurrentUser',
  'listResourceTypes',
  'listOrganizations',
  'getOrganization',
  'listEnvironmentTypes',
  'listWorkloadProfileFeatures',
  'listWorkloadProfiles',
  'getWorkloadProfile',
  'listWorkloadProfileVersions',
  'getLatestWorkloadProfileVersion',
  'getDemoInfo',
  'listUserRolesInOrg',
  'getUserRoleInOrg',
  'getSubjectPermsInOrg',
  'listUserRolesInEnvType',
  'getUserRoleInEnvType',
  'listUserTokens',
  'getUserToken',
  'listOrgTokens',
  'listProfileRollouts',
  'getLatestPipelineDefinitionSchema',
  'listSecretStores',
  'getSecretStore',
  'listArtefactVersionsInOrg',
  'getArtefactVersion',
  'listArtefacts',
  'listArtefactVersions',
  'listRegistries',
  'getRegistry',
  'getRegistryCreds',
  'getEnvironmentType',
  // The audit log names apps in its paths, but only administrators (who read every app) may read it.
  'listAuditLogEntries',
  'searchAuditLog',
  'listEvents',
  // Drivers, resource accounts and account types (issue 20 §1): the organisation's, no app's.
  'listResourceDrivers',
  'getResourceDriver',
  'listResourceAccountTypes',
  'listResourceAccounts',
  'getResourceAccount',
  // Resource definitions, their versions and classes: any member reads them, as Humanitec (no app data).
  'listResourceDefinitions',
  'getResourceDefinition',
  'listResourceDefinitionVersions',
  'getResourceDefinitionVersion',
  'listResourceClasses',
  'getResourceClass',
  // Lists only the active resources of apps the caller may read (appReadFilter); the demo has none until deploys
  // record them, so it cannot be in APP_LISTINGS (whose test needs shop's) yet.
  'listActiveResourceByDefinition',
  // Agents and keys (issue 22): administrators only; the overview names environments, which administrators read.
  'listAgents',
  'listKeysInAgent',
  'listPublicKeys',
  'getPublicKey',
  'listHumanitecPublicKeys',
  'listAgentOverview',
];
