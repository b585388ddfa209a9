import { Link } from 'react-router';
import type { ProfileImpact } from '@/api/profiles';
import { DataTable } from '@/components/ui/data-table';
import { paths } from '@/config/paths';

/**
 * The workloads a candidate version would refuse, each with its problems and a
 * link to its form (where the refused fields are marked), before publishing;
 * after publishing (`publishedVersion`), the same list as the workloads to fix.
 */
export function ImpactList({
  orgId,
  profileQid,
  impact,
  publishedVersion,
}: {
  orgId: string;
  profileQid: string;
  impact: ProfileImpact;
  publishedVersion?: string;
}) {
  const { checked, refused } = impact;
  const workloads = `workload${checked === 1 ? '' : 's'}`;
  return (
    <div
      className="stack"
      role="group"
      aria-label={
        publishedVersion ? 'Workloads to fix' : 'Impact of this version'
      }
    >
      <p>
        {publishedVersion ? (
          <strong>
            Version {publishedVersion} refuses {refused.length} of the {checked}{' '}
            {workloads} that use <code>{profileQid}</code>.
          </strong>
        ) : (
          <strong>
            This version would refuse {refused.length} of the {checked}{' '}
            {workloads} that use <code>{profileQid}</code>.
          </strong>
        )}{' '}
        Their next deployment fails until they are fixed with the form.
      </p>
      <DataTable
        caption={
          publishedVersion
            ? 'Workloads to fix'
            : 'Workloads this version would refuse'
        }
        columns={['Workload', 'Problems']}
        rows={refused}
        renderRow={(entry) => (
          <tr key={`${entry.app_id}/${entry.env_id}/${entry.workload_id}`}>
            <td>
              <Link
                to={paths.workloadEdit(
                  orgId,
                  entry.app_id,
                  entry.env_id,
                  entry.workload_id,
                )}
              >
                {entry.app_id} / {entry.env_id} / {entry.workload_id}
              </Link>
            </td>
            <td>
              <ul className="impact-list__problems">
                {entry.errors.map((e) => (
                  <li key={`${e.path}:${e.message}`}>
                    <code>
                      {e.field.replace(/^modules\.[^.]+\.spec\.?/, '') ||
                        'spec'}
                    </code>
                    : {e.message}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        )}
      />
    </div>
  );
}
