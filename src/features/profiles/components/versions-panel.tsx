import type { WorkloadProfileVersion } from '@/api/types';
import { Panel } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { profileStatus } from '@/lib/status';
import { DataTable } from '@/components/ui/data-table';

/** The published versions of a profile, newest first; any of them can be opened in the editor. */
export function VersionsPanel({
  versions,
  onOpen,
}: {
  versions: WorkloadProfileVersion[];
  onOpen: (version: WorkloadProfileVersion) => void;
}) {
  return (
    <Panel
      titleId="versions-heading"
      className="designer__versions"
      title="Versions"
      actions={<span className="muted">{versions.length} published</span>}
    >
      <DataTable
        caption="Versions"
        columns={[
          'Version',
          'Status',
          'Published',
          'By',
          <span className="visually-hidden">Actions</span>,
        ]}
        rows={versions}
        renderRow={(version, i) => (
          <tr key={version.id}>
            <td className="mono">
              {version.id} {i === 0 && <span className="chip">current</span>}
            </td>
            <td>
              <StatusBadge
                status={profileStatus(version.deprecation_message)}
              />
            </td>
            <td>
              <RelativeTime iso={version.created_at} />
            </td>
            <td>{version.created_by}</td>
            <td>
              <button
                type="button"
                className="button button--small"
                onClick={() => onOpen(version)}
                aria-label={`Open version ${version.id} in the editor`}
              >
                Open in the editor
              </button>
            </td>
          </tr>
        )}
      />
    </Panel>
  );
}
