import { memo, useMemo, useState } from 'react';
import { DiffKindBadge } from '@/components/diff/diff-kind-badge';
import { LazyMount } from '@/components/diff/lazy-mount';
import { DiffView } from '@/components/editors/diff-view';
import { Icon } from '@/components/layout/icons';
import { countOf } from '@/lib/format';
import {
  EAGER_CARDS,
  EXPANDED_LIMIT,
  diffExportsCached,
  entryDiffInput,
  type ExportDiff,
  type ExportDiffEntry,
} from '../utils/export-diff';

export { EXPANDED_LIMIT };

interface ExportDiffViewProps {
  /** The previous export (`view=full`); undefined for a first export. */
  before: string | undefined;
  after: string;
  /** What `before` is, e.g. "deployment 1a2b3c4d". */
  previousLabel?: string;
}

/** The summary line: what changed against what. */
function summaryText(diff: ExportDiff, previousLabel?: string) {
  const { added, removed, changed, unchanged } = diff.counts;
  const against = previousLabel ? ` against ${previousLabel}` : '';
  if (!previousLabel) return `First export: ${countOf(added, 'object')} added.`;
  if (diff.entries.length === 0)
    return `No object changed${against} (${countOf(unchanged, 'object')}).`;
  return `${changed} changed, ${added} added, ${removed} removed${against}; ${unchanged} unchanged of ${countOf(diff.total, 'object')}.`;
}

/**
 * The manifest diff of a deployment's export against the previous one: a
 * summary, then one card per added, removed or changed Operator object with
 * its YAML text diff (rendered when the card nears the viewport).
 */
export function ExportDiffView({
  before,
  after,
  previousLabel,
}: ExportDiffViewProps) {
  const diff = useMemo(() => diffExportsCached(before, after), [before, after]);
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        // A first export is all additions: its objects are listed, each opened on demand.
        before === undefined || diff.entries.length > EXPANDED_LIMIT
          ? []
          : diff.entries.map((e) => e.key),
      ),
  );
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <div className="stack" data-testid="export-diff">
      <p data-testid="export-diff-summary">
        {summaryText(diff, previousLabel)}
      </p>
      {diff.entries.length > 0 && (
        <ul className="export-diff__list">
          {diff.entries.map((entry, index) => (
            <ExportDiffCard
              key={entry.key}
              entry={entry}
              expanded={open.has(entry.key)}
              eager={index < EAGER_CARDS}
              onToggle={toggle}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

const ExportDiffCard = memo(function ExportDiffCard({
  entry,
  expanded,
  eager,
  onToggle,
}: {
  entry: ExportDiffEntry;
  expanded: boolean;
  /** Render the body at once instead of when it nears the viewport. */
  eager: boolean;
  onToggle: (key: string) => void;
}) {
  const bodyId = `export-${entry.key.replace(/[^\w-]/g, '_')}`;
  const title = `${entry.kind} ${entry.name}`;
  return (
    <li
      className="diff-card"
      data-testid="export-diff-card"
      data-collapsed={!expanded}
    >
      <h4 className="diff-card__header">
        <button
          type="button"
          className="diff-card__toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => onToggle(entry.key)}
        >
          <Icon name="chevronDown" />
          <span className="muted">{entry.kind}</span> <code>{entry.name}</code>
        </button>
        <DiffKindBadge kind={entry.change} />
      </h4>
      {expanded && (
        <div id={bodyId} className="diff-card__body">
          {eager ? (
            <ExportDiffBody entry={entry} title={title} />
          ) : (
            <LazyMount estimatedHeight={160}>
              <ExportDiffBody entry={entry} title={title} />
            </LazyMount>
          )}
        </div>
      )}
    </li>
  );
});

/** A changed object's text diff, or the whole YAML of an added or removed one. */
function ExportDiffBody({
  entry,
  title,
}: {
  entry: ExportDiffEntry;
  title: string;
}) {
  if (entry.change === 'changed')
    return (
      <DiffView
        {...entryDiffInput(entry)}
        label={`Manifest diff of ${title}`}
      />
    );
  return (
    <pre
      className="diff-yaml"
      role="group"
      aria-label={`YAML of ${title} (${entry.change})`}
      tabIndex={0}
    >
      {entry.after ?? entry.before}
    </pre>
  );
}
