import { Link } from 'react-router';
import type { Pipeline } from '@/api/pipelines';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';

/** Pipelines as a table: name (link), app, triggers, version, created. */
export function PipelineList({
  orgId,
  pipelines,
  showApp = false,
}: {
  orgId: string;
  pipelines: Pipeline[];
  showApp?: boolean;
}) {
  return (
    <DataTable
      label="Pipelines"
      columns={['Pipeline', showApp && 'App', 'Triggers', 'Version', 'Created']}
      rows={pipelines}
      empty={
        <EmptyState title="No pipelines yet">
          Create one to deploy, test, approve and promote in steps: open an
          app’s pipelines and choose “New pipeline”.
        </EmptyState>
      }
      renderRow={(p) => (
        <tr key={`${p.app_id}/${p.id}`}>
          <td className="wrap-anywhere">
            <Link to={paths.pipeline(orgId, p.app_id, p.id)}>{p.name}</Link>
          </td>
          {showApp && (
            <td>
              <Link to={paths.pipelines(orgId, p.app_id)}>{p.app_id}</Link>
            </td>
          )}
          <td>{p.trigger_types.map((t) => t.replace('_', ' ')).join(', ')}</td>
          <td className="mono">{p.version}</td>
          <td>
            <RelativeTime iso={p.created_at} />
          </td>
        </tr>
      )}
    />
  );
}
