import { ApiText } from '@/components/ui/api-text';
import { useState } from 'react';
import type { GitopsResourceStatus } from '@/api/gitops';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { reconcileStatus, sortResources, telling } from './gitops-status';
import './gitops.css';

/** Rows shown before "Show all": every object that is not Ready is always shown. */
export const RECONCILIATION_ROWS = 25;

/**
 * The Operator's reconciliation of each exported object: kind, name, status
 * (Pending, Ready, Failed; icon and word) and the conditions that say why,
 * failed ones first. A long list (a 500-workload export) shows what is not
 * Ready and the first Ready ones, then "Show all". Rows stack as labelled
 * lines on phones.
 */
export function ReconciliationTable({
  resources,
  caption = 'Reconciliation of each resource',
}: {
  resources: readonly GitopsResourceStatus[];
  caption?: string;
}) {
  const [all, setAll] = useState(false);
  const sorted = sortResources(resources);
  const notReady = sorted.filter((r) => r.status !== 'Ready').length;
  const shown = all
    ? sorted
    : sorted.slice(0, Math.max(RECONCILIATION_ROWS, notReady));
  return (
    <>
      <ResourceRows caption={caption} rows={shown} />
      {shown.length < sorted.length && (
        <button
          type="button"
          className="button button--small gitops-more"
          onClick={() => setAll(true)}
        >
          Show all {sorted.length} resources
        </button>
      )}
    </>
  );
}

function ResourceRows({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly GitopsResourceStatus[];
}) {
  return (
    <DataTable
      caption={caption}
      className="gitops-resources table--stack"
      columns={['Object', 'Status', 'Conditions']}
      rows={rows}
      empty={
        <p className="muted gitops-note">
          The Operator holds no resources yet.
        </p>
      }
      renderRow={(resource) => (
        <tr
          key={`${resource.kind}/${resource.name}`}
          data-testid="gitops-resource"
          data-status={resource.status}
        >
          <th scope="row">
            <span className="muted">{resource.kind}</span>{' '}
            <code className="gitops-id">{resource.name}</code>
            {resource.res_id && (
              <div className="muted gitops-resources__res">
                <code className="gitops-id">{resource.res_id}</code>
              </div>
            )}
          </th>
          <td data-label="Status">
            <StatusBadge status={reconcileStatus(resource.status)} />
          </td>
          <td data-label="Conditions">
            <Conditions resource={resource} />
          </td>
        </tr>
      )}
    />
  );
}

function Conditions({ resource }: { resource: GitopsResourceStatus }) {
  const shown = telling(resource.conditions);
  if (shown.length === 0) return <span className="muted">None yet</span>;
  return (
    <ul className="gitops-conditions">
      {shown.map((c) => (
        <li key={c.type}>
          <code>{c.type}</code>{' '}
          <span className="muted">
            {c.status === 'True' ? '' : `${c.reason}: `}
          </span>
          <ApiText text={c.message} />
        </li>
      ))}
    </ul>
  );
}
