import { useId, type HTMLAttributes, type ReactNode } from 'react';

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** Attributes a panel or its body may carry besides the global ones (a `<form>` or `<details>` panel). */
interface ExtraAttributes {
  open?: boolean;
  noValidate?: boolean;
}

export interface PanelProps
  extends Omit<HTMLAttributes<HTMLElement>, 'title'>, ExtraAttributes {
  /** The element of the panel (default `section`). */
  as?: 'section' | 'div' | 'article' | 'form' | 'details';
  /** The panel's heading; without it the panel has no header (and no `aria-labelledby` unless given). */
  title?: ReactNode;
  /** The heading's id, which names the panel (default: a generated one). */
  titleId?: string;
  /** Heading level of the title (default 2). */
  headingLevel?: 2 | 3 | 4;
  /** In the header after the title: a count, a status badge, buttons, a filter… */
  actions?: ReactNode;
  /** Red border: the panel is about a failure (`panel--failure`). */
  failure?: boolean;
  /** The panel is its own padded body (`panel panel__body`), for a panel without a header. */
  padded?: boolean;
  /** Extra classes after `panel` (layout hooks such as `designer__editor`). */
  className?: string;
  /** The body or bodies (`PanelBody`), a table, a list…: rendered after the header as they are. */
  children?: ReactNode;
}

/**
 * A bordered card with a header: `section.panel > .panel__header > h2 + actions`, then its children.
 * The heading names the section (`aria-labelledby`), so it is a landmark region with that name.
 */
export function Panel({
  as: Element = 'section',
  title,
  titleId,
  headingLevel = 2,
  actions,
  failure,
  padded,
  className,
  children,
  ...rest
}: PanelProps) {
  const generatedId = useId();
  const headingId = titleId ?? generatedId;
  const hasTitle = title !== undefined && title !== null;
  const Heading = `h${headingLevel}` as const;
  return (
    <Element
      className={cx(
        'panel',
        failure && 'panel--failure',
        padded && 'panel__body',
        className,
      )}
      aria-labelledby={hasTitle ? headingId : undefined}
      {...rest}
    >
      {hasTitle && (
        <div className="panel__header">
          <Heading id={headingId}>{title}</Heading>
          {actions}
        </div>
      )}
      {children}
    </Element>
  );
}

export interface PanelBodyProps
  extends HTMLAttributes<HTMLElement>, ExtraAttributes {
  /** The element of the body (default `div`); a `form` when the whole body is one. */
  as?: 'div' | 'form' | 'p';
  /** No padding: a table or list edge to edge (`panel__body--flush`, which also scrolls sideways). */
  flush?: boolean;
  /** Extra classes after `panel__body` (e.g. `stack`, `muted`). */
  className?: string;
}

/** The padded content area of a `Panel` (`.panel__body`), or edge to edge with `flush`. */
export function PanelBody({
  as: Element = 'div',
  flush,
  className,
  ...rest
}: PanelBodyProps) {
  return (
    <Element
      className={cx(flush ? 'panel__body--flush' : 'panel__body', className)}
      {...rest}
    />
  );
}
