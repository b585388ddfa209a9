import type { ReactNode } from 'react';

/** An empty list that says how to fill it. */
export function EmptyState({
  title,
  children,
}: {
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}
