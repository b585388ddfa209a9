import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';

/** One step of the breadcrumb trail; `switcher` opens its siblings. */
export interface Crumb {
  key: string;
  label: string;
  to: string;
  switcher?: ReactNode;
}

/**
 * Where you are, as a trail of links; the last one is the current page. A
 * trail wider than its room (a phone) scrolls, and shows its end: the current
 * page is never the crumb that is cut off.
 */
export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  const list = useRef<HTMLOListElement>(null);
  const trail = crumbs.map((crumb) => crumb.key).join('/');
  useLayoutEffect(() => {
    // In the next frame, before it paints: reading the width here would lay out the page inside
    // the render's task (45 ms of a 10,000-app landing), and the frame lays it out anyway.
    const frame = requestAnimationFrame(() => {
      const ol = list.current;
      if (ol) ol.scrollLeft = ol.scrollWidth;
    });
    return () => cancelAnimationFrame(frame);
  }, [trail]);
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol ref={list}>
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
