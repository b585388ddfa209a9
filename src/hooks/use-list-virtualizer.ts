import {
  defaultRangeExtractor,
  elementScroll,
  useVirtualizer,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * The scroll element's size from a ResizeObserver only. The library's default
 * reads clientHeight at once, which forces a synchronous layout of the whole
 * page while React commits (hundreds of ms on a page with a 1,000-row table);
 * ResizeObserver reports after the browser's own layout. Until then, and
 * where there is none (jsdom), the initial rect applies.
 */
function observeRect<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: Rect) => void,
  fallbackHeight: number,
) {
  const element = instance.scrollElement;
  const Observer = instance.targetWindow?.ResizeObserver;
  if (!element || !Observer) return;
  const observer = new Observer(([entry]) => {
    const { width, height } = entry.contentRect;
    cb({
      width: Math.round(width) || 300,
      height: Math.round(height) || fallbackHeight,
    });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * A virtualizer for a list of known row heights inside `scrollRef`. Until the
 * element has been measured (or in a DOM without layout such as jsdom) it
 * assumes `fallbackHeight`, so the first rows render at once.
 */
export function useListVirtualizer<T extends HTMLElement>(options: {
  count: number;
  scrollRef: RefObject<T | null>;
  rowHeight: number | ((index: number) => number);
  fallbackHeight?: number;
  overscan?: number;
  /** A row that stays rendered even when scrolled away (the list's tab stop). */
  keep?: number;
}) {
  const {
    count,
    scrollRef,
    rowHeight,
    fallbackHeight = 400,
    overscan = 8,
    keep,
  } = options;
  // The React Compiler is not used here; the virtualizer's functions are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: typeof rowHeight === 'number' ? () => rowHeight : rowHeight,
    overscan,
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range);
      if (keep === undefined || keep >= count || rows.includes(keep))
        return rows;
      return [...rows, keep].sort((a, b) => a - b);
    },
    initialRect: { width: 300, height: fallbackHeight },
    observeElementRect: (instance, cb) =>
      observeRect(instance, cb, fallbackHeight),
    // On mount the virtualizer scrolls to where it already is (0), and a scroll
    // forces a layout of the page: skip scrolls that would not move.
    scrollToFn: (offset, options, instance) => {
      if (
        offset + (options.adjustments ?? 0) === (instance.scrollOffset ?? 0) &&
        !options.behavior
      )
        return;
      elementScroll(offset, options, instance);
    },
  });
}
