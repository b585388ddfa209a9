/**
 * What jsdom lacks and the console calls: ResizeObserver (the breadcrumbs,
 * cmdk, Radix popovers) and scrollIntoView (cmdk keeps the selected option in
 * view). setup-tests.ts imports it for every app test.
 */
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

globalThis.ResizeObserver ??=
  NoopResizeObserver as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
