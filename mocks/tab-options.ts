/**
 * The scenarios (fixtures/scenarios.ts) and app-visibility rules
 * (engine/core/model/access.ts) a tab of the demo may choose, named here so
 * the page (browser.ts) loads no engine code; tab-options.test.ts checks
 * they match the engine's.
 */
export const SCENARIO_NAMES = [
  'demo',
  'large',
  'huge',
  'big-diff',
  'resource-graph',
  'xss',
] as const;
export const APP_VISIBILITY_NAMES = ['roles', 'organisation'] as const;
export type TabAppVisibility = (typeof APP_VISIBILITY_NAMES)[number];
