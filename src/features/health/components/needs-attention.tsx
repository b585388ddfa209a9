import { Link } from 'react-router';
import type { NeedsAttentionItem } from '@/api/health';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
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
    <section className="panel" aria-labelledby="attention-heading">
      <div className="panel__header">
        <h2 id="attention-heading">Needs attention</h2>
        {health.data && <span className="muted">{health.data.needs_attention.length} environments</span>}
      </div>
      {health.isPending ? (
        <div className="panel__body">
          <Skeleton rows={3} label="Loading the organisation's health" />
        </div>
      ) : health.isError ? (
        <div className="panel__body">
          <ErrorPanel error={health.error} action="load the organisation's health" onRetry={() => health.refetch()} />
        </div>
      ) : health.data === null ? (
        <p className="panel__body muted">
          Aggregated health is unavailable from this API. Open an application to see the deployment and runtime status of its
          environments.
        </p>
      ) : health.data.needs_attention.length === 0 ? (
        <p className="panel__body">
          <StatusBadge status={healthStatus('Healthy')} /> Nothing needs attention: every environment is healthy, deploying,
          paused or not deployed yet.
        </p>
      ) : (
        <ul className="needs-attention">
          {health.data.needs_attention.map((item) => (
            <Row key={`${item.app_id}/${item.env_id}`} item={item} orgId={orgId} />
          ))}
        </ul>
      )}
      {health.data && (
        <div className="panel__body" style={{ borderTop: '1px solid var(--color-border)' }}>
          <HealthLegend legend={health.data.legend} />
        </div>
      )}
    </section>
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
