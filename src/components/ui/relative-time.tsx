import { useSyncExternalStore } from 'react';
import { formatAbsolute, formatRelative } from '@/lib/format';

/** How often a relative time is read again: "4 sec. ago" becomes "1 min. ago" within this of being true. */
const TICK_MS = 5_000;

/** One timer for every relative time on the page, running only while one is shown. */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
/** Counts the timer's ticks: what the shown times re-render on (a number that stays the same between two reads). */
let ticks = 0;
const getTicks = () => ticks;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    ticks += 1;
    listeners.forEach((l) => l());
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** A subscription that never calls back (a time that does not tick). */
const stayStill = () => () => {};

/**
 * "3 min ago", with the absolute time on hover, kept true while the page stays open (a deployment page said
 * "Started 4 sec. ago" for minutes).
 */
export function RelativeTime({
  iso,
  ticking = true,
}: {
  iso: string;
  /** False inside a live region: a screen reader would announce every new "… sec. ago". */
  ticking?: boolean;
}) {
  useSyncExternalStore(ticking ? subscribe : stayStill, getTicks);
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
