import { Link } from 'react-router';
import type { NeedsAttentionItem } from '@/api/health';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { catalogueEntry } from '@/lib/error-catalogue';
import { healthStatus } from '@/lib/status';
import { useOrgHealth } from '../queries';
import { HealthLegend } from './health-legend';
import './health.css';

/** Every environment of the organisation that needs attention (failed, degraded, unknown), worst first. */
export function NeedsAttention({ orgId }: { orgId: string }) {
  const health = useOrgHealth(orgId);
  return (
    <Panel
      titleId="attention-heading"
      title="Needs attention"
      actions={
        health.data && (
          <span className="muted">
            {health.data.needs_attention.length} environments
          </span>
        )
      }
    >
      {health.isPending ? (
        <PanelBody>
          <Skeleton rows={3} label="Loading the organisation's health" />
        </PanelBody>
      ) : health.isError ? (
        <PanelBody>
          <ErrorPanel
            error={health.error}
            action="load the organisation's health"
            onRetry={() => health.refetch()}
          />
        </PanelBody>
      ) : health.data === null ? (
        <PanelBody as="p" className="muted">
          Aggregated health is unavailable from this API. Open an application to
          see the deployment and runtime status of its environments.
        </PanelBody>
      ) : health.data.needs_attention.length === 0 ? (
        <PanelBody as="p">
          <StatusBadge status={healthStatus('Healthy')} /> Nothing needs
          attention: every environment is healthy, deploying, paused or not
          deployed yet.
        </PanelBody>
      ) : (
        <ul className="needs-attention">
          {health.data.needs_attention.map((item) => (
            <Row
              key={`${item.app_id}/${item.env_id}`}
              item={item}
              orgId={orgId}
            />
          ))}
        </ul>
      )}
      {health.data && (
        <PanelBody style={{ borderTop: '1px solid var(--color-border)' }}>
          <HealthLegend legend={health.data.legend} />
        </PanelBody>
      )}
    </Panel>
  );
}

function Row({ item, orgId }: { item: NeedsAttentionItem; orgId: string }) {
  const hint = catalogueEntry(item.root_cause?.code);
  return (
    <li>
      <div className="needs-attention__head">
        <StatusBadge status={healthStatus(item.state)} />
        <Link to={paths.env(orgId, item.app_id, item.env_id)}>
          {item.app_name} / {item.env_name}
        </Link>
        <span className="chip">{item.env_type}</span>
        {item.since && (
          <span className="muted">
            since <RelativeTime iso={item.since} />
          </span>
        )}
      </div>
      <span>
        <ApiText text={item.summary} />
      </span>
      {hint && (
        <span className="muted">
          {hint.title}. <ApiText text={hint.fix} />
        </span>
      )}
    </li>
  );
}
