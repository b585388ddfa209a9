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
import { shortId } from '@/lib/format';
import { healthStatus } from '@/lib/status';
import { ATTENTION_PER_PAGE } from '@/api/queries/health';
import { useAttention } from '../queries';
import { HealthLegend } from './health-legend';
import './health.css';

type ApprovalItem = Extract<NeedsAttentionItem, { approval: unknown }>;
type EnvironmentItem = Exclude<NeedsAttentionItem, ApprovalItem>;

const isApproval = (item: NeedsAttentionItem): item is ApprovalItem =>
  'approval' in item;

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The count in the panel's head: environments, and the approvals among the
 * rows when there are any. Approvals come first in the list (the engine
 * orders them so), so those loaded are all of them once a loaded row is an
 * environment or nothing more is to load.
 */
function countLabel(items: NeedsAttentionItem[], total: number, more: boolean) {
  const approvals = items.filter(isApproval).length;
  if (approvals === 0) return plural(total, 'environment', 'environments');
  const complete = !more || !isApproval(items[items.length - 1]);
  if (!complete)
    return `${total.toLocaleString('en')} approvals and environments`;
  const environments = total - approvals;
  return [
    plural(approvals, 'approval', 'approvals'),
    ...(environments > 0
      ? [plural(environments, 'environment', 'environments')]
      : []),
  ].join(', ');
}

/**
 * What needs attention in the organisation, a page at a time: first the
 * pipeline runs waiting for your approval (only those you may decide), then
 * every environment that needs attention (failed, degraded, unknown), worst
 * first: the count of all of them, the first page and "Show more" (a
 * 10,000-app organisation has thousands). An overview: each cause and its
 * fix are cut to a few lines (all of it is in the page's text; the
 * environment's page shows it whole).
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
            {countLabel(items, total, !!attention.hasNextPage)}
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
          {items.map((item) =>
            isApproval(item) ? (
              <ApprovalRow
                key={`approval:${item.app_id}/${item.approval.id}`}
                item={item}
                orgId={orgId}
              />
            ) : (
              <Row
                key={`${item.app_id}/${item.env_id}`}
                item={item}
                orgId={orgId}
              />
            ),
          )}
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

/** A run waiting for the reader's approval: where it would deploy, and the way to the run (Approve and Deny are there). */
function ApprovalRow({ item, orgId }: { item: ApprovalItem; orgId: string }) {
  const { approval } = item;
  return (
    <li>
      <div className="needs-attention__head">
        <StatusBadge status={{ tone: 'progress', label: 'Approval needed' }} />
        <Link
          to={paths.pipelineRun(
            orgId,
            item.app_id,
            approval.pipeline_id,
            approval.run_id,
          )}
        >
          Run {shortId(approval.run_id)} of {approval.pipeline_name}
        </Link>
        <span className="chip">{item.env_type}</span>
        <span className="muted">
          since <RelativeTime iso={item.since} />
        </span>
      </div>
      <span className="needs-attention__summary">
        <ApiText text={item.summary} />
      </span>
      <span className="muted needs-attention__hint">
        <ApiText text={approval.message} />
      </span>
    </li>
  );
}

function Row({ item, orgId }: { item: EnvironmentItem; orgId: string }) {
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
