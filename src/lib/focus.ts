import { ApiError } from '@/api/client';

/**
 * After a form's work is done (a registration, a creation, a refusal), focus the field with this id, ready
 * for the next entry or the fix, unless the user has put focus somewhere meanwhile. A submit button
 * disabled while its request runs drops focus to the page's <body>, where a keyboard user would start
 * again from the top; where it keeps focus (the form's own submit button), the field takes it too.
 * In the next frame: the form has rendered its cleared fields by then.
 */
export function focusFieldAfterSubmit(id: string): void {
  requestAnimationFrame(() => {
    const field = document.getElementById(id);
    if (field && focusIsFormsOwn(field.closest('form'))) field.focus();
  });
}

/**
 * Whether focus may be moved for a form whose work is done: it is nowhere (the page's <body>, where a submit button
 * disabled while its request ran drops it) or still on that form's own submit button (where some browsers keep it),
 * not somewhere the user has put it meanwhile.
 */
export function focusIsFormsOwn(form: HTMLFormElement | null): boolean {
  const active = document.activeElement;
  return (
    !active ||
    active === document.body ||
    (form !== null &&
      active instanceof HTMLButtonElement &&
      active.type === 'submit' &&
      active.form === form)
  );
}

/**
 * Whether focus was lost, so that moving it takes it from nowhere: it is on the page's <body> (where a browser drops it
 * when the focused element leaves the page or is disabled), or still on `from`, the control the action was taken on,
 * while that is disabled (where jsdom keeps it). False where the user has put it meanwhile.
 */
export function focusIsLost(from?: Element | null): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return !!from && active === from && from.matches(':disabled');
}

/**
 * The form field an API refusal is about: the element id that `fields` gives the body field the error's
 * `details.field` names (`credentials.password` falls back to `credentials`), else `fallback`. So after a
 * refusal of the key, focus goes to the key, not to the form's first field.
 */
export function refusedFieldId(
  error: unknown,
  fields: Readonly<Record<string, string>>,
  fallback: string,
): string {
  if (!(error instanceof ApiError)) return fallback;
  const named = error.body.details?.field;
  if (typeof named !== 'string') return fallback;
  for (let path = named; path; path = path.replace(/\.?[^.]*$/, ''))
    if (Object.hasOwn(fields, path)) return fields[path];
  return fallback;
}

/**
 * In the next frame, focus the element with this id (a panel's heading) so that what just appeared is where a
 * keyboard or screen reader user is (and in view). Returns a cancel for an effect's clean-up.
 */
export function focusHeadingSoon(id: string): () => void {
  const frame = requestAnimationFrame(() => focusableHeading(id)?.focus());
  return () => cancelAnimationFrame(frame);
}

/** The element with this id (a heading), made focusable from script (tabindex -1), or null. */
export function focusableHeading(id: string): HTMLElement | null {
  const heading = document.getElementById(id);
  if (heading && !heading.hasAttribute('tabindex'))
    heading.setAttribute('tabindex', '-1');
  return heading;
}

/**
 * The heading of a named section (`section[aria-labelledby]`) while it is on the page, else the page's heading: where
 * focus goes when the button it was on went with what it deleted (a table's row), not the page's body.
 */
export function sectionHeadingOf(section: Element | null): HTMLElement | null {
  const id = section?.isConnected
    ? section.getAttribute('aria-labelledby')?.split(' ')[0]
    : undefined;
  return (
    (id ? focusableHeading(id) : null) ??
    document.querySelector<HTMLElement>('main h1')
  );
}
