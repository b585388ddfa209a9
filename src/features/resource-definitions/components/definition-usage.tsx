import { Link } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useDefinitionResources } from '../queries';
import { IdText } from '@/components/ui/id-text';

/** Which environments use the definition now: the active resources it provisioned. */
export function DefinitionUsage({
  orgId,
  defId,
}: {
  orgId: string;
  defId: string;
}) {
  const resources = useDefinitionResources(orgId, defId);
  return (
    <Panel titleId="usage-heading" title="In use by">
      {resources.isPending && (
        <Skeleton rows={2} label="Loading where it is used" />
      )}
      {resources.isError && (
        <ErrorPanel
          error={resources.error}
          action="load where the definition is used"
          onRetry={() => resources.refetch()}
        />
      )}
      {resources.data && (
        <DataTable
          caption="Active resources provisioned with this definition"
          label="Active resources, scrollable"
          className="defs-table table--stack"
          columns={['Environment', 'Resource', 'Version', 'Status', 'Updated']}
          rows={resources.data}
          empty={
            <PanelBody>
              <p className="muted">
                No environment uses it yet: a deployment whose resource it
                matches provisions one.
              </p>
            </PanelBody>
          }
          renderRow={(r) => (
            <tr key={r.gu_res_id || `${r.app_id}/${r.env_id}/${r.res_id}`}>
              <th scope="row" data-label="Environment">
                <Link to={paths.env(orgId, r.app_id, r.env_id)}>
                  {r.app_id} / {r.env_id}
                </Link>
              </th>
              <td data-label="Resource">
                <code>
                  <IdText text={r.res_id} />
                </code>
                {r.class !== 'default' && (
                  <span className="muted">
                    {' '}
                    (<IdText text={r.class} />)
                  </span>
                )}
              </td>
              <td data-label="Version">
                <ShortId id={r.def_version_id} label="Version id" />
              </td>
              <td data-label="Status">{r.status}</td>
              <td data-label="Updated">
                <RelativeTime iso={r.updated_at} />
              </td>
            </tr>
          )}
        />
      )}
    </Panel>
  );
}
