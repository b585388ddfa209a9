/**
 * Deploy-time resolution of `${values.KEY}`: a deployment records the
 * value-set version of its environment it used (the current one, or the one
 * the request or the redeployed deployment names) and fails with one error
 * per workload that refers to a value the version does not define
 * (`WL-VAL-001`) or to a secret whose content is gone (purged) or whose store
 * is not known (`WL-VAL-002`). Errors name the workload, the field and the
 * key, never a value.
 */
import { dottedPath, formatPointer } from '../core/json-pointer';
import { isJsonObject } from '../core/canonical';
import type { OpContext } from '../core/lookup';
import type { DeploymentError, DeploymentSet, Json } from '../core/model/spec';
import type { VersionValue, ValueSetVersionRecord } from '../core/model/values';
import type { AppRecord } from '../core/state';
import { invalid, show } from '../core/validate';
import { currentVersion, knownSecretStore } from './ops';

/** The code of a deployment error for a value the environment does not define. */
export const MISSING_VALUE_CODE = 'WL-VAL-001';
/** The code of a deployment error for a secret value that cannot be read. */
export const MISSING_SECRET_CODE = 'WL-VAL-002';

const REFERENCE = /\$\{values\.([A-Za-z0-9_.-]+)\}/g;

/** A `${values.KEY}` reference of a workload: the key and the dotted field that holds it. */
export interface ValueReference {
  key: string;
  field: string;
}

/** The `${values.KEY}` references in a workload (its spec and its resources' params), in field order. */
export function valueReferences(
  workloadId: string,
  module: { spec?: Json; externals?: Record<string, unknown> },
): ValueReference[] {
  const out: ValueReference[] = [];
  const walk = (node: unknown, tokens: string[]) => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(REFERENCE)) {
        out.push({
          key: match[1],
          field: `modules.${workloadId}.${dottedPath(formatPointer(tokens))}`,
        });
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...tokens, String(index)]));
    } else if (isJsonObject(node as Json)) {
      for (const [key, value] of Object.entries(node as object))
        walk(value, [...tokens, key]);
    }
  };
  walk(module.spec, ['spec']);
  walk(module.externals, ['externals']);
  return out;
}

/**
 * The version a deployment of `envId` uses: the one asked for (the
 * environment's own versions, then the app's: a deployment recorded before
 * the environment had overrides names an app version), else the current one.
 * 400 for an unknown id.
 */
export function deployVersion(
  app: AppRecord,
  envId: string,
  requested: string | undefined,
): ValueSetVersionRecord | undefined {
  if (requested === undefined) return currentVersion(app, envId);
  const values = app.values;
  const env =
    values && Object.hasOwn(values.envs, envId)
      ? values.envs[envId]
      : undefined;
  const own = env && env.envSeq === app.envs[envId]?.seq ? env.versions : [];
  const found =
    own.find((version) => version.id === requested) ??
    values?.app.versions.find((version) => version.id === requested);
  if (!found)
    invalid(
      `\`value_set_version_id\` ${show(requested)} is not a value-set version of environment \`${envId}\` or of app \`${app.app.id}\`; list them with GET …/envs/${envId}/value-set-versions, or leave it out to use the current values.`,
      { value_set_version_id: requested },
    );
  return found;
}

/** Whether a value can be given to a workload: a plain value not purged, a secret whose content the store has. */
function readable(
  ctx: OpContext,
  orgId: string,
  app: AppRecord,
  value: VersionValue,
): boolean {
  if (value.purged) return false;
  if (!value.is_secret) return true;
  if (!value.secret) return false;
  if (value.secret.external)
    return knownSecretStore(ctx, orgId, value.secret.store);
  return Object.hasOwn(app.values?.vault ?? {}, value.rev);
}

/**
 * The deployment errors of the `${values.KEY}` references of a set against a
 * version's values: per workload, one `WL-VAL-001` for keys it lacks and one
 * `WL-VAL-002` for secrets that cannot be read.
 */
export function valueErrors(
  ctx: OpContext,
  orgId: string,
  app: AppRecord,
  envId: string,
  set: DeploymentSet,
  version: ValueSetVersionRecord | undefined,
): DeploymentError[] {
  const values = version?.values ?? {};
  const errors: DeploymentError[] = [];
  const where = version
    ? `value-set version \`${version.id}\``
    : 'no value-set version (the app has no values yet)';
  for (const id of Object.keys(set.modules).sort()) {
    const refs = valueReferences(id, set.modules[id]);
    const missing = refs.filter((ref) => !Object.hasOwn(values, ref.key));
    const unreadable = refs.filter(
      (ref) =>
        Object.hasOwn(values, ref.key) &&
        !readable(ctx, orgId, app, values[ref.key]),
    );
    const list = (items: ValueReference[]) =>
      items
        .map((ref) => `\`\${values.${ref.key}}\` in \`${ref.field}\``)
        .join(', ');
    if (missing.length > 0)
      errors.push({
        scope: 'workload',
        object_id: id,
        code: MISSING_VALUE_CODE,
        summary: 'Value not defined',
        message: `Workload "${id}" refers to ${missing.length === 1 ? 'a value' : `${missing.length} values`} environment "${envId}" does not define (${where}): ${list(missing)}. Add ${missing.length === 1 ? 'it' : 'them'} on the app's Values page (for every environment, or as an override of "${envId}"), or remove the reference from the workload; then deploy again.`,
        error_type: 'ValueNotFound',
      });
    if (unreadable.length > 0)
      errors.push({
        scope: 'workload',
        object_id: id,
        code: MISSING_SECRET_CODE,
        summary: 'Secret value cannot be read',
        message: `Workload "${id}" refers to ${unreadable.length === 1 ? 'a secret' : `${unreadable.length} secrets`} whose content is gone (purged) or whose secret store is not registered (${where}): ${list(unreadable)}. Set the secret again on the app's Values page (or register its store), then deploy again.`,
        error_type: 'SecretReferenceError',
      });
  }
  return errors;
}
