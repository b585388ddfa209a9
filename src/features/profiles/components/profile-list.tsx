import { Link } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { profileStatus } from '@/lib/status';
import { useProfiles } from '../queries';
import { isBuiltin, qidOf } from '../utils/profile-ids';

/** The organisation's workload profiles: built-ins first, then its own. */
export function ProfileList({
  orgId,
  showDeprecated,
}: {
  orgId: string;
  showDeprecated: boolean;
}) {
  const { data: profiles } = useProfiles(orgId, showDeprecated);
  if (profiles.length === 0) {
    return (
      <EmptyState title="No workload profiles">
        Create one with{' '}
        <Link to={paths.profile(orgId, 'new')}>New profile</Link> or start from
        an example below.
      </EmptyState>
    );
  }
  return (
    <DataTable
      caption="Workload profiles"
      className="table--wrap"
      columns={['Profile', 'Description', 'Version', 'Status', 'Updated']}
      rows={profiles}
      renderRow={(profile) => {
        const qid = qidOf(profile);
        return (
          <tr key={qid}>
            <td>
              <Link className="mono" to={paths.profile(orgId, qid)}>
                {qid}
              </Link>
              {isBuiltin(profile) && (
                <span className="chip profile-chip">Built-in</span>
              )}
            </td>
            <td>
              {profile.description || (
                <span className="muted">No description</span>
              )}
            </td>
            <td className="mono">{profile.version}</td>
            <td>
              <StatusBadge
                status={profileStatus(profile.deprecation_message)}
              />
            </td>
            <td>
              <RelativeTime iso={profile.updated_at} />
            </td>
          </tr>
        );
      }}
    />
  );
}
