/**
 * The engine methods of the Operator / GitOps domain: each authorizes its
 * caller (reads: the app; demo actions: deploying to the environment), then
 * runs the domain's operations. The repository port's two calls
 * (pending commits, recording one) are the server's, not the API's.
 */
import type { Actor, Runners } from '../core/context';
import type { GitopsCommitRecord } from '../core/model/operator';
import type { StateV1 } from '../core/state';
import { authorizeEnv, guards } from '../access';
import {
  causeDrift,
  deploymentGitops,
  exportYaml,
  gitopsStatus,
  pendingCommits,
  recordCommit,
  resync,
  setSecretFault,
  type PendingCommit,
} from './ops';

/** The environment's GitOps status (GitopsStatus of the extension spec). */
export type GitopsStatusView = ReturnType<typeof gitopsStatus>;
/** A deployment's export, commit and reconciliation (DeploymentGitops). */
export type DeploymentGitopsView = ReturnType<typeof deploymentGitops>;

/** Operator and GitOps: exports, status, demo actions, the repository port. */
export interface OperatorEngine {
  getDeploymentExport(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
    view?: 'file' | 'full',
  ): { yaml: string; file: string };
  getDeploymentGitops(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ): DeploymentGitopsView;
  getEnvironmentGitops(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): GitopsStatusView;
  causeGitopsDrift(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    body: unknown,
  ): GitopsStatusView;
  resyncGitops(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): GitopsStatusView;
  setGitopsSecretFault(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    body: unknown,
  ): GitopsStatusView;
  /** The GitOps exports no repository commit was recorded for (the server's repository port). */
  pendingGitopsCommits(): PendingCommit[];
  /** Records the commit the repository made for an export; false when it already had one. */
  recordGitopsCommit(
    pending: Pick<
      PendingCommit,
      'orgId' | 'appId' | 'envId' | 'deployId' | 'authorId'
    >,
    commit: GitopsCommitRecord,
  ): boolean;
}

/** What the domain needs beside the runners. */
export interface OperatorOptions {
  /** The engine's current state, read without a caller (the repository port). */
  peek(): StateV1;
  /** Where a GitOps controller reads the repository. */
  repositoryUrl: string;
}

/** The Operator methods over the engine's runners. */
export function operatorMethods(
  runners: Runners,
  options: OperatorOptions,
): OperatorEngine {
  const { readApp, write } = guards(runners);
  const url = options.repositoryUrl;
  const action =
    (
      run: (
        ctx: Parameters<Parameters<typeof write>[1]>[0],
        orgId: string,
        appId: string,
        envId: string,
        body: unknown,
      ) => void,
      doing: string,
    ) =>
    (
      actor: Actor,
      orgId: string,
      appId: string,
      envId: string,
      body?: unknown,
    ) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, `${doing} ${appId}/${envId}`);
        run(ctx, orgId, appId, envId, body);
        return gitopsStatus(ctx, orgId, appId, envId, url);
      });
  return {
    getDeploymentExport: (actor, orgId, appId, envId, deployId, view) =>
      readApp(actor, orgId, appId, (ctx) =>
        exportYaml(ctx, orgId, appId, envId, deployId, view ?? 'file'),
      ),
    getDeploymentGitops: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) =>
        deploymentGitops(ctx, orgId, appId, envId, deployId),
      ),
    getEnvironmentGitops: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) =>
        gitopsStatus(ctx, orgId, appId, envId, url),
      ),
    causeGitopsDrift: action(causeDrift, 'Editing the live cluster of'),
    resyncGitops: action(
      (ctx, orgId, appId, envId) => resync(ctx, orgId, appId, envId),
      'Resyncing',
    ),
    setGitopsSecretFault: action(
      setSecretFault,
      'Changing the in-cluster secrets of',
    ),
    pendingGitopsCommits: () => pendingCommits(options.peek()),
    recordGitopsCommit: (pending, commit) =>
      write({ userId: pending.authorId }, (ctx) =>
        recordCommit(ctx.state, pending, commit),
      ),
  };
}
