import type { ResolvedPlaceholder } from '@/api/deployments';
import { DataTable } from '@/components/ui/data-table';
import { IdText, ValueText } from '@/components/ui/id-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useDeployPlaceholders } from '../queries';
import './workload-placeholders.css';

/**
 * What the workload's resource placeholders (`${shared.db.host}`,
 * `${externals.cache.url}`, `${context.env.id}`…) became in its deployment:
 * each field as written and as the workload got it. A field that reads a
 * secret output shows the secret's reference, never a value. Nothing when the
 * workload has none, or the API does not offer the extension.
 */
export function WorkloadPlaceholders({
  orgId,
  appId,
  envId,
  deployId,
  workloadId,
}: {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
  workloadId: string;
}) {
  const query = useDeployPlaceholders(orgId, appId, envId, deployId);
  if (query.isPending)
    return <Skeleton rows={2} label="Loading the filled placeholders" />;
  if (query.isError)
    return (
      <ErrorPanel
        error={query.error}
        action="load the placeholders the deployment filled"
        onRetry={() => void query.refetch()}
      />
    );
  const fields = (query.data ?? []).filter((f) => f.workload_id === workloadId);
  if (fields.length === 0) return null;
  return (
    <Panel
      titleId="workload-placeholders-heading"
      title="Resource outputs this workload reads"
    >
      <PanelBody>
        <p className="muted">
          As deployment <code>{deployId}</code> filled them from its resources’
          outputs.
        </p>
        <DataTable
          className="table--stack"
          caption="Filled placeholders"
          columns={['Field', 'As written', 'Filled']}
          rows={fields}
          renderRow={(field) => (
            <tr key={field.field}>
              <th scope="row" data-label="Field">
                <code>
                  <IdText text={field.field.replace(/^spec\./, '')} />
                </code>
              </th>
              <td className="placeholder-cell" data-label="As written">
                <code>
                  <ValueText text={field.template} />
                </code>
              </td>
              <td className="placeholder-cell" data-label="Filled">
                <Filled field={field} />
              </td>
            </tr>
          )}
        />
      </PanelBody>
    </Panel>
  );
}

function Filled({ field }: { field: ResolvedPlaceholder }) {
  if (field.secret)
    return (
      <span>
        Secret, from{' '}
        {(field.secret_refs ?? []).map((ref, i) => (
          <span key={ref}>
            {i > 0 && ', '}
            <code>{ref}</code>
          </span>
        ))}
      </span>
    );
  if (field.value === undefined)
    return <span className="muted">Not filled (see the deployment)</span>;
  return (
    <code>
      <ValueText text={field.value} />
    </code>
  );
}
