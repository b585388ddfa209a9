/**
 * The Operator and GitOps extension API (issue 21; tag `Gitops` of
 * `console-extensions.yaml`): how an environment deploys (direct, operator,
 * GitOps), its repository, last commit, sync and drift; a deployment's
 * export, commit and per-resource reconciliation; and the demo actions
 * (cause drift, resync, break the in-cluster secrets).
 *
 * Reads answer `null` when the API does not offer the extension (a real
 * Humanitec API), so pages can leave the GitOps panels out.
 */
import { ApiError, api, unwrap } from './client';
import { optionalExtension } from './health';
import type { components } from './schema-extensions';

type Schemas = components['schemas'];

export type DeploymentMode = Schemas['DeploymentMode'];
export type GitopsStatus = Schemas['GitopsStatus'];
export type GitopsSync = Schemas['GitopsSync'];
export type GitopsCommit = Schemas['GitopsCommit'];
export type GitopsCommitFile = Schemas['GitopsCommitFile'];
export type GitopsRepository = Schemas['GitopsRepository'];
export type GitopsDriftField = Schemas['GitopsDriftField'];
export type GitopsResourceStatus = Schemas['GitopsResourceStatus'];
export type GitopsCondition = Schemas['GitopsCondition'];
export type DeploymentGitops = Schemas['DeploymentGitops'];
export type GitopsDriftRequest = Schemas['GitopsDriftRequest'];
/** What the drift demo edits in a live workload (replicas, image, an env var, the memory limit, a label). */
export type GitopsDriftEdit = NonNullable<GitopsDriftRequest['field']>;

/** Which export: the file as written (`file`, an incremental deployment's holds what changed) or every object (`full`). */
export type ExportView = 'file' | 'full';

type EnvPath = { orgId: string; appId: string; envId: string };
type DeployPath = EnvPath & { deployId: string };

/** The environment's mode, repository, last commit, sync, drift and resources; null without the extension. */
export function getEnvironmentGitops(path: EnvPath) {
  return optionalExtension(
    unwrap(
      api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/gitops', {
        params: { path },
      }),
    ),
  );
}

/** A deployment's export status, commit, previous export and reconciliation; null without the extension. */
export function getDeploymentGitops(path: DeployPath) {
  return optionalExtension(
    unwrap(
      api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/console/gitops',
        { params: { path } },
      ),
    ),
  );
}

/**
 * A deployment's export as its YAML stream. Throws the API's error: 404 when
 * it has none (direct environment, failed export), 409 while it is pending.
 */
export async function getDeploymentExport(
  path: DeployPath,
  view: ExportView = 'file',
): Promise<string> {
  const text = await unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/export',
      {
        params: { path, query: { view } },
        parseAs: 'text',
      },
    ),
  );
  if (typeof text !== 'string')
    throw new ApiError(502, {
      error: 'API-502',
      message: 'The export was not a YAML text.',
    });
  return text;
}

/** Demo action: edit a live workload in the cluster ("kubectl edit"), so live differs from git. */
export function causeGitopsDrift(path: EnvPath, body: GitopsDriftRequest = {}) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/gitops/drift', {
      params: { path },
      body,
    }),
  );
}

/** Sync the cluster to git now: drift is overwritten and every resource reconciled again. */
export function resyncGitops(path: EnvPath) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/gitops/resync', {
      params: { path },
    }),
  );
}

/** Demo action: remove (`broken: true`) or restore the environment's secrets in the in-cluster store. */
export function setGitopsSecretFault(path: EnvPath, broken: boolean) {
  return unwrap(
    api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/gitops/secret-fault',
      { params: { path }, body: { broken } },
    ),
  );
}
