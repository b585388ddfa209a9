import { startTransition, useEffect, useMemo, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { matchesSearch, type WorkloadEntry } from '@/lib/diff/diff-model';
import type { ViewOptions } from '@/lib/diff/view-options';
import { DiffCard, type DiffItem, type FieldTitle } from './diff-card';
import { DiffToolbar } from './diff-toolbar';
import type { CollapseState } from './use-collapse-state';

interface WorkloadDiffListProps {
  entries: WorkloadEntry[];
  /** The shared resources as one more card, when they changed. */
  shared?: DiffItem;
  view: ViewOptions;
  onViewChange: (view: ViewOptions) => void;
  collapse: CollapseState;
  /** A workload to scroll to (a new object each time it is asked for). */
  reveal?: { id: string };
  /** Fields' titles in their profiles' forms (stable: the cards are memoised). */
  fieldTitle?: FieldTitle;
}

/**
 * How many items to render: none in the first commit (the summary paints
 * alone), then a first screenful, then more in each following task, so no
 * single render or layout of hundreds of cards blocks the page.
 */
function useProgressiveCount(total: number, first = 16, step = 48) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(
      () =>
        startTransition(() => setCount((c) => (c === 0 ? first : c + step))),
      0,
    );
    return () => clearTimeout(timer);
  }, [count, total, first, step]);
  return Math.min(count, total);
}

/** Lists this short render every card's body at once: lazy bodies only pay off for long ones. */
const EAGER_UP_TO = 12;

/** The element id of a workload's card (summary links point at it). */
export const workloadAnchor = (id: string) => `wl-${id}`;

/**
 * Per-workload diffs with the view toolbar. Cards render progressively after
 * the page's first paint, and each card's body (field list, YAML, text diff)
 * only when it comes near the viewport, so 500 changed workloads do not
 * freeze the tab.
 */
export function WorkloadDiffList({
  entries,
  shared,
  view,
  onViewChange,
  collapse,
  reveal,
  fieldTitle,
}: WorkloadDiffListProps) {
  const filtered = useMemo(
    () =>
      entries.filter(
        (e) =>
          (!view.changedOnly || e.kind !== 'unchanged') &&
          matchesSearch(e.id, view.query),
      ),
    [entries, view.changedOnly, view.query],
  );
  const rendered = useProgressiveCount(filtered.length);
  const revealAt = reveal
    ? filtered.findIndex((e) => e.id === reveal.id) + 1
    : 0;
  const shown = filtered.slice(0, Math.max(rendered, revealAt));
  const revealReady = revealAt > 0 && shown.length >= revealAt;
  useEffect(() => {
    if (!reveal || !revealReady) return;
    const card = document.getElementById(workloadAnchor(reveal.id));
    card?.scrollIntoView?.({ block: 'start' });
    card
      ?.querySelector<HTMLButtonElement>('button[aria-expanded]')
      ?.focus({ preventScroll: true });
  }, [reveal, revealReady]);

  const hiddenUnchanged = view.changedOnly
    ? entries.filter((e) => e.kind === 'unchanged').length
    : 0;
  const pending = shown.length < filtered.length;
  const card = (
    item: DiffItem,
    title: string,
    scope: 'workload' | 'shared' = 'workload',
  ) => (
    <DiffCard
      key={`${scope}:${item.id}`}
      item={item}
      scope={scope}
      title={title}
      fieldTitle={fieldTitle}
      anchorId={
        scope === 'shared' ? 'shared-resources' : workloadAnchor(item.id)
      }
      collapsed={collapse.isCollapsed(item.id, item.kind)}
      onToggle={collapse.toggle}
      layout={view.layout}
      context={view.context}
      eager={filtered.length + (shared ? 1 : 0) <= EAGER_UP_TO}
    />
  );
  return (
    <Panel
      titleId="workload-diffs-heading"
      title="Changes by workload"
      actions={
        <span className="muted" aria-live="polite">
          Showing {filtered.length} of {entries.length} workloads
          {hiddenUnchanged > 0 && ` · ${hiddenUnchanged} unchanged hidden`}
        </span>
      }
    >
      <PanelBody className="stack">
        <DiffToolbar
          view={view}
          onViewChange={onViewChange}
          onCollapseAll={collapse.collapseAll}
          onExpandAll={collapse.expandAll}
        />
        <p className="muted diff-note">
          Secret values are hidden as{' '}
          <span className="diff-value diff-value--masked">••••• (hidden)</span>:
          variables whose name looks secret (password, token, secret, key…),
          values in a <code>secrets</code> map and passwords in URLs. References
          such as <code>{'${secrets.db-password}'}</code> are shown as they are.
        </p>
        {pending && shown.length === 0 ? (
          <Skeleton rows={6} label="Rendering the workload diffs" />
        ) : filtered.length === 0 && !shared ? (
          <EmptyState
            title={
              view.query
                ? `No workload matches “${view.query}”`
                : 'No workload changed'
            }
          >
            {view.query
              ? 'Clear the filter to see every workload.'
              : 'Turn off “Changed only” to see every workload.'}
          </EmptyState>
        ) : (
          <ol
            className="diff-list"
            aria-label="Workload diffs"
            aria-busy={pending}
          >
            {shared &&
              !view.query &&
              card(shared, 'Shared resources', 'shared')}
            {shown.map((entry) => card(entry, entry.id))}
          </ol>
        )}
      </PanelBody>
    </Panel>
  );
}
