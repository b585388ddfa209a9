import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';

/** One step of the breadcrumb trail; `switcher` opens its siblings. */
export interface Crumb {
  key: string;
  label: string;
  to: string;
  switcher?: ReactNode;
}

/** Marks which ends of a scrolled trail are cut off, for the CSS that fades them out. */
function markCutEnds(ol: HTMLOListElement) {
  const start = ol.scrollLeft > 0;
  const end = ol.scrollLeft + ol.clientWidth < ol.scrollWidth - 1;
  const cut = start && end ? 'both' : start ? 'start' : end ? 'end' : '';
  if ((ol.dataset.cut ?? '') !== cut) ol.dataset.cut = cut;
}

/**
 * Where you are, as a trail of links; the last one is the current page. A
 * trail wider than its room (a phone) scrolls, and shows its end: the current
 * page is never the crumb that is cut off, and the crumbs cut off fade out at
 * the edge (rather than a sliver of a letter) until the trail is scrolled back.
 */
export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  const list = useRef<HTMLOListElement>(null);
  // Keys and labels: a label that arrives later (a name for an id) changes the trail's width too.
  const trail = crumbs.map((crumb) => `${crumb.key}=${crumb.label}`).join('/');
  useLayoutEffect(() => {
    // In the next frame, before it paints: reading the width here would lay out the page inside
    // the render's task (45 ms of a 10,000-app landing), and the frame lays it out anyway.
    const showEnd = () => {
      const ol = list.current;
      if (!ol) return;
      ol.scrollLeft = ol.scrollWidth;
      markCutEnds(ol);
    };
    const frame = requestAnimationFrame(showEnd);
    // A new width (a phone turned, a window resized, the top bar's layout changed) shows the end again.
    let width: number | undefined;
    const resized = new ResizeObserver(([entry]) => {
      if (entry.contentRect.width === width) return;
      width = entry.contentRect.width;
      showEnd();
    });
    if (list.current) resized.observe(list.current);
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
    };
  }, [trail]);
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol ref={list} onScroll={(event) => markCutEnds(event.currentTarget)}>
        {crumbs.map((crumb, i) => (
          <li key={crumb.key} className="breadcrumbs__item">
            <Link
              to={crumb.to}
              aria-current={i === crumbs.length - 1 ? 'page' : undefined}
              className="breadcrumbs__link"
            >
              {crumb.label}
            </Link>
            {crumb.switcher}
          </li>
        ))}
      </ol>
    </nav>
  );
}
