import { Link } from 'react-router';
import { ApiText } from '@/components/ui/api-text';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import {
  hasDefinitionPage,
  nodeStatusView,
  type GraphModel,
  type NodeDefinition,
} from '../utils/resource-graph-model';

/** The resource graph as a table (the same nodes and edges, failed first), for screen readers and small screens. */
export function ResourceGraphTable({
  model,
  orgId,
}: {
  model: GraphModel;
  orgId: string;
}) {
  const idOf = (key: string) => model.byKey.get(key)?.id ?? key;
  return (
    <DataTable
      caption="Workloads and resources of this deployment, failed first, with what each depends on"
      className="table--wrap resource-graph__table"
      columns={[
        'Status',
        'Workload or resource',
        'Type',
        'Class',
        'Definition',
        'Depends on',
        'Used by',
      ]}
      rows={model.nodes}
      renderRow={(node) => (
        <tr key={node.key}>
          <td>
            <StatusBadge status={nodeStatusView(node)} />
          </td>
          <td>
            <code>{node.id}</code>
            {node.errors.map((error, i) => (
              <div key={i} className="small">
                <ApiText text={error.message} />
              </div>
            ))}
          </td>
          <td>{node.type}</td>
          <td>{node.class}</td>
          <td>
            {node.kind === 'workload' ? (
              <span className="muted">n/a</span>
            ) : (
              <DefinitionCell orgId={orgId} definition={node.definition} />
            )}
          </td>
          <td>
            <IdList ids={node.dependsOn.map(idOf)} />
          </td>
          <td>
            <IdList ids={node.usedBy.map(idOf)} />
          </td>
        </tr>
      )}
    />
  );
}

function IdList({ ids }: { ids: string[] }) {
  if (ids.length === 0) return <span className="muted">None</span>;
  return (
    <>
      {ids.map((id, i) => (
        <span key={`${id}-${i}`}>
          {i > 0 && ', '}
          <code>{id}</code>
        </span>
      ))}
    </>
  );
}

/** A definition's id (linked to its page when it has one) and driver. */
export function DefinitionCell({
  orgId,
  definition,
}: {
  orgId: string;
  definition: NodeDefinition | undefined;
}) {
  if (!definition) return <span className="muted">None matched</span>;
  return (
    <>
      {hasDefinitionPage(definition) ? (
        <Link to={paths.resourceDef(orgId, definition.defId)}>
          <code>{definition.defId}</code>
        </Link>
      ) : (
        <code>{definition.defId}</code>
      )}
      {definition.driverType && (
        <div className="small muted">
          driver <code>{definition.driverType}</code>
        </div>
      )}
    </>
  );
}
