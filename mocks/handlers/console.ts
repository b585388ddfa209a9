import { DEMO_ORG_ID, STATE_SCHEMA_VERSION } from '../engine';
import { json, noContent, route, type Dto } from './kit';

/** What the demo-info endpoint reports as the engine's version. */
export const ENGINE_VERSION = `embedded-engine/state-v${STATE_SCHEMA_VERSION}`;

/** Options of the console extension routes. */
export interface ConsoleRouteOptions {
  /** Called after the demo data were restored (e.g. to clear persisted state). */
  onReset?: () => void | Promise<void>;
}

/** The console's extension endpoints (console-extensions.yaml). */
export function consoleRoutes(options: ConsoleRouteOptions = {}) {
  return [
    route('resetDemoData', async ({ engine, actor }) => {
      engine.reset(actor);
      await options.onReset?.();
      return noContent();
    }),
    route('getDemoInfo', ({ engine }) =>
      json({
        org_id: DEMO_ORG_ID,
        engine_version: ENGINE_VERSION,
        fault_rules: engine.faultRules(),
      } satisfies Dto['DemoInfo']),
    ),
  ];
}
