import { Link } from 'react-router';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { formatDuration } from '@/lib/format';
import { deploymentStatus, isDeploymentActive } from '@/lib/status';
import { useDeployment } from '../queries';

interface Props {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
}

/** A deployment's facts and its live status. */
export function DeploymentSummary({ orgId, appId, envId, deployId }: Props) {
  const { data: d } = useDeployment(orgId, appId, envId, deployId);
  const active = isDeploymentActive(d.status);
  const duration =
    new Date(d.status_changed_at).getTime() - new Date(d.created_at).getTime();
  return (
    <Panel
      titleId="summary-heading"
      title="Status"
      actions={
        <span aria-live="polite">
          <StatusBadge status={deploymentStatus(d.status)} />
        </span>
      }
    >
      <PanelBody>
        <dl className="kv">
          <dt>Comment</dt>
          <dd>{d.comment || <span className="muted">No comment</span>}</dd>
          <dt>Environment</dt>
          <dd>
            <Link to={paths.env(orgId, appId, d.env_id)}>{d.env_id}</Link>
          </dd>
          <dt>Started</dt>
          <dd>
            <RelativeTime iso={d.created_at} /> by {d.created_by}
          </dd>
          <dt>{active ? 'Running for' : 'Took'}</dt>
          <dd>{active ? 'still running…' : formatDuration(duration)}</dd>
          <dt>Based on</dt>
          <dd>
            {d.from_id ? (
              <ShortId id={d.from_id} label="base deployment id" />
            ) : (
              <span className="muted">Nothing (first deployment)</span>
            )}
          </dd>
          <dt>Deployment set</dt>
          <dd>
            <ShortId id={d.set_id} label="set id" />
          </dd>
          {d.delta_id && (
            <>
              <dt>Change (delta)</dt>
              <dd>
                <ShortId id={d.delta_id} label="delta id" />
              </dd>
            </>
          )}
        </dl>
      </PanelBody>
    </Panel>
  );
}
