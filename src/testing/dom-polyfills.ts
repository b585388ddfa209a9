/**
 * What jsdom lacks and the navigation's libraries call: ResizeObserver (cmdk,
 * Radix popovers) and scrollIntoView (cmdk keeps the selected option in
 * view). Import it at the top of a test that opens the palette or a popover.
 */
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

globalThis.ResizeObserver ??=
  NoopResizeObserver as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
