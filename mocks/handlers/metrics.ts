import { json, route, type Dto } from './kit';

/** The team-performance extension (console-extensions.yaml): DORA metrics (the engine's dora.ts). */
export const metricsRoutes = [
  route('getDoraMetrics', ({ engine, actor, params: p, query }) =>
    json(
      engine.getDoraMetrics(actor, p.orgId, {
        window: query.get('window'),
        appId: query.get('app'),
      }) satisfies Dto['DoraReport'],
    ),
  ),
];
