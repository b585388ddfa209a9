/**
 * Placeholders filled at deploy time: after its resources are provisioned, a
 * deployment fills each workload's `${shared.NAME.OUTPUT}`,
 * `${externals.NAME.OUTPUT}`, `${modules.ID.service.name}` and
 * `${context.app.id|env.id|env.type|org.id}` from the resources' outputs and
 * where it runs. A placeholder that reads a secret output is not filled in:
 * the field becomes a reference to the secret (what the cluster mounts), so
 * secret values never reach a deployment record or a response.
 *
 * A placeholder naming a resource the set does not have, or an output the
 * resource's driver did not give, fails the deployment with one `WL-RES-002`
 * error per workload that names the field, the placeholder and the outputs
 * there are. One whose resource failed to provision is left to that
 * resource's own error (the root cause). So does an ingress rule keyed by a
 * DNS resource (`shared.dns`) the set does not have. `${values.KEY}` (values/resolve.ts)
 * and other text are left as they are. Pure.
 */
import { dottedPath, formatPointer } from '../core/json-pointer';
import { isJsonObject } from '../core/canonical';
import type {
  DeploymentError,
  DeploymentSet,
  Json,
  JsonObject,
} from '../core/model/spec';
import type { ResolvedPlaceholderRecord } from '../core/model/provisioning';
import { ingressReferences } from './requests';

/** The code of a deployment error for a placeholder that cannot be filled. */
export const UNFILLED_PLACEHOLDER_CODE = 'WL-RES-002';

/** What placeholders can read: each resource's outputs, where the deployment runs. */
export interface PlaceholderScope {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  set: DeploymentSet;
  /** Non-secret outputs by resource id (`shared.db`, `modules.api.externals.cache`). */
  outputs: Record<string, JsonObject>;
  /** Secret outputs by resource id: output name → secret reference. */
  secretRefs: Record<string, Record<string, string>>;
  /** Resources whose provisioning failed (their placeholders are not reported again). */
  failed: ReadonlySet<string>;
}

/** What filling a set's placeholders gives. */
export interface FilledPlaceholders {
  fields: ResolvedPlaceholderRecord[];
  errors: DeploymentError[];
}

const PLACEHOLDER = /\$\$\{|\$\{([^{}]*)\}/g;

type Reading =
  | { kind: 'value'; value: Json; resource?: string }
  | { kind: 'secret'; ref: string; resource: string }
  | { kind: 'skip' }
  | { kind: 'unknown' }
  | { kind: 'error'; message: string };

/** What one placeholder of workload `workload` reads. */
function read(
  scope: PlaceholderScope,
  workload: string,
  path: string,
): Reading {
  const parts = path.split('.');
  const [head] = parts;
  if (head === 'context') {
    const context: Record<string, string> = {
      'org.id': scope.orgId,
      'app.id': scope.appId,
      'env.id': scope.envId,
      'env.type': scope.envType,
    };
    const key = parts.slice(1).join('.');
    return Object.hasOwn(context, key)
      ? { kind: 'value', value: context[key] }
      : {
          kind: 'error',
          message: `\`\${${path}}\` is not a context placeholder (there are ${Object.keys(
            context,
          )
            .map((k) => `\`\${context.${k}}\``)
            .join(', ')})`,
        };
  }
  if (head === 'modules') {
    const [, id, what, name] = parts;
    if (parts.length !== 4 || what !== 'service' || name !== 'name')
      return { kind: 'unknown' };
    return Object.hasOwn(scope.set.modules, id)
      ? { kind: 'value', value: id }
      : {
          kind: 'error',
          message: `\`\${${path}}\` names workload \`${id}\`, which the set does not have`,
        };
  }
  if (head !== 'shared' && head !== 'externals') return { kind: 'unknown' };
  const [, name, ...rest] = parts;
  const output = rest.join('.');
  const resource =
    head === 'shared'
      ? `shared.${name}`
      : `modules.${workload}.externals.${name}`;
  const declared =
    head === 'shared'
      ? Object.hasOwn(scope.set.shared, name)
      : Object.hasOwn(scope.set.modules[workload]?.externals ?? {}, name);
  if (!name || !declared)
    return {
      kind: 'error',
      message:
        head === 'shared'
          ? `\`\${${path}}\` names shared resource \`${name}\`, which the set does not have (add it under the app's shared resources)`
          : `\`\${${path}}\` names resource \`${name}\`, which workload \`${workload}\` does not have (add it under its resources)`,
    };
  if (scope.failed.has(resource)) return { kind: 'skip' };
  const values = scope.outputs[resource] ?? {};
  const secrets = scope.secretRefs[resource] ?? {};
  if (output && Object.hasOwn(secrets, output))
    return { kind: 'secret', ref: secrets[output], resource };
  if (output && Object.hasOwn(values, output))
    return { kind: 'value', value: values[output], resource };
  const there = [...Object.keys(values), ...Object.keys(secrets)].sort();
  return {
    kind: 'error',
    message: `\`\${${path}}\` reads ${output ? `output \`${output}\`` : 'no output'} of \`${resource}\`, whose driver gave ${
      there.length > 0
        ? there.map((key) => `\`${key}\``).join(', ')
        : 'no outputs'
    }`,
  };
}

function text(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fills the placeholders of one string; undefined when it holds none this module fills. */
function fillString(
  scope: PlaceholderScope,
  workload: string,
  template: string,
  field: string,
  problems: string[],
): ResolvedPlaceholderRecord | undefined {
  let found = false;
  let failed = false;
  const refs: string[] = [];
  const resources = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (whole, path?: string) => {
    if (path === undefined) return whole;
    const reading = read(scope, workload, path.trim());
    if (reading.kind === 'unknown') return whole;
    found = true;
    if (reading.kind === 'error') {
      problems.push(`${reading.message} in \`${field}\``);
      failed = true;
      return whole;
    }
    if (reading.kind === 'skip') {
      failed = true;
      return whole;
    }
    if (reading.resource) resources.add(reading.resource);
    if (reading.kind === 'secret') {
      refs.push(reading.ref);
      return whole;
    }
    return text(reading.value);
  });
  if (!found) return undefined;
  return {
    workload_id: workload,
    field,
    template,
    ...(failed || refs.length > 0 ? {} : { value: filled }),
    secret: refs.length > 0,
    ...(refs.length > 0 ? { secret_refs: refs } : {}),
    resources: [...resources].sort(),
  };
}

