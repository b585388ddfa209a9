/**
 * The local-run bundle of a workload (localrun/ in the engine; console
 * extension, issue 23 §1): `?resources=local|remote` for every resource,
 * `?resource=<id>:local|remote` (repeated) for one, `?secrets=include` for
 * the environment's secrets in `.env`. A malformed query is a 400 naming the
 * parameter and what it takes.
 */
import {
  EngineError,
  type LocalRunOptions,
  type ResourceMode,
} from '../engine';
import { json, route, type Dto } from './kit';
import { textQuery } from './query';

function mode(value: string, field: string): ResourceMode {
  if (value === 'local' || value === 'remote') return value;
  throw new EngineError(
    'invalid',
    `\`${field}\` must be local or remote; got "${value}".`,
    { field },
  );
}

/** The options a query asks for. */
export function localRunOptions(query: URLSearchParams): LocalRunOptions {
  const resources = textQuery(query, 'resources');
  const choices: Record<string, ResourceMode> = {};
  for (const choice of query.getAll('resource')) {
    const at = choice.lastIndexOf(':');
    if (at <= 0)
      throw new EngineError(
        'invalid',
        `\`resource\` must be \`<id>:local\` or \`<id>:remote\` (e.g. \`shared.db:remote\`); got "${choice}".`,
        { field: 'resource' },
      );
    choices[choice.slice(0, at)] = mode(choice.slice(at + 1), 'resource');
  }
  const secrets = textQuery(query, 'secrets');
  if (secrets !== undefined && secrets !== 'include' && secrets !== 'exclude')
    throw new EngineError(
      'invalid',
      `\`secrets\` must be include or exclude; got "${secrets}".`,
      { field: 'secrets' },
    );
  return {
    ...(resources !== undefined
      ? { resources: mode(resources, 'resources') }
      : {}),
    choices,
    includeSecrets: secrets === 'include',
  };
}

export const localRunRoutes = [
  route('getLocalRun', ({ engine, actor, params: p, query }) =>
    json(
      engine.getLocalRun(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.workloadId,
        localRunOptions(query),
      ) satisfies Dto['LocalRunBundle'],
    ),
  ),
];
