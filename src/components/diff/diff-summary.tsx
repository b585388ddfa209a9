import type { MouseEvent } from 'react';
import { vocabulary } from '@/lib/vocabulary';
import { isEmptyDelta, type DiffSummaryData } from '@/lib/diff/diff-model';
import './diff.css';
import { Panel, PanelBody } from '@/components/ui/panel';

const MAX_NAMES = 8;
const SIGNS = { added: '+', removed: '−', changed: '~' } as const;

interface DiffSummaryProps {
  summary: DiffSummaryData;
  /** Called when a workload name is chosen (e.g. to scroll to its diff); without it names are plain text. */
  onSelect?: (workloadId: string) => void;
  /** Heading level of the summary title (default 2). */
  headingLevel?: 2 | 3;
}

/** The answer first: how many workloads were added, removed and changed, and which shared resources changed. */
export function DiffSummary({
  summary,
  onSelect,
  headingLevel = 2,
}: DiffSummaryProps) {
  const { workloads: w, shared } = summary;
  const sharedNames = [...shared.added, ...shared.removed, ...shared.changed];
  const tiles = [
    {
      key: 'added',
      kind: 'added' as const,
      names: w.added,
      label: plural(w.added.length, 'workload added', 'workloads added'),
    },
    {
      key: 'removed',
      kind: 'removed' as const,
      names: w.removed,
      label: plural(w.removed.length, 'workload removed', 'workloads removed'),
    },
    {
      key: 'changed',
      kind: 'changed' as const,
      names: w.changed,
      label: plural(w.changed.length, 'workload changed', 'workloads changed'),
    },
    {
      key: 'shared',
      kind: 'changed' as const,
      names: sharedNames,
      label: plural(
        sharedNames.length,
        `${vocabulary.shared.one} changed`,
        `${vocabulary.shared.many} changed`,
      ),
      shared: true,
    },
  ];
  return (
    <Panel
      title="Summary"
      headingLevel={headingLevel}
      actions={
        // Field changes are edits of what both sides have: a change that only adds or removes whole workloads or
        // resources has none, and "0 field changes" above "1 workload added" read as if nothing changed.
        summary.opCount > 0 || isEmptyDelta(summary) ? (
          <span className="muted">
            {summary.opCount}{' '}
            {plural(summary.opCount, 'field change', 'field changes')}
          </span>
        ) : undefined
      }
    >
      <PanelBody>
        <ul className="diff-summary__counts">
          {tiles.map((tile) => (
            <li
              key={tile.key}
              className="diff-summary__tile"
              data-testid={`summary-${tile.key}`}
            >
              <div className="diff-summary__count">
                <span
                  className={`diff-kind__sign diff-summary__sign--${tile.kind}`}
                  aria-hidden="true"
                >
                  {SIGNS[tile.kind]}
                </span>
                <span className="diff-summary__number">
                  {tile.names.length}
                </span>
                <span>{tile.label}</span>
              </div>
              {tile.names.length > 0 && (
                <NameList
                  names={tile.names}
                  onSelect={tile.shared ? undefined : onSelect}
                  label={tile.label}
                />
              )}
            </li>
          ))}
        </ul>
      </PanelBody>
    </Panel>
  );
}

function NameList({
  names,
  onSelect,
  label,
}: {
  names: string[];
  onSelect?: (id: string) => void;
  label: string;
}) {
  const shown = names.slice(0, MAX_NAMES);
  const select = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    onSelect?.(id);
  };
  return (
    <ul className="diff-summary__names" aria-label={label}>
      {shown.map((name) => (
        <li key={name}>
          {onSelect ? (
            <a href={`#wl-${encodeURIComponent(name)}`} onClick={select(name)}>
              <code>{name}</code>
            </a>
          ) : (
            <code>{name}</code>
          )}
        </li>
      ))}
      {names.length > shown.length && (
        <li className="muted">and {names.length - shown.length} more</li>
      )}
    </ul>
  );
}

function plural(n: number, one: string, many: string) {
  return n === 1 ? one : many;
}
