import { Link } from 'react-router';
import type { ProfileImpact } from '@/api/profiles';
import { DataTable } from '@/components/ui/data-table';
import { paths } from '@/config/paths';
import { countOf } from '@/lib/format';
import { fieldLabel } from '../utils/field-errors';

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
  const defaults = impact.defaults ?? [];
  const workloads = `workload${checked === 1 ? '' : 's'}`;
  // "refuses none of the 2 workloads", not "0 of the 2".
  const count = refused.length === 0 ? 'none' : refused.length;
  return (
    <div
      className="stack impact-list"
      role="group"
      aria-label={
        publishedVersion ? 'Workloads to fix' : 'Impact of this version'
      }
    >
      <p>
        {checked === 0 ? (
          <strong>
            No workload uses <code>{profileQid}</code> yet: nothing is refused.
          </strong>
        ) : publishedVersion ? (
          <strong>
            Version {publishedVersion} refuses {count} of the {checked}{' '}
            {workloads} that use <code>{profileQid}</code>.
          </strong>
        ) : (
          <strong>
            This version would refuse {count} of the {checked} {workloads} that
            use <code>{profileQid}</code>.
          </strong>
        )}{' '}
        {refused.length > 0 &&
          'Their next deployment fails until they are fixed with the form.'}
      </p>
      {refused.length > 0 && (
        <DataTable
          caption={
            publishedVersion
              ? 'Workloads to fix'
              : 'Workloads this version would refuse'
          }
          captionVisible
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
      )}
      {defaults.length > 0 && (
        <DataTable
          caption={
            publishedVersion
              ? `Defaults version ${publishedVersion} changed`
              : 'Defaults this version changes'
          }
          captionVisible
          columns={
            publishedVersion
              ? ['Field', 'Default before', 'Default now', 'Workloads']
              : ['Field', 'Default now', 'New default', 'Workloads']
          }
          rows={defaults}
          renderRow={(change) => (
            <tr key={change.path}>
              <td>
                <code>{fieldLabel(change.path)}</code>
              </td>
              <td>{shown(change.from)}</td>
              <td>{shown(change.to)}</td>
              <td>
                {change.workloads === 0
                  ? 'None leave it unset'
                  : `${countOf(change.workloads, 'workload')} leave it unset`}
              </td>
            </tr>
          )}
        />
      )}
      {defaults.length > 0 && (
        <p className="muted">
          Where a workload leaves one of these fields unset, its form shows the
          new default.
        </p>
      )}
    </div>
  );
}

/** A default as text: JSON, or "none". */
const shown = (value: unknown) =>
  value === undefined ? (
    <span className="muted">none</span>
  ) : (
    <code>{JSON.stringify(value)}</code>
  );
