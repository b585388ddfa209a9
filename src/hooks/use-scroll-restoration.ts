import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const STORAGE_KEY = 'console:scroll-positions';

/** The window's scroll position of each history entry (by the router's location key). */
const positions = new Map<string, number>();

let loaded = false;

/** Reads the saved positions, once per document (a second read would bring back what was since forgotten). */
function load() {
  if (loaded) return;
  loaded = true;
  try {
    const saved = JSON.parse(
      sessionStorage.getItem(STORAGE_KEY) ?? '{}',
    ) as Record<string, number>;
    for (const [key, y] of Object.entries(saved))
      if (typeof y === 'number') positions.set(key, y);
  } catch {
    // Nothing saved, or storage is unavailable: start at the top.
  }
}

function save() {
  try {
    // The most recent entries are enough to come back to.
    sessionStorage.setItem(
      STORAGE_KEY,
      JSON.stringify(Object.fromEntries([...positions].slice(-100))),
    );
  } catch {
    // Storage full or unavailable: positions are kept for this page only.
  }
}

/**
 * The key a history entry's position is kept under. The router keys the entries it makes; the entry a page was loaded
 * into has none until then ("default" for every load), so that one is told apart by its address as well.
 */
function entryKey(location: { key: string; pathname: string; search: string }) {
  return location.key === 'default'
    ? `default:${location.pathname}${location.search}`
    : location.key;
}

/** Whether this document was opened fresh (a typed address, a link from elsewhere), not reloaded or reached by Back. */
function freshDocument(): boolean {
  const [entry] = performance.getEntriesByType?.('navigation') ?? [];
  return (
    (entry as PerformanceNavigationTiming | undefined)?.type === 'navigate'
  );
}

function elementId(hash: string) {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/**
 * Scrolls like a site of separate pages (the window is the scroller): a link to
 * another page opens it at its top (or at the element its `#hash` names); Back
 * and Forward return to where that page was left, also after a reload. A change
 * of the query string on the same page (a filter, a side panel) keeps the
 * position.
 */
export function useScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const current = useRef<{
    key: string;
    pathname: string;
    hash: string;
  } | null>(null);

  useEffect(() => {
    load();
    window.history.scrollRestoration = 'manual';
    // Scroll events arrive after the new page's layout effect below, so a position
    // is always recorded under the entry on screen.
    const onScroll = () => {
      if (current.current) positions.set(current.current.key, window.scrollY);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      window.history.scrollRestoration = 'auto';
    };
  }, []);

  useLayoutEffect(() => {
    const previous = current.current;
    const key = entryKey(location);
    current.current = {
      key,
      pathname: location.pathname,
      hash: location.hash,
    };
    if (!previous && freshDocument()) {
      // A page opened fresh in this tab starts at its top, whatever an earlier page at the same entry key
      // (an earlier load) was left at: forget that.
      load();
      positions.delete(key);
    } else if (navigationType === 'POP') {
      // Back, Forward or a reload: where this entry was left (the positions are
      // loaded here too, since this effect runs before the one above).
      load();
      const y = positions.get(key);
      if (y !== undefined) window.scrollTo(0, y);
    } else {
      const samePage = previous?.pathname === location.pathname;
      const target =
        location.hash &&
        (!samePage || previous.hash !== location.hash) &&
        document.getElementById(elementId(location.hash));
      if (target) target.scrollIntoView();
      // Not on the first page of a load (it is at the top): a scroll lays the page out at once,
      // inside the render's task (50 ms of a 10,000-app landing's).
      else if (!samePage && previous) window.scrollTo(0, 0);
    }
    // A new entry may never scroll (a filter on the same page): it starts where it is (the first
    // page of a load at the top: reading the position would lay the page out here too).
    if (!positions.has(key)) positions.set(key, previous ? window.scrollY : 0);
  }, [location, navigationType]);
}
