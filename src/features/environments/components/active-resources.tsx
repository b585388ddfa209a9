import { Link } from 'react-router';
import type { ActiveResource } from '@/api/active-resources';
import type { Environment } from '@/api/types';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { IdText } from '@/components/ui/id-text';
import { Panel } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { countOf, shortId } from '@/lib/format';
import type { StatusView } from '@/lib/status';
import { useActiveResources } from '../queries';
import { DeleteResource, PinResource } from './active-resources-actions';
import './active-resources.css';

/** An active resource's status in the console's vocabulary (the spec's status is a free string). */
export function resourceStatus(resource: ActiveResource): StatusView {
  if (resource.scheduled_deletion)
    return { tone: 'warning', label: 'Scheduled for deletion' };
  if (resource.status === 'active') return { tone: 'success', label: 'Active' };
  if (resource.status === 'failed') return { tone: 'failure', label: 'Failed' };
  return { tone: 'unknown', label: resource.status || 'Unknown' };
}

/** One output of a resource: a plain value, or a secret the API gives only as a reference. */
export type ResourceOutput =
  | { name: string; secret: false; value: string }
  | { name: string; secret: true };

/**
 * The outputs to show: every plain output, then every secret one as a mere "secret". A plain output that shares
 * its name with a secret reference is shown masked too: the reference says the value is secret, whatever the API
 * put beside it.
 */
export function resourceOutputs(resource: ActiveResource): ResourceOutput[] {
  const secretNames = Object.keys(resource.secret_refs ?? {});
  const secret = new Set(secretNames);
  const plain = Object.entries(resource.resource ?? {})
    .filter(([name]) => !secret.has(name))
    .map(([name, value]) => ({
      name,
      secret: false as const,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    }));
  return [
    ...plain,
    ...secretNames.map((name) => ({ name, secret: true as const })),
  ].sort((a, b) => a.name.localeCompare(b.name));
}

function Outputs({ resource }: { resource: ActiveResource }) {
  const outputs = resourceOutputs(resource);
  if (outputs.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="active-resources__outputs">
      {outputs.map((o) => (
        <li key={o.name}>
          <code>{o.name}</code>{' '}
          {o.secret ? (
            <span
              className="chip active-resources__secret"
              title="A secret output: the API gives only a reference to where it is kept"
            >
              secret
            </span>
          ) : (
            <span className="mono active-resources__value">{o.value}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The definition that provisioned it (a link, or the orchestrator's default as text), its version and any pin. */
function Definition({
  orgId,
  resource,
}: {
  orgId: string;
  resource: ActiveResource;
}) {
  // The orchestrator's own default (no definition matched an implicit resource) has no page and no versions.
  if (!resource.def_version_id)
    return (
      <>
        <code>
          <IdText text={resource.def_id} />
        </code>
        <div className="muted">Orchestrator default</div>
      </>
    );
  return (
    <>
      <Link to={paths.resourceDef(orgId, resource.def_id)}>
        <IdText text={resource.def_id} />
      </Link>
      <div className="active-resources__version">
        <span className="muted">version</span>{' '}
        <ShortId id={resource.def_version_id} label="Version id" />
      </div>
      {resource.target_def_version_id && (
        <div className="active-resources__version">
          <span className="chip">
            Pinned to {shortId(resource.target_def_version_id)}
          </span>
        </div>
      )}
      <div>
        <Link
          to={paths.resourceMatch(orgId, {
            app: resource.app_id,
            env: resource.env_id,
            type: resource.type,
            class: resource.class,
            res: resource.res_id,
          })}
        >
          Why this one?
          <span className="visually-hidden"> ({resource.res_id})</span>
        </Link>
      </div>
    </>
  );
}

interface ActiveResourcesPanelProps {
  orgId: string;
  appId: string;
  env: Environment;
}

/**
 * The environment's active resources: what its deployments provisioned, from which definition and version, with
 * their outputs (secret ones only named) and the deployment that last provisioned each. Those who may deploy to
 * the environment pin a resource to a definition version or delete it; others are told which role that needs.
 */
export function ActiveResourcesPanel({
  orgId,
  appId,
  env,
}: ActiveResourcesPanelProps) {
  const envId = env.id;
  const resources = useActiveResources(orgId, appId, envId);
  const can = useCan(orgId, 'deploy', { appId, envType: env.type });
  // Hidden until the permissions are known, so a viewer never sees buttons flash by.
  const showActions = can.allowed && !can.loading;
  return (
    <Panel
      titleId="resources-heading"
      title="Resources"
      actions={
        resources.data && (
          <span className="muted">
            {countOf(resources.data.length, 'active resource')}
          </span>
        )
      }
    >
      <QueryState query={resources} what="active resources">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No active resources">
              A deployment provisions the resources its workloads ask for, each
              through the definition that matches it.
            </EmptyState>
          ) : (
            <>
              {!can.allowed && can.reason && (
                <p className="muted active-resources__note">
                  Pinning and deleting resources needs the right to deploy to{' '}
                  <code>{envId}</code>. {can.reason}
                </p>
              )}
              <DataTable
                caption={`Active resources of ${envId}`}
                className="table--wrap table--stack active-resources"
                columns={[
                  'Resource',
                  'Type and class',
                  'Definition',
                  'Status',
                  'Outputs',
                  'Provisioned by',
                  showActions && (
                    <span className="visually-hidden">Actions</span>
                  ),
                ]}
                rows={[...rows].sort((a, b) =>
                  a.res_id.localeCompare(b.res_id),
                )}
                renderRow={(r) => (
                  <tr key={`${r.type}/${r.res_id}`}>
                    <th scope="row" data-label="Resource">
                      <code>
                        <IdText text={r.res_id} />
                      </code>
                    </th>
                    <td data-label="Type and class">
                      <code>
                        <IdText text={r.type} />
                      </code>
                      <div>
                        <span className="muted">class </span>
                        <code>
                          <IdText text={r.class} />
                        </code>
                      </div>
                    </td>
                    <td data-label="Definition">
                      <Definition orgId={orgId} resource={r} />
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={resourceStatus(r)} />
                    </td>
                    <td data-label="Outputs">
                      <Outputs resource={r} />
                    </td>
                    <td data-label="Provisioned by">
                      {r.deploy_id ? (
                        <Link
                          to={paths.deployment(
                            orgId,
                            appId,
                            envId,
                            r.deploy_id,
                          )}
                        >
                          <span className="visually-hidden">Deployment </span>
                          <code>{shortId(r.deploy_id)}</code>
                        </Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                      <div className="muted">
                        <RelativeTime iso={r.updated_at} />
                      </div>
                    </td>
                    {showActions && (
                      <td className="active-resources__actions">
                        <div className="row">
                          {r.def_version_id && (
                            <PinResource
                              orgId={orgId}
                              appId={appId}
                              envId={envId}
                              resource={r}
                            />
                          )}
                          <DeleteResource
                            orgId={orgId}
                            appId={appId}
                            envId={envId}
                            resource={r}
                            can={can}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                )}
              />
            </>
          )
        }
      </QueryState>
    </Panel>
  );
}
