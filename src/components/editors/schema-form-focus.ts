/**
 * Moving to a field of a generated form from anywhere on the page (an error
 * summary, the field search, "Go to first error"). A field may sit in a
 * collapsed section: the sections listen for REVEAL_EVENT and expand before
 * the field is focused. No React and no RJSF here, so features can use it.
 */

/** Dispatched (bubbling) on a field to have the collapsed sections holding it expand. */
export const REVEAL_EVENT = 'schema-form:reveal';

const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The element of field `id`: the input itself, or the first option of a radio group (`id-0`). */
function fieldElement(id: string): HTMLElement | null {
  const exact = document.getElementById(id);
  if (exact) return exact;
  const prefix = `${id}-`;
  return (
    [...document.querySelectorAll<HTMLElement>('[id]')].find((el) =>
      el.id.startsWith(prefix),
    ) ?? null
  );
}

/**
 * Expands the sections holding field `id`, focuses it (or the first control
 * of an object or a widget) and scrolls it to the middle of the view. Returns
 * false when the form does not show the field (a condition hides it).
 */
export function focusField(id: string): boolean {
  const element = fieldElement(id);
  if (!element) return false;
  element.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
  // An object (a section): its first control that is not the heading's toggle.
  const target = element.matches(FOCUSABLE)
    ? element
    : ([...element.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
        (el) => !el.matches('.schema-section__toggle'),
      ) ?? element);
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  return document.activeElement === target;
}

/** The first field of `form` showing an error, in the order of the page (collapsed sections included). */
export function firstErrorId(form: ParentNode): string | undefined {
  const list = form.querySelector<HTMLElement>('.error-detail[id$="__error"]');
  return list?.id.slice(0, -'__error'.length);
}

/** Focuses the first field of `form` showing an error, expanding its section. */
export function focusFirstError(form: ParentNode): boolean {
  const id = firstErrorId(form);
  return id !== undefined && focusField(id);
}
