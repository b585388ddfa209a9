import { memo, useMemo } from 'react';
import { Icon } from '@/components/layout/icons';
import type { EntryKind } from '@/lib/diff/diff-model';
import {
  fieldChanges,
  wholeWorkloadChanges,
  type PatchOp,
  type Scope,
} from '@/lib/diff/field-changes';
import { DiffKindBadge } from './diff-kind-badge';
import { FieldChangeList } from './field-change-list';
import { LazyMount } from './lazy-mount';
import { WorkloadTextDiff } from './workload-text-diff';

/** One workload (or the shared resources) of a comparison. */
export interface DiffItem {
  id: string;
  kind: EntryKind;
  ops: PatchOp[];
  before?: unknown;
  after?: unknown;
}

interface DiffCardProps {
  item: DiffItem;
  scope?: Scope;
  /** The element id, the target of summary links. */
  anchorId: string;
  title: string;
  collapsed: boolean;
  onToggle: (id: string, kind: EntryKind) => void;
  layout: 'unified' | 'split';
  context: 'compact' | 'full';
  /** Render the body at once rather than when it nears the viewport (a short list). */
  eager?: boolean;
  /** A field's title in its profile's form: see {@link FieldTitle}. Keep it stable (the card is memoised). */
  fieldTitle?: FieldTitle;
}

/** The title of a workload's field (`path` relative to the workload, e.g. `/spec/port`), when its form gives one. */
export type FieldTitle = (
  workloadId: string,
  path: string,
) => string | undefined;

function changeCount(item: DiffItem) {
  if (item.kind === 'added') return 'new';
  if (item.kind === 'removed') return 'gone';
  if (item.kind === 'unchanged') return 'no changes';
  return item.ops.length === 1 ? '1 change' : `${item.ops.length} changes`;
}

/** A collapsible card: field-level changes, then the text diff; the body renders when it nears the viewport. */
export const DiffCard = memo(function DiffCard({
  item,
  scope = 'workload',
  anchorId,
  title,
  collapsed,
  onToggle,
  layout,
  context,
  eager = false,
  fieldTitle,
}: DiffCardProps) {
  const bodyId = `${anchorId}-body`;
  return (
    <li
      id={anchorId}
      className="diff-card"
      data-testid="diff-card"
      data-collapsed={collapsed}
    >
      <h3 className="diff-card__header">
        <button
          type="button"
          className="diff-card__toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => onToggle(item.id, item.kind)}
        >
          <Icon name="chevronDown" />
          <code>{title}</code>
        </button>
        <DiffKindBadge kind={item.kind} />
        <span className="muted">{changeCount(item)}</span>
      </h3>
      {!collapsed && (
        <div id={bodyId} className="diff-card__body">
          <LazyMount
            estimatedHeight={120 + Math.min(item.ops.length, 20) * 26}
            eager={eager}
          >
            <DiffCardBody
              item={item}
              scope={scope}
              title={title}
              layout={layout}
              context={context}
              fieldTitle={fieldTitle}
            />
          </LazyMount>
        </div>
      )}
    </li>
  );
});

function DiffCardBody({
  item,
  scope,
  title,
  layout,
  context,
  fieldTitle,
}: {
  item: DiffItem;
  scope: Scope;
  title: string;
  layout: DiffCardProps['layout'];
  context: DiffCardProps['context'];
  fieldTitle?: FieldTitle;
}) {
  const changes = useMemo(() => {
    if (item.kind === 'added') return wholeWorkloadChanges(item.after, 'added');
    if (item.kind === 'removed')
      return wholeWorkloadChanges(item.before, 'removed');
    return fieldChanges(item.ops, item.before, scope);
  }, [item, scope]);
  return (
    <>
      {item.kind !== 'unchanged' && (
        <FieldChangeList
          changes={changes}
          subject={title}
          titleOf={
            fieldTitle && scope === 'workload'
              ? (path) => fieldTitle(item.id, path)
              : undefined
          }
        />
      )}
      <WorkloadTextDiff
        name={title}
        before={item.before}
        after={item.after}
        ops={item.ops}
        layout={layout}
        context={context}
      />
    </>
  );
}
