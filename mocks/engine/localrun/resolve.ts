/**
 * The text a workload's field has when it runs locally: its `${…}`
 * placeholders filled as the deployment filled them (`${context.…}`,
 * `${modules.ID.service.name}`, `${values.KEY}` of the deployment's value-set
 * version), except that a resource's outputs are those of its local stand-in
 * or of the environment's resource, and a secret is filled only when it may
 * be (a stand-in's local credential always; the environment's secrets only
 * when the caller asked for them and may read them). What is not filled is
 * named (never its value) and the field keeps the placeholder's text. Pure.
 */
import type { Json, JsonObject } from '../core/model/spec';

/** What a resource gives the workload: plain outputs, and secret outputs with a value when the bundle may hold it. */
export interface ResourceOutputs {
  values: JsonObject;
  secrets: Record<string, { value?: string; ref: string }>;
}

/** Everything a placeholder of the workload can read. */
export interface ResolveScope {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  workloadId: string;
  /** Workload ids of the deployed set (`${modules.ID.service.name}`). */
  workloads: ReadonlySet<string>;
  /** By the workload's name of the resource: `shared.db`, `externals.cache`. */
  resources: ReadonlyMap<string, ResourceOutputs>;
  /** `${values.KEY}`: a plain value, or a secret (with its content when it may be included). */
  value(key: string): { value?: string; secret: boolean } | undefined;
  /** `${secrets.KEY}` (a secret field of the workload): its content when it may be included. */
  storedSecret(key: string): string | undefined;
}

/** A field's local text. */
export interface ResolvedText {
  text: string;
  /** It reads a secret (so it goes to `.env`, never to compose.yaml). */
  secret: boolean;
  /** What could not be filled (secrets left out, outputs the resource lacks): names, never values. */
  missing: string[];
}

const PLACEHOLDER = /\$\$\{|\$\{([^{}]*)\}/g;

type Reading =
  | { kind: 'text'; text: string; secret?: boolean }
  | { kind: 'missing'; what: string; secret?: boolean }
  | { kind: 'keep' };

function show(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function readContext(scope: ResolveScope, key: string): Reading {
  const context: Record<string, string> = {
    'org.id': scope.orgId,
    'app.id': scope.appId,
    'env.id': scope.envId,
    'env.type': scope.envType,
  };
  return Object.hasOwn(context, key)
    ? { kind: 'text', text: context[key] }
    : { kind: 'keep' };
}

function readResource(
  scope: ResolveScope,
  id: string,
  output: string,
): Reading {
  const resource = scope.resources.get(id);
  if (!resource)
    return { kind: 'missing', what: `resource \`${id}\` (not in the bundle)` };
  if (Object.hasOwn(resource.secrets, output)) {
    const secret = resource.secrets[output];
    return secret.value !== undefined
      ? { kind: 'text', text: secret.value, secret: true }
      : {
          kind: 'missing',
          what: `secret output \`${output}\` of \`${id}\` (${secret.ref})`,
          secret: true,
        };
  }
  if (Object.hasOwn(resource.values, output))
    return { kind: 'text', text: show(resource.values[output]) };
  return { kind: 'missing', what: `output \`${output}\` of \`${id}\`` };
}

/** What one placeholder (`path` inside `${…}`) reads. */
function read(scope: ResolveScope, path: string): Reading {
  const [head, ...rest] = path.split('.');
  switch (head) {
    case 'context':
      return readContext(scope, rest.join('.'));
    case 'modules': {
      const [id, what, name] = rest;
      return rest.length === 3 &&
        what === 'service' &&
        name === 'name' &&
        scope.workloads.has(id)
        ? { kind: 'text', text: id }
        : { kind: 'keep' };
    }
    case 'shared':
    case 'externals': {
      const [name, ...output] = rest;
      return readResource(scope, `${head}.${name}`, output.join('.'));
    }
    case 'values': {
      const key = rest.join('.');
      const found = scope.value(key);
      if (!found)
        return { kind: 'missing', what: `value \`${key}\` (not defined)` };
      if (found.value !== undefined)
        return { kind: 'text', text: found.value, secret: found.secret };
      return {
        kind: 'missing',
        what: `secret value \`${key}\``,
        secret: true,
      };
    }
    case 'secrets': {
      const key = rest.join('.');
      const value = scope.storedSecret(key);
      return value !== undefined
        ? { kind: 'text', text: value, secret: true }
        : {
            kind: 'missing',
            what: `secret field \`\${secrets.${key}}\``,
            secret: true,
          };
    }
    default:
      return { kind: 'keep' };
  }
}

/** Fills the placeholders of one text. */
export function resolveText(
  scope: ResolveScope,
  template: string,
): ResolvedText {
  let secret = false;
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, path?: string) => {
    if (path === undefined) return '${';
    const reading = read(scope, path.trim());
    if (reading.kind === 'keep') return whole;
    if (reading.secret) secret = true;
    if (reading.kind === 'missing') {
      missing.push(reading.what);
      return whole;
    }
    return reading.text;
  });
  return { text, secret, missing };
}

/** The resources a workload reads: its own (`externals.NAME`) and the shared ones its fields name (`shared.NAME`). */
export function resourcesRead(module: {
  spec?: Json;
  externals?: Record<string, unknown>;
}): string[] {
  const shared = new Set<string>();
  for (const match of JSON.stringify(module.spec ?? {}).matchAll(
    /\$\{\s*shared\.([^.}\s]+)/g,
  ))
    shared.add(`shared.${match[1]}`);
  return [
    ...Object.keys(module.externals ?? {})
      .sort()
      .map((name) => `externals.${name}`),
    ...[...shared].sort(),
  ];
}
