import * as Popover from '@radix-ui/react-popover';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Icon } from './icons';
import {
  VirtualLinkList,
  type LinkRow,
  type VirtualLinkListHandle,
} from './virtual-link-list';

interface SwitcherPopoverProps {
  /** What is switched, e.g. "application" (button: "Switch application"). */
  noun: string;
  plural: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  rows: readonly LinkRow[] | undefined;
  error?: string;
  onRetry?: () => void;
  /** Told of each change of the filter (a switcher that asks the server for the matches). */
  onFilterChange?: (filter: string) => void;
  /** The rows match the filter already (the server filtered them): shown as they are. */
  filtered?: boolean;
  /** Below the list, e.g. how many more match and a "Show more" button. */
  footer?: ReactNode;
}

/** Rows containing `needle`: those starting with it first, then those with a word starting with it. */
export function filterRows(
  rows: readonly LinkRow[],
  needle: string,
): LinkRow[] {
  const rank = (r: LinkRow) => {
    const label = r.label.toLowerCase();
    if (label.startsWith(needle)) return 0;
    if (label.includes(` ${needle}`) || label.includes(`-${needle}`)) return 1;
    if (label.includes(needle)) return 2;
    return `${r.detail ?? ''} ${r.keywords ?? ''}`
      .toLowerCase()
      .includes(needle)
      ? 3
      : -1;
  };
  const ranked = rows
    .map((row) => ({ row, rank: rank(row) }))
    .filter((r) => r.rank >= 0);
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.row);
}

/** A breadcrumb's chevron: a popover listing the siblings as links, with a filter. */
export function SwitcherPopover({
  noun,
  plural,
  open,
  onOpenChange,
  rows,
  error,
  onRetry,
  onFilterChange,
  filtered = false,
  footer,
}: SwitcherPopoverProps) {
  const [filter, setFilterState] = useState('');
  const setFilter = (next: string) => {
    setFilterState(next);
    onFilterChange?.(next);
  };
  const list = useRef<VirtualLinkListHandle>(null);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!rows || !needle || filtered) return rows;
    return filterRows(rows, needle);
  }, [rows, filter, filtered]);
  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setFilter('');
      }}
    >
      <Popover.Trigger
        className="icon-button switcher__trigger"
        aria-label={`Switch ${noun}`}
      >
        <Icon name="chevronDown" size={14} />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="switcher"
          align="start"
          sideOffset={6}
          aria-label={`Switch ${noun}`}
        >
          <input
            type="search"
            className="input switcher__filter"
            placeholder={`Filter ${plural}`}
            aria-label={`Filter ${plural}`}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                list.current?.focusFirst();
              }
            }}
          />
          {error && (
            <p className="switcher__note" role="status">
              {error}{' '}
              {onRetry && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={onRetry}
                >
                  Retry
                </button>
              )}
            </p>
          )}
          {!error && !shown && (
            <p className="switcher__note" role="status">
              Loading {plural}…
            </p>
          )}
          {shown?.length === 0 && (
            <p className="switcher__note" role="status">
              {filter ? `No ${noun} matches “${filter}”.` : `No ${plural} yet.`}
            </p>
          )}
          {shown && shown.length > 0 && (
            <VirtualLinkList
              handleRef={list}
              rows={shown}
              label={plural[0].toUpperCase() + plural.slice(1)}
              className="switcher__list"
              fallbackHeight={300}
              onNavigate={() => onOpenChange(false)}
            />
          )}
          {footer}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
