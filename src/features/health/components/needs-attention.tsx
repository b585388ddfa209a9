import { useMemo } from 'react';
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
import { ATTENTION_PER_PAGE } from '@/api/queries/health';
import { useAttention } from '../queries';
import { HealthLegend } from './health-legend';
import './health.css';

/**
 * Every environment of the organisation that needs attention (failed,
 * degraded, unknown), worst first, a page at a time: the count of all of
 * them, the first page and "Show more" (a 10,000-app organisation has
 * thousands). An overview: each cause and its fix are cut to a few lines
 * (all of it is in the page's text; the environment's page shows it whole).
 */
export function NeedsAttention({ orgId }: { orgId: string }) {
  const attention = useAttention(orgId);
  const pages = attention.data?.pages;
  const first = pages?.[0];
  const items = useMemo(
    () => pages?.flatMap((page) => page?.items ?? []) ?? [],
    [pages],
  );
  const total = first?.total ?? 0;
  const left = total - items.length;
  return (
    <Panel
      titleId="attention-heading"
      title="Needs attention"
      actions={
        first && (
          <span className="muted">
            {total.toLocaleString('en')}{' '}
            {total === 1 ? 'environment' : 'environments'}
          </span>
        )
      }
    >
      {attention.isPending ? (
        <PanelBody>
          <Skeleton rows={3} label="Loading the organisation's health" />
        </PanelBody>
      ) : attention.isError ? (
        <PanelBody>
          <ErrorPanel
            error={attention.error}
            action="load the organisation's health"
            onRetry={() => attention.refetch()}
          />
        </PanelBody>
      ) : first === null ? (
        <PanelBody as="p" className="muted">
          Aggregated health is unavailable from this API. Open an application to
          see the deployment and runtime status of its environments.
        </PanelBody>
      ) : items.length === 0 ? (
        <PanelBody as="p">
          <StatusBadge status={healthStatus('Healthy')} /> Nothing needs
          attention: every environment is healthy, deploying, paused or not
          deployed yet.
        </PanelBody>
      ) : (
        <ul className="needs-attention">
          {items.map((item) => (
            <Row
              key={`${item.app_id}/${item.env_id}`}
              item={item}
              orgId={orgId}
            />
          ))}
        </ul>
      )}
      {attention.hasNextPage && left > 0 && (
        <PanelBody>
          <button
            type="button"
            className="button"
            disabled={attention.isFetchingNextPage}
            onClick={() => void attention.fetchNextPage()}
          >
            Show {Math.min(ATTENTION_PER_PAGE, left).toLocaleString('en')} more
            of {left.toLocaleString('en')}
          </button>
        </PanelBody>
      )}
      {first && (
        <PanelBody style={{ borderTop: '1px solid var(--color-border)' }}>
          <HealthLegend legend={first.legend} />
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
      <span className="needs-attention__summary">
        <ApiText text={item.summary} />
      </span>
      {hint && (
        <span className="muted needs-attention__hint">
          {hint.title}. <ApiText text={hint.fix} />
        </span>
      )}
    </li>
  );
}
