import { useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import type { GitopsDriftEdit, GitopsStatus } from '@/api/gitops';
import type { Environment } from '@/api/types';
import { CommitSummary } from '@/components/gitops/commit-summary';
import {
  MODE_DESCRIPTIONS,
  MODE_LABELS,
  reconcileSummary,
  syncStatus,
} from '@/components/gitops/gitops-status';
import { ReconciliationTable } from '@/components/gitops/reconciliation-table';
import { CopyIconButton } from '@/components/ui/copy-icon-button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { countOf, shortId } from '@/lib/format';
import { useGitopsAction, type GitopsAction } from '../mutations';
import { useEnvironmentGitops } from '../queries';
import { GitopsDrift } from './gitops-drift';
import './gitops.css';

interface Props {
  orgId: string;
  appId: string;
  env: Environment;
}

/**
 * How an operator or GitOps environment is delivered: the repository, branch
 * and last commit, the controller's sync status, the drift between git and the
 * cluster (field by field) with a Resync, the Operator's reconciliation of each
 * resource, and two demo actions that simulate changes made outside the
 * console. Nothing for a direct environment or an API without the extension.
 */
export function GitopsPanel({ orgId, appId, env }: Props) {
  const query = useEnvironmentGitops(orgId, appId, env.id);
  if (query.isError && query.data === undefined)
    return (
      <Panel title="Delivery">
        <PanelBody>
          <ErrorPanel
            error={query.error}
            action="load how this environment is delivered"
            onRetry={() => void query.refetch()}
          />
        </PanelBody>
      </Panel>
    );
  const status = query.data;
  if (!status || status.mode === 'direct') return null;
  return (
    <GitopsStatusPanel orgId={orgId} appId={appId} env={env} status={status} />
  );
}

/** The mode the environment deploys in (direct, Operator, GitOps); nothing until known or without the extension. */
export function GitopsModeBadge({
  orgId,
  appId,
  envId,
}: {
  orgId: string;
  appId: string;
  envId: string;
}) {
  const { data } = useEnvironmentGitops(orgId, appId, envId);
  if (!data) return null;
  return (
    <span
      className={`gitops-mode gitops-mode--${data.mode}`}
      data-testid="deployment-mode"
      title={MODE_DESCRIPTIONS[data.mode]}
    >
      <span className="visually-hidden">Deploys with: </span>
      {MODE_LABELS[data.mode]}
    </span>
  );
}

/** What the drift demo can edit, as someone would with kubectl (the first option is the API's default). */
const DRIFT_EDITS: ReadonlyArray<{ value: GitopsDriftEdit; label: string }> = [
  { value: 'replicas', label: 'Replicas (kubectl scale)' },
  { value: 'image', label: 'Image (kubectl set image)' },
  { value: 'env', label: 'Env var LOG_LEVEL (kubectl set env)' },
  { value: 'memory_limit', label: 'Memory limit (kubectl set resources)' },
  { value: 'label', label: 'Label debug (kubectl label)' },
];

/** One sentence on the sync: what the cluster runs and what comes next. */
function syncSentence(status: GitopsStatus) {
  const { sync, drift, resources } = status;
  const revision = sync.revision
    ? status.mode === 'gitops'
      ? `commit ${shortId(sync.revision, 7)}`
      : `deployment ${shortId(sync.revision)}`
    : undefined;
  if (sync.status === 'OutOfSync' && drift.length > 0)
    return `Out of sync: the cluster differs from git in ${countOf(drift.length, 'field')}.`;
  if (sync.status === 'OutOfSync')
    return 'Out of sync: git holds a commit the cluster does not run yet.';
  if (sync.status === 'Progressing')
    return revision
      ? `Progressing: the cluster is moving to ${revision}.`
      : 'Progressing: the controller is syncing.';
  if (sync.status === 'Synced')
    return `Synced${revision ? ` to ${revision}` : ''}: ${reconcileSummary(resources).text}.`;
  return 'The sync status is unknown.';
}

function GitopsStatusPanel({
  orgId,
  appId,
  env,
  status,
}: Props & { status: GitopsStatus }) {
  const action = useGitopsAction(orgId, appId, env.id);
  const [driftEdit, setDriftEdit] = useState<GitopsDriftEdit>('replicas');
  const may = useCan(orgId, 'deploy', { appId, envType: env.type });
  const title = status.mode === 'gitops' ? 'GitOps' : 'Operator';
  const run = (next: GitopsAction, done: string) => {
    action.mutate(next, { onSuccess: () => toast.success(done) });
  };
  const failed = reconcileSummary(status.resources).counts.Failed > 0;
  return (
    <Panel
      title={title}
      failure={failed}
      className="gitops-panel"
      data-testid="gitops-panel"
      actions={
        <div className="row">
          <StatusBadge status={syncStatus(status.sync.status)} />
          <GuardedButton
            can={may}
            className="button"
            disabled={action.isPending}
            onClick={() => run({ kind: 'resync' }, `Resynced ${env.name}`)}
          >
            Resync
          </GuardedButton>
        </div>
      }
    >
      <PanelBody className="stack">
        <p aria-live="polite" data-testid="gitops-sync-summary">
          {syncSentence(status)}
          {status.sync.next_sync_at && (
            <>
              {' '}
              <span className="muted">
                Next sync{' '}
                <RelativeTime iso={status.sync.next_sync_at} ticking={false} />.
              </span>
            </>
          )}
        </p>
        {action.isError && (
          <ErrorPanel error={action.error} action="run the action" />
        )}
        <dl className="kv">
          {status.repository && (
            <>
              <dt>Repository</dt>
              <dd>
                <code className="gitops-id">{status.repository.url}</code>{' '}
                <CopyIconButton
                  text={status.repository.url}
                  label="repository URL"
                />
              </dd>
              <dt>Branch</dt>
              <dd>
                <code>{status.repository.branch}</code>
              </dd>
              <dt>Folder</dt>
              <dd>
                <code className="gitops-id">{status.repository.path}</code>
              </dd>
            </>
          )}
          {status.mode === 'gitops' && (
            <>
              <dt>Last commit</dt>
              <dd>
                {status.last_commit ? (
                  <CommitSummary
                    commit={status.last_commit}
                    showFiles={false}
                  />
                ) : (
                  <span className="muted">Nothing committed yet.</span>
                )}
              </dd>
            </>
          )}
          {status.sync.synced_at && (
            <>
              <dt>Last sync</dt>
              <dd>
                <RelativeTime iso={status.sync.synced_at} />
              </dd>
            </>
          )}
          <dt>Operator</dt>
          <dd>
            {status.operator_version ? (
              <>
                version <code>{status.operator_version}</code>
              </>
            ) : (
              <span className="muted">Version unknown</span>
            )}
          </dd>
          {status.cluster && (
            <>
              <dt>Cluster</dt>
              <dd>
                <Link
                  to={paths.resourceDef(
                    orgId,
                    status.cluster.def_id,
                    'k8s-cluster',
                  )}
                >
                  {status.cluster.def_id}
                </Link>{' '}
                <span className="muted">({status.cluster.driver_type})</span>
              </dd>
            </>
          )}
        </dl>
        {status.drift.length > 0 && (
          <section aria-labelledby="gitops-drift-heading">
            <h3 id="gitops-drift-heading">Drift</h3>
            <GitopsDrift drift={status.drift} />
          </section>
        )}
        <section aria-labelledby="gitops-resources-heading">
          <h3 id="gitops-resources-heading">
            Resources{' '}
            <span className="muted">
              {reconcileSummary(status.resources).text}
            </span>
          </h3>
          <p className="muted small">
            Ready means the{' '}
            {status.mode === 'gitops' ? 'controller' : 'Operator'} applied the
            object to the cluster; whether its containers keep running is the
            environment&rsquo;s health, above.
          </p>
          <ReconciliationTable
            resources={status.resources}
            caption="Reconciliation of each resource in the cluster"
          />
        </section>
        <section aria-labelledby="gitops-demo-heading" className="gitops-demo">
          <h3 id="gitops-demo-heading">Demo actions</h3>
          <p className="muted">
            These simulate someone changing the cluster outside the console, to
            show how drift and Operator failures look. They change only the
            simulated cluster, never git.
          </p>
          <div className="row">
            <label className="field">
              Live edit{' '}
              <select
                className="select"
                value={driftEdit}
                onChange={(e) =>
                  setDriftEdit(e.target.value as GitopsDriftEdit)
                }
              >
                {DRIFT_EDITS.map((edit) => (
                  <option key={edit.value} value={edit.value}>
                    {edit.label}
                  </option>
                ))}
              </select>
            </label>
            <GuardedButton
              can={may}
              className="button"
              disabled={action.isPending}
              onClick={() =>
                run(
                  { kind: 'drift', field: driftEdit },
                  'Demo: a live workload was edited in the cluster',
                )
              }
            >
              Demo: edit a live workload (cause drift)
            </GuardedButton>
            <GuardedButton
              can={may}
              className="button"
              disabled={action.isPending}
              onClick={() =>
                run(
                  { kind: 'secret-fault', broken: !status.secret_fault },
                  status.secret_fault
                    ? 'Demo: in-cluster secrets restored'
                    : 'Demo: in-cluster secrets deleted',
                )
              }
            >
              {status.secret_fault
                ? 'Demo: restore the in-cluster secrets'
                : 'Demo: delete an in-cluster secret'}
            </GuardedButton>
          </div>
        </section>
        <p className="muted">
          <Link to={paths.gitopsSetup(orgId, { appId, envId: env.id })}>
            Operator and GitOps setup
          </Link>
          : install the Operator and point Argo CD or Flux at this folder.
        </p>
      </PanelBody>
    </Panel>
  );
}
