/**
 * After a form's work is done (a registration, a creation), focus the field with this id, ready for the
 * next entry, unless the user has put focus somewhere meanwhile. A submit button disabled while its
 * request runs drops focus to the page's <body>, where a keyboard user would start again from the top.
 * In the next frame: the form has rendered its cleared fields by then.
 */
export function focusFieldAfterSubmit(id: string): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(id)?.focus();
  });
}
