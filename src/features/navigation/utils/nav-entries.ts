import type { ItemKind, SearchItem } from './search-items';

/** A recent or pinned place, stored (localStorage) with what is needed to show it without the index. */
export interface NavEntry {
  key: string;
  kind: ItemKind;
  label: string;
  detail?: string;
  to: string;
}

/** How many recent places are kept. */
export const MAX_RECENTS = 12;
/** How many pins are kept. */
export const MAX_PINS = 30;

/** `entry` first, without an older copy of it, at most `max` long. */
export function pushRecent(
  list: readonly NavEntry[],
  entry: NavEntry,
  max = MAX_RECENTS,
): NavEntry[] {
  return [entry, ...list.filter((e) => e.key !== entry.key)].slice(0, max);
}

/** Pins `entry` (at the end) or, if pinned, unpins it. */
export function togglePin(
  list: readonly NavEntry[],
  entry: NavEntry,
  max = MAX_PINS,
): NavEntry[] {
  if (list.some((e) => e.key === entry.key))
    return list.filter((e) => e.key !== entry.key);
  return [...list, entry].slice(-max);
}

/** Whether a stored value is a list of entries (anything else is dropped). */
export function parseEntries(value: unknown): NavEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is NavEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.key === 'string' &&
      typeof e.kind === 'string' &&
      typeof e.label === 'string' &&
      typeof e.to === 'string' &&
      e.to.startsWith('/'),
  );
}

/** The palette row of a stored entry, preferring the live item (fresh label and status). */
export function entryItem(
  entry: NavEntry,
  live: ReadonlyMap<string, SearchItem>,
): SearchItem {
  return (
    live.get(entry.key) ?? {
      key: entry.key,
      kind: entry.kind,
      label: entry.label,
      detail: entry.detail,
      text: [entry.label, entry.detail].filter(Boolean).join(' ').toLowerCase(),
      to: entry.to,
    }
  );
}
