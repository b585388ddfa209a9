import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { setApiToken } from '@/api/client';
import { DEMO_TOKEN } from '../../mocks/fixtures';
import { resetTestEngine, server } from '../../mocks/node';

// Pages load through lazy routes and the real engine; findBy/waitFor wait on a condition. With Vitest
// run beside the browser suite and a CPU hog, a worker's first route (its modules transformed on first
// import) took over 15 s to show: a generous limit, not a tight one.
configure({ asyncUtilTimeout: 30_000 });

// jsdom has no matchMedia (the theme and the toaster read it): answer "no match".
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;

// jsdom has no idle periods. Idle preloads (the palette's code, the diff route) would otherwise fall back to a
// timer and import modules after a short test has ended, which Vitest reports as an error of the environment's
// teardown. Pages import what they need on demand, so tests do without idle preloading.
window.requestIdleCallback = () => 0;
window.cancelIdleCallback = () => {};
// jsdom lays nothing out and does not implement scrolling (it logs "Not implemented" on every navigation);
// scroll positions are tested in Chromium (e2e/navigation-focus.spec.ts).
window.scrollTo = () => {};
Element.prototype.scrollIntoView ??= () => {};
// Nor ResizeObserver, which every page's breadcrumbs use (and the palette and popovers): dom-polyfills.ts.
import '@/testing/dom-polyfills';
// Nor pointer capture, which a toast takes on a press (sonner: swiping it away).
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;

// Real MSW handlers over the real engine; any request they do not know fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  resetTestEngine();
  setApiToken(DEMO_TOKEN);
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
