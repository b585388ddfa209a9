import type { GitopsResourceStatus } from '@/api/gitops';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { reconcileStatus, sortResources, telling } from './gitops-status';
import './gitops.css';

/**
 * The Operator's reconciliation of each exported object: kind, name, status
 * (Pending, Ready, Failed; icon and word) and the conditions that say why,
 * failed ones first. Rows stack as labelled lines on phones.
 */
export function ReconciliationTable({
  resources,
  caption = 'Reconciliation of each resource',
}: {
  resources: readonly GitopsResourceStatus[];
  caption?: string;
}) {
  return (
    <DataTable
      caption={caption}
      className="gitops-resources table--stack"
      columns={['Object', 'Status', 'Conditions']}
      rows={sortResources(resources)}
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
          {c.message}
        </li>
      ))}
    </ul>
  );
}
