/**
 * An environment's stream of logs and Kubernetes events (envstream/ in the
 * engine; console extension, issue 23 §2): `?since=` and `?until=` (ISO-8601)
 * and `?limit=`. A malformed query is a 400 naming the parameter.
 */
import { EngineError } from '../engine';
import { json, route, type Dto } from './kit';
import { textQuery } from './query';

function limitOf(query: URLSearchParams): number | undefined {
  const raw = textQuery(query, 'limit');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw))
    throw new EngineError(
      'invalid',
      `\`limit\` must be a whole number up to 100000; got "${raw}".`,
      { parameter: 'limit' },
    );
  return Number(raw);
}

export const envStreamRoutes = [
  route('getEnvironmentStream', ({ engine, actor, params: p, query }) =>
    json(
      engine.getEnvironmentStream(actor, p.orgId, p.appId, p.envId, {
        since: textQuery(query, 'since'),
        until: textQuery(query, 'until'),
        limit: limitOf(query),
      }) satisfies Dto['EnvironmentStream'],
    ),
  ),
];
