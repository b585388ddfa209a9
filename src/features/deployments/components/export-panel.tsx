import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeploymentGitops } from '@/api/gitops';
import { gitopsQueries } from '@/api/queries/gitops';
import { CommitSummary } from '@/components/gitops/commit-summary';
import {
  MODE_LABELS,
  exportStatus,
  reconcileSummary,
} from '@/components/gitops/gitops-status';
import { ReconciliationTable } from '@/components/gitops/reconciliation-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { shortId } from '@/lib/format';
import { useDeploymentExport, useDeploymentGitops } from '../queries';
import { ExportDiffView } from './export-diff';
import './export.css';

interface Props {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
}

/**
 * What an operator or GitOps deployment exported: its status and file with a
 * download, the commit that holds it (sha, files changed), the manifest diff
 * against the previous export, and the Operator's reconciliation of each
 * resource. Nothing for a direct deployment or an API without the extension.
 */
export function ExportPanel(props: Props) {
  const { orgId, appId, envId, deployId } = props;
  const query = useDeploymentGitops(orgId, appId, envId, deployId);
  if (query.isError && query.data === undefined)
    return (
      <Panel title="Export">
        <PanelBody>
          <ErrorPanel
            error={query.error}
            action="load the deployment's export"
            onRetry={() => void query.refetch()}
          />
        </PanelBody>
      </Panel>
    );
  const gitops = query.data;
  if (!gitops || gitops.mode === 'direct') return null;
  return <ExportDetails {...props} gitops={gitops} />;
}

function ExportDetails({
  orgId,
  appId,
  envId,
  deployId,
  gitops,
}: Props & { gitops: DeploymentGitops }) {
  const written = gitops.export_status === 'succeeded';
  const failed = reconcileSummary(gitops.resources).counts.Failed > 0;
  return (
    <Panel
      title={`Export (${MODE_LABELS[gitops.mode]})`}
      failure={gitops.export_status === 'failed' || failed}
      className="export-panel"
      data-testid="export-panel"
      actions={
        <div className="row">
          <StatusBadge status={exportStatus(gitops.export_status)} />
          {written && (
            <DownloadExport
              path={{ orgId, appId, envId, deployId }}
              file={gitops.export_file}
            />
          )}
        </div>
      }
    >
      <PanelBody className="stack">
        {gitops.export_file && (
          <p>
            File <code className="gitops-id">{gitops.export_file}</code>
          </p>
        )}
        {gitops.export_status === 'failed' && (
          <p role="alert" className="error-message">
            {gitops.export_error ?? 'The export failed.'}
          </p>
        )}
        {gitops.export_status === 'pending' && (
          <p className="muted">The engine is rendering the export.</p>
        )}
        {gitops.mode === 'gitops' && (
          <section aria-labelledby="export-commit-heading">
            <h3 id="export-commit-heading">Commit</h3>
            {gitops.commit ? (
              <CommitSummary commit={gitops.commit} />
            ) : (
              <p className="muted">Not committed yet.</p>
            )}
          </section>
        )}
        {written && (
          <section aria-labelledby="export-diff-heading">
            <h3 id="export-diff-heading">Manifest diff</h3>
            <ManifestDiff
              path={{ orgId, appId, envId, deployId }}
              previousDeployId={gitops.previous_deploy_id ?? undefined}
            />
          </section>
        )}
        <section aria-labelledby="export-reconcile-heading">
          <h3 id="export-reconcile-heading">
            Reconciliation{' '}
            <span className="muted">
              {reconcileSummary(gitops.resources).text}
            </span>
          </h3>
          <ReconciliationTable
            resources={gitops.resources}
            caption="The Operator's reconciliation of each exported resource"
          />
        </section>
      </PanelBody>
    </Panel>
  );
}

/** Both exports (every object, `view=full`), then their diff. */
function ManifestDiff({
  path: { orgId, appId, envId, deployId },
  previousDeployId,
}: {
  path: Props;
  previousDeployId: string | undefined;
}) {
  const current = useDeploymentExport(orgId, appId, envId, deployId, 'full');
  const previous = useDeploymentExport(
    orgId,
    appId,
    envId,
    previousDeployId,
    'full',
  );
  const error = current.error ?? previous.error;
  if (error)
    return (
      <ErrorPanel
        error={error}
        action="load the exports to compare"
        onRetry={() => {
          void current.refetch();
          if (previousDeployId) void previous.refetch();
        }}
      />
    );
  if (current.data === undefined || (previousDeployId && !previous.data))
    return <Skeleton rows={3} label="Loading the exports to compare" />;
  return (
    <ExportDiffView
      before={previousDeployId ? previous.data : undefined}
      after={current.data}
      previousLabel={
        previousDeployId ? `deployment ${shortId(previousDeployId)}` : undefined
      }
    />
  );
}

/** The export file's name without its folders. */
const baseName = (file: string) => file.split('/').pop() || 'export.yaml';

/** Downloads the export as written (`view=file`). */
function DownloadExport({ path, file }: { path: Props; file: string }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const text = await queryClient.fetchQuery(
        gitopsQueries.export(
          path.orgId,
          path.appId,
          path.envId,
          path.deployId,
          'file',
        ),
      );
      const url = URL.createObjectURL(
        new Blob([text], { type: 'application/yaml' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = baseName(file || `${path.deployId}.yaml`);
      link.click();
      // The click has handed the blob to the download; the URL is not needed after this task.
      setTimeout(() => URL.revokeObjectURL(url));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => void download()}
        disabled={busy}
      >
        Download export
      </button>
      {error !== undefined && (
        <span role="alert" className="error-message">
          The export could not be downloaded:{' '}
          {error instanceof Error ? error.message : String(error)}
        </span>
      )}
    </>
  );
}
