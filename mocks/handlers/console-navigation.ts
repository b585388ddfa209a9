import { EngineError, NAVIGATION_DEPLOYS_PER_ENV } from '../engine';
import { json, route, type Dto } from './kit';

/** `?deploys_per_env=<0…50>`, or undefined when absent. */
function deploysPerEnv(query: URLSearchParams): number | undefined {
  const value = query.get('deploys_per_env');
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > NAVIGATION_DEPLOYS_PER_ENV.max) {
    throw new EngineError(
      'invalid',
      `deploys_per_env must be an integer from 0 to ${NAVIGATION_DEPLOYS_PER_ENV.max}; got "${value}"`,
    );
  }
  return n;
}

/** The console's navigation index (console-extensions.yaml). */
export const consoleNavigationRoutes = [
  route('getNavigationIndex', ({ engine, actor, params, query }) =>
    json(
      engine.navigationIndex(
        actor,
        params.orgId,
        deploysPerEnv(query),
      ) satisfies Dto['NavigationIndex'],
    ),
  ),
];
