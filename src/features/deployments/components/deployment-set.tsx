import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { count, profileLabel, vocabulary } from '@/lib/vocabulary';
import { useDeploymentSet } from '../queries';
import { ImageRef } from '@/components/ui/image-ref';
import { ShowAllToggle } from '@/components/ui/show-all-toggle';

/**
 * Workloads listed before "Show all": a 500-workload set's table was half the
 * deployment page's elements (8,000 of 16,000) and most of its time to show.
 */
export const SET_WORKLOADS_SHOWN = 25;

/** The workloads and shared resources a deployment set holds. */
export function DeploymentSetView({
  orgId,
  appId,
  envId,
  setId,
}: {
  orgId: string;
  appId: string;
  /** The environment deployed: each shared resource links to which definition matches it there. */
  envId?: string;
  setId: string;
}) {
  const set = useDeploymentSet(orgId, appId, setId);
  const [showAll, setShowAll] = useState(false);
  if (set.isPending)
    return <Skeleton rows={4} label="Loading the deployment set" />;
  if (set.isError)
    return (
      <ErrorPanel
        error={set.error}
        action="load the deployment set"
        onRetry={() => set.refetch()}
      />
    );
  const workloads = Object.entries(set.data.modules).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const shared = Object.entries(set.data.shared).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <Panel
      titleId="set-heading"
      title={vocabulary.set.title}
      actions={
        <span className="muted">
          {count(workloads.length, 'modules')} ·{' '}
          {count(shared.length, 'shared')}
        </span>
      }
    >
      <PanelBody flush>
        <DataTable
          caption="Workloads in this deployment"
          className="table--wrap"
          columns={[
            'Workload',
            'Profile',
            'Containers',
            vocabulary.externals.title,
          ]}
          rows={showAll ? workloads : workloads.slice(0, SET_WORKLOADS_SHOWN)}
          empty={<EmptyState title="This set has no workloads" />}
          renderRow={([id, w]) => {
            const containers = Object.entries(
              (
                w.spec as {
                  containers?: Record<string, { image?: unknown }>;
                }
              ).containers ?? {},
            );
            return (
              <tr key={id}>
                <td>
                  <code>{id}</code>
                </td>
                <td>{profileLabel(w.profile)}</td>
                <td>
                  {containers.map(([cid, c]) => (
                    <div key={cid} className="row">
                      <span className="mono">{cid}:</span>{' '}
                      <ImageRef
                        image={typeof c?.image === 'string' ? c.image : ''}
                      />
                    </div>
                  ))}
                </td>
                <td>
                  {Object.keys(w.externals ?? {}).join(', ') || (
                    <span className="muted">None</span>
                  )}
                </td>
              </tr>
            );
          }}
        />
        {workloads.length > SET_WORKLOADS_SHOWN && (
          <PanelBody>
            <ShowAllToggle
              all={showAll}
              total={workloads.length}
              first={SET_WORKLOADS_SHOWN}
              noun="workloads"
              onToggle={() => setShowAll((all) => !all)}
            />
          </PanelBody>
        )}
        {shared.length > 0 && (
          <PanelBody>
            <h3>{vocabulary.shared.title}</h3>
            <ul
              className="row"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {shared.map(([name, res]) => {
                const { type = '', class: cls } = res as {
                  type?: string;
                  class?: string;
                };
                return (
                  <li key={name} className="chip">
                    <code>{name}</code> {type}
                    {envId && type && (
                      <>
                        {' · '}
                        <Link
                          to={paths.resourceMatch(orgId, {
                            app: appId,
                            env: envId,
                            type,
                            class: cls,
                            res: `shared.${name}`,
                          })}
                          aria-label={`Which definition matches shared resource ${name}?`}
                        >
                          Which definition?
                        </Link>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </PanelBody>
        )}
      </PanelBody>
    </Panel>
  );
}
