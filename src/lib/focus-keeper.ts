/**
 * A button disabled while its action runs (Resync, Roll out, Save…) drops focus: the browser moves it to the page's
 * <body>, where a keyboard user starts again from the top. This puts it back: when the element that had focus is
 * disabled and, once enabled again, focus is still nowhere, that element takes it again. Never when the user has put
 * focus elsewhere meanwhile, nor when the element left the page (a form's own code says where focus goes then).
 * Installed once for the document; returns its removal.
 */
export function keepFocusThroughDisabling(
  doc: Document = document,
): () => void {
  /** What had focus last (what a disabling takes it from). */
  let focused: Element | null = doc.activeElement;
  /** The element disabled while it had focus, until it is enabled again. */
  let waiting: HTMLButtonElement | HTMLInputElement | null = null;
  const nowhere = () =>
    doc.activeElement === null || doc.activeElement === doc.body;
  const onFocusIn = (event: FocusEvent) => {
    focused = event.target as Element;
    waiting = null;
  };
  const observer = new MutationObserver((records) => {
    for (const { target } of records) {
      if (!(
        target instanceof HTMLButtonElement ||
        target instanceof HTMLInputElement
      ))
        continue;
      if (target.disabled && target === focused) waiting = target;
      else if (!target.disabled && target === waiting) {
        waiting = null;
        if (target.isConnected && nowhere()) target.focus();
      }
    }
    if (waiting && !waiting.isConnected) waiting = null;
  });
  observer.observe(doc.body, {
    attributes: true,
    attributeFilter: ['disabled'],
    subtree: true,
  });
  doc.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocusIn);
  };
}
