/**
 * A structural check of a stored engine state, run when `npm run api` starts:
 * a file that parses but holds a broken record (an app set to `null`, an
 * environment without its deployments list, ...) is refused at start with the
 * path of the first problem, instead of failing every request later.
 */
import { isObject } from '../../src/lib/json-schema/pointer';
import { STATE_SCHEMA_VERSION } from '../engine';

type Json = Record<string, unknown>;

const isRecord: (value: unknown) => value is Json = isObject;

const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : `${typeof value} ${JSON.stringify(value)}`;

/** The first problem found in `value` as an engine state of this version, or undefined when it looks whole (`shallow`: only its version). */
export function findStateProblem(
  value: unknown,
  { shallow = false } = {},
): string | undefined {
  if (!isRecord(value))
    return `the file holds ${describe(value)}, not an engine state`;
  if (value.schemaVersion !== STATE_SCHEMA_VERSION) {
    return `it holds schema version ${JSON.stringify(value.schemaVersion)}; this version of the console reads ${STATE_SCHEMA_VERSION}`;
  }
  if (typeof value.seq !== 'number') return '/seq is not a number';
  if (shallow) return undefined;
  const problems: string[] = [];
  const need = (
    path: string,
    v: unknown,
    what: string,
    ok: (v: unknown) => boolean,
  ) => {
    if (problems.length === 0 && !ok(v))
      problems.push(`${path} is ${describe(v)}, not ${what}`);
    return problems.length === 0;
  };
  const map = (
    path: string,
    v: unknown,
    what: string,
    each?: (key: string, item: unknown, at: string) => void,
  ) => {
    if (!need(path, v, `a map of ${what}`, isRecord)) return;
    for (const [key, item] of Object.entries(v as Json)) {
      if (problems.length > 0) return;
      const at = `${path}/${key}`;
      if (each) each(key, item, at);
    }
  };
  const record = (
    at: string,
    item: unknown,
    what: string,
    fields: Record<string, (v: unknown) => boolean>,
  ) => {
    if (!need(at, item, what, isRecord)) return false;
    for (const [field, ok] of Object.entries(fields)) {
      if (
        !need(
          `${at}/${field}`,
          (item as Json)[field],
          field === 'deployIds' || field === 'envTypes'
            ? 'a list'
            : 'an object',
          ok,
        )
      )
        return false;
    }
    return true;
  };
  const isList = (v: unknown) => Array.isArray(v);

  map('/users', value.users, 'users', (_k, user, at) =>
    record(at, user, 'a user', {}),
  );
  map('/tokens', value.tokens, 'demo tokens', (_k, userId, at) =>
    need(at, userId, 'a user id', (v) => typeof v === 'string'),
  );
  map('/orgs', value.orgs, 'organisations', (_orgId, org, at) => {
    if (
      !record(at, org, 'an organisation record', {
        org: isRecord,
        envTypes: isList,
        roles: isRecord,
        apps: isRecord,
      })
    )
      return;
    map(
      `${at}/apps`,
      (org as Json).apps,
      'applications',
      (_appId, app, appAt) => {
        if (
          !record(appAt, app, 'an application record', {
            app: isRecord,
            envs: isRecord,
            deploys: isRecord,
            sets: isRecord,
            deltas: isRecord,
          })
        )
          return;
        const a = app as Json;
        map(`${appAt}/envs`, a.envs, 'environments', (_id, env, envAt) =>
          record(envAt, env, 'an environment record', {
            env: isRecord,
            deployIds: isList,
            replicas: isRecord,
          }),
        );
        map(
          `${appAt}/deploys`,
          a.deploys,
          'deployments',
          (_id, deploy, deployAt) =>
            record(deployAt, deploy, 'a deployment record', {
              deployment: isRecord,
              plan: isRecord,
            }),
        );
        map(`${appAt}/sets`, a.sets, 'deployment sets', (_id, set, setAt) =>
          record(setAt, set, 'a set record', { set: isRecord }),
        );
        map(`${appAt}/deltas`, a.deltas, 'deltas', (_id, delta, deltaAt) =>
          record(deltaAt, delta, 'a delta record', { delta: isRecord }),
        );
      },
    );
  });
  return problems[0];
}
