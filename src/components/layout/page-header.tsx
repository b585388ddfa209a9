import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

interface PageHeaderProps {
  title: ReactNode;
  /** Text for the document title, when `title` is not plain text. */
  documentTitle?: string;
  status?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  /**
   * A step of the page that the query string names (e.g. a wizard's `step=form`): a new one moves focus to
   * the heading as a new path does.
   */
  focusKey?: string;
}

/** Title, status and primary actions of a page. Moves focus to the heading on navigation. */
export function PageHeader({
  title,
  documentTitle,
  status,
  actions,
  children,
  focusKey,
}: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const text = documentTitle ?? (typeof title === 'string' ? title : undefined);
  const { pathname } = useLocation();
  useEffect(() => {
    if (text) document.title = `${text} · Platform Console`;
  }, [text]);
  // A new path (or step, `focusKey`) moves focus to the heading, even when the title stays the same (e.g.
  // "Production" of another app); a new title on the same path (a rename, a name loaded late) and another
  // query string do not: they would take focus from where the user has put it.
  useEffect(() => {
    // In the next frame: focusing lays the page out at once, which here would lengthen the
    // render's task (15 ms on a desktop, 60 on Lighthouse's phone); the frame lays it out anyway.
    // Unless focus went elsewhere meanwhile (a dialog opened by a shortcut).
    const before = document.activeElement;
    const frame = requestAnimationFrame(() => {
      const now = document.activeElement;
      if (now === before || now === document.body || now === null)
        heading.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname, focusKey]);
  return (
    <header className="page-header">
      <div className="page-header__main">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {status}
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
      {children && <div className="page-header__meta">{children}</div>}
    </header>
  );
}