/** An ingress rule keyed by a DNS resource (`shared.dns`) the set does not have serves no name. */
function ingressProblems(set: DeploymentSet, workload: string): string[] {
  const externals = set.modules[workload].externals ?? {};
  return ingressReferences(workload, set.modules[workload])
    .filter((id) => {
      const shared = /^shared\.(.+)$/.exec(id);
      if (shared) return !Object.hasOwn(set.shared, shared[1]);
      return !Object.hasOwn(externals, id.split('.').at(-1)!);
    })
    .map(
      (id) =>
        `the ingress rule \`${id.replace(`modules.${workload}.`, '')}\` names a DNS resource the set does not have (in \`spec.ingress.rules\`; add a resource of type dns with that name)`,
    );
}

/** Fills every workload's placeholders (fields in workload then document order). */
export function fillPlaceholders(scope: PlaceholderScope): FilledPlaceholders {
  const fields: ResolvedPlaceholderRecord[] = [];
  const errors: DeploymentError[] = [];
  for (const workload of Object.keys(scope.set.modules).sort()) {
    const problems: string[] = [];
    const walk = (node: unknown, tokens: string[]) => {
      if (typeof node === 'string') {
        const field = dottedPath(formatPointer(tokens));
        const filled = fillString(scope, workload, node, field, problems);
        if (filled) fields.push(filled);
      } else if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, [...tokens, String(i)]));
      } else if (isJsonObject(node as Json)) {
        for (const [key, value] of Object.entries(node as JsonObject))
          walk(value, [...tokens, key]);
      }
    };
    walk(scope.set.modules[workload].spec, ['spec']);
    problems.push(...ingressProblems(scope.set, workload));
    if (problems.length > 0)
      errors.push({
        scope: 'workload',
        object_id: workload,
        code: UNFILLED_PLACEHOLDER_CODE,
        summary: 'Placeholder cannot be filled',
        message: `Workload "${workload}" has ${problems.length === 1 ? 'a placeholder' : `${problems.length} placeholders`} the deployment cannot fill: ${problems.join('; ')}. Fix the placeholder in the workload, or the resource (its type, or the definition that gives its outputs); then deploy again.`,
        error_type: 'PlaceholderResolutionError',
      });
  }
  return { fields, errors };
}
