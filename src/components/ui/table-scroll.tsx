import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Edges {
  start: boolean;
  end: boolean;
}

/**
 * A wide table's own horizontal scroller, so the page never scrolls sideways: a shadow at an edge shows that more
 * lies that way; while it scrolls it is a named, keyboard-focusable region (arrow keys scroll it), "<label>, scrolls
 * sideways".
 */
export function TableScroll({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ start: false, end: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const max = el.scrollWidth - el.clientWidth;
      const next = {
        start: max > 1 && el.scrollLeft > 1,
        end: max > 1 && el.scrollLeft < max - 1,
      };
      setEdges((prev) =>
        prev.start === next.start && prev.end === next.end ? prev : next,
      );
    };
    el.addEventListener('scroll', update, { passive: true });
    const observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(update);
    // A ResizeObserver reports the first sizes when the frame lays the page out; measuring here would
    // lay it out inside the render's task (55 ms on Lighthouse's phone).
    if (!observer) update();
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, []);
  const scrolls = edges.start || edges.end;
  return (
    <div
      className="table-scroll"
      data-more-start={edges.start || undefined}
      data-more-end={edges.end || undefined}
    >
      <div
        ref={ref}
        className="table-scroll__viewport"
        {...(scrolls
          ? // Named apart from the section around it (often named like the table): landmarks are told apart.
            {
              tabIndex: 0,
              role: 'region',
              'aria-label': `${label}, scrolls sideways`,
            }
          : {})}
      >
        {children}
      </div>
    </div>
  );
}
