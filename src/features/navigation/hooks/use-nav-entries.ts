import { useCallback, useSyncExternalStore } from 'react';
import {
  parseEntries,
  pushRecent,
  togglePin,
  type NavEntry,
} from '../utils/nav-entries';

const listeners = new Set<() => void>();
const parsed = new Map<string, { raw: string | null; list: NavEntry[] }>();

function read(key: string): NavEntry[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    // Storage disabled: nothing remembered.
  }
  const cached = parsed.get(key);
  if (cached && cached.raw === raw) return cached.list;
  const list = parse(raw);
  parsed.set(key, { raw, list });
  return list;
}

function parse(raw: string | null): NavEntry[] {
  try {
    return raw ? parseEntries(JSON.parse(raw)) : [];
  } catch {
    return [];
  }
}

function write(key: string, list: NavEntry[]) {
  const raw = JSON.stringify(list);
  parsed.set(key, { raw, list });
  try {
    localStorage.setItem(key, raw);
  } catch {
    // Storage full or disabled: kept for this page only.
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Other tabs: localStorage's storage event.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const recentsKey = (orgId: string) => `console:nav:recent:${orgId}`;
const pinsKey = (orgId: string) => `console:nav:pins:${orgId}`;
const EMPTY: NavEntry[] = [];

/** Recent places and pins of an organisation, kept in localStorage and shared by every component and tab. */
export function useNavEntries(orgId: string | undefined) {
  const recents = useSyncExternalStore(subscribe, () =>
    orgId ? read(recentsKey(orgId)) : EMPTY,
  );
  const pins = useSyncExternalStore(subscribe, () =>
    orgId ? read(pinsKey(orgId)) : EMPTY,
  );
  const addRecent = useCallback(
    (entry: NavEntry) =>
      orgId &&
      write(recentsKey(orgId), pushRecent(read(recentsKey(orgId)), entry)),
    [orgId],
  );
  const toggle = useCallback(
    (entry: NavEntry) =>
      orgId && write(pinsKey(orgId), togglePin(read(pinsKey(orgId)), entry)),
    [orgId],
  );
  const isPinned = useCallback(
    (key: string) => pins.some((e) => e.key === key),
    [pins],
  );
  return { recents, pins, addRecent, togglePin: toggle, isPinned };
}
