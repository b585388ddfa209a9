/**
 * The built-in drivers of the `humanitec` organisation, public to every
 * organisation, simulated deterministically: the same inputs and context give
 * the same outputs and log. Each checks its inputs against its
 * `inputs_schema` first (run.ts), then does its own checks here.
 */
import { sha256Text, toHex } from '../core/canonical';
import type { DriverDefinition } from '../core/model/drivers';
import { PUBLIC_ORG_ID } from '../core/model/drivers';
import type { Json, JsonObject } from '../core/model/spec';
import type {
  DriverContext,
  DriverOutputs,
  DriverResult,
  DriverRun,
} from './inputs';
import { objectScope, renderTemplate, type TemplateScope } from './template';
import { runTerraform } from './terraform';
import { ID_PATTERN } from '../core/validate';

/** A built-in driver: its definition and its simulation. */
export interface BuiltinDriver {
  definition: DriverDefinition;
  /** Runs the driver on inputs its schema accepted; appends to `log`. */
  run(run: DriverRun, log: string[]): DriverResult;
}

const str = { type: 'string' } as const;
const obj = (
  properties: JsonObject = {},
  required: string[] = [],
  extra: JsonObject = {},
): JsonObject => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
  ...extra,
});
const inputs = (values: JsonObject, secrets: JsonObject = obj()): JsonObject =>
  obj({ values, secrets });

const CLOUDS = [
  'aws',
  'aws-role',
  'gcp',
  'gcp-identity',
  'azure',
  'azure-identity',
];
const DNS_LABEL = '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$';
const DOMAIN =
  '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$';

/** Supported PostgreSQL major versions. */
export const POSTGRES_MAJORS = [12, 13, 14, 15, 16] as const;

function definition(
  id: string,
  type: string,
  inputs_schema: JsonObject,
  account_types: string[] = [],
): DriverDefinition {
  return { org_id: PUBLIC_ORG_ID, id, type, inputs_schema, account_types };
}

function ok(outputs: DriverOutputs, log: string[]): DriverResult {
  return { ok: true, outputs, log };
}

function failed(message: string, log: string[]): DriverResult {
  log.push(`Error: ${message}`);
  return { ok: false, message, log };
}

function values(run: DriverRun): JsonObject {
  return run.inputs.values ?? {};
}

function secrets(run: DriverRun): JsonObject {
  return run.inputs.secrets ?? {};
}

/** The context as template roots (`context.app.id`, ...), only what was given. */
function contextRoot(context: DriverContext = {}): JsonObject {
  const root: JsonObject = {};
  if (context.org) root.org = { id: context.org.id };
  if (context.app) root.app = { id: context.app.id };
  if (context.env)
    root.env = {
      id: context.env.id,
      ...(context.env.type ? { type: context.env.type } : {}),
    };
  if (context.res) {
    const res: JsonObject = { id: context.res.id };
    if (context.res.type) res.type = context.res.type;
    res.class = context.res.class ?? 'default';
    root.res = res;
  }
  return root;
}

/** The scope of a template: the context, the driver's inputs and the dependencies' outputs. */
function templateScope(run: DriverRun): TemplateScope {
  return objectScope(
    {
      context: contextRoot(run.context),
      driver: { values: values(run), secrets: secrets(run) },
    },
    (path) => path.startsWith('driver.secrets.'),
    run.dependencies ?? {},
  );
}

/** A lowercase DNS-label slug of a text (`shared.db` -> `shared-db`). */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** `app-env` (or `app-env-res`) of the context, or undefined without an app and environment. */
function contextSlug(context: DriverContext = {}, withRes = false) {
  if (!context.app || !context.env) return undefined;
  const parts = [context.app.id, context.env.id];
  if (withRes && context.res) parts.push(context.res.id);
  return slug(parts.join('-'));
}

// --- humanitec/echo -------------------------------------------------------------------------------------------

const echo: BuiltinDriver = {
  definition: definition(
    'echo',
    '*',
    inputs(
      obj({}, [], { additionalProperties: true }),
      obj({}, [], { additionalProperties: true }),
    ),
  ),
  run(run, log) {
    const outputs = {
      values: structuredClone(values(run)),
      secrets: structuredClone(secrets(run)),
    };
    log.push(
      `Echoing ${Object.keys(outputs.values).length} value(s) and ${Object.keys(outputs.secrets).length} secret(s) as the resource's outputs`,
    );
    return ok(outputs, log);
  },
};

// --- humanitec/template ---------------------------------------------------------------------------------------

const TEMPLATE_GROUP: JsonObject = {
  oneOf: [
    { type: 'string' },
    { type: 'object', additionalProperties: { type: 'string' } },
  ],
};

const template: BuiltinDriver = {
  definition: definition(
    'template',
    '*',
    inputs(
      obj(
        {
          templates: obj(
            { outputs: TEMPLATE_GROUP, secrets: TEMPLATE_GROUP },
            [],
            { additionalProperties: false },
          ),
        },
        ['templates'],
      ),
      obj({}, [], { additionalProperties: true }),
    ),
  ),
  run(run, log) {
    const templates = values(run).templates as JsonObject;
    const scope = templateScope(run);
    const outputs: DriverOutputs = { values: {}, secrets: {} };
    for (const group of ['outputs', 'secrets'] as const) {
      const entries = templateEntries(templates[group]);
      if (typeof entries === 'string')
        return failed(`templates.${group}: ${entries}`, log);
      for (const [key, text] of entries) {
        const where = `templates.${group}.${key}`;
        const rendered = renderTemplate(text, scope, where);
        if (!rendered.ok) return failed(rendered.message, log);
        if (group === 'outputs' && rendered.secret)
          return failed(
            `${where} reads a secret (${rendered.reads.join(', ')}): a secret may only go into templates.secrets, where it stays write-only.`,
            log,
          );
        (group === 'outputs' ? outputs.values : outputs.secrets)[key] =
          rendered.value;
      }
    }
    log.push(
      `Rendered ${Object.keys(outputs.values).length} output(s) and ${Object.keys(outputs.secrets).length} secret(s) from the templates`,
    );
    return ok(outputs, log);
  },
};

/**
 * The templates of one group: an object of key -> template, or text of
 * `key: template` lines (as Humanitec's YAML outputs template reads); a
 * message when a line is not of that form.
 */
function templateEntries(group: Json | undefined): [string, string][] | string {
  if (group === undefined || group === null) return [];
  if (typeof group !== 'string')
    return Object.entries(group as Record<string, string>);
  const entries: [string, string][] = [];
  const lines = group.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z0-9_-]+):\s?(.*)$/.exec(line.trim());
    if (!match)
      return `line ${index + 1} is not \`key: template\` (e.g. \`host: \${driver.values.host}\`).`;
    entries.push([match[1], unquote(match[2])]);
  }
  return entries;
}

function unquote(text: string): string {
  const quoted = /^"(.*)"$/.exec(text) ?? /^'(.*)'$/.exec(text);
  return quoted ? quoted[1] : text;
}

// --- humanitec/k8s-cluster ------------------------------------------------------------------------------------

const k8sCluster: BuiltinDriver = {
  definition: definition(
    'k8s-cluster',
    'k8s-cluster',
    inputs(
      obj(
        {
          name: { ...str, pattern: DNS_LABEL },
          loadbalancer: { ...str, minLength: 1 },
          region: str,
          project_id: str,
          zone: str,
          // How environments on this cluster deploy (operator/mode.ts): direct when absent.
          deployment_mode: {
            type: 'string',
            enum: ['direct', 'operator', 'gitops'],
          },
          operator_version: {
            type: 'string',
            pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$',
          },
          gitops_sync_delay_seconds: {
            type: 'integer',
            minimum: 0,
            maximum: 3600,
          },
        },
        ['name', 'loadbalancer'],
      ),
    ),
    CLOUDS,
  ),
  run(run, log) {
    const v = values(run);
    const outputs: JsonObject = { name: v.name, loadbalancer: v.loadbalancer };
    for (const key of ['region', 'project_id', 'zone'])
      if (typeof v[key] === 'string') outputs[key] = v[key];
    log.push(
      `Connecting to cluster ${String(v.name)} (load balancer ${String(v.loadbalancer)})`,
      'Cluster reachable',
    );
    return ok({ values: outputs, secrets: {} }, log);
  },
};

// --- humanitec/agent ------------------------------------------------------------------------------------------

// An `agent` resource: the Humanitec Agent a private cluster is reached through (`values.id`, a registered agent).
// Provisioning checks that the agent is connected before this runs (agents/reach.ts); the url is where the
// orchestrator's tunnel to it ends, which a k8s-cluster definition reads as ${resources['agent.default#agent'].outputs.url}.
const agent: BuiltinDriver = {
  definition: definition(
    'agent',
    'agent',
    inputs(obj({ id: { ...str, pattern: ID_PATTERN.source } }, ['id'])),
  ),
  run(run, log) {
    const id = String(values(run).id);
    const org = run.context?.org?.id ?? 'org';
    log.push(`Opening the tunnel through agent ${id}`, 'Tunnel open');
    return ok(
      {
        values: { id, url: `https://${id}.${org}.agents.humanitec.internal` },
        secrets: {},
      },
      log,
    );
  },
};

// --- humanitec/k8s-namespace ----------------------------------------------------------------------------------

const k8sNamespace: BuiltinDriver = {
  definition: definition(
    'k8s-namespace',
    'k8s-namespace',
    inputs(obj({ namespace: { ...str, pattern: DNS_LABEL } })),
  ),
  run(run, log) {
    const given = values(run).namespace;
    const namespace =
      typeof given === 'string' ? given : contextSlug(run.context);
    if (!namespace)
      return failed(
        'The namespace driver needs `values.namespace` or an app and an environment to name the namespace after.',
        log,
      );
    log.push(`Creating namespace ${namespace}`);
    return ok({ values: { namespace }, secrets: {} }, log);
  },
};

// --- humanitec/dns-wildcard -----------------------------------------------------------------------------------

const dnsWildcard: BuiltinDriver = {
  definition: definition(
    'dns-wildcard',
    'dns',
    inputs(
      obj({ domain: { ...str, pattern: DOMAIN }, template: str }, ['domain']),
    ),
  ),
  run(run, log) {
    const v = values(run);
    const prefixTemplate =
      typeof v.template === 'string'
        ? v.template
        : '${context.app.id}-${context.env.id}';
    const rendered = renderTemplate(
      prefixTemplate,
      templateScope(run),
      'values.template',
    );
    if (!rendered.ok) return failed(rendered.message, log);
    if (rendered.secret)
      return failed(
        'values.template reads a secret: a host name is not secret.',
        log,
      );
    const prefix = slug(String(rendered.value));
    if (prefix === '')
      return failed(
        'values.template renders an empty name: it must give at least one letter or digit.',
        log,
      );
    const host = `${prefix}.${String(v.domain)}`;
    log.push(`Reserving ${host} under *.${String(v.domain)}`);
    return ok({ values: { host }, secrets: {} }, log);
  },
};

// --- humanitec/postgres ---------------------------------------------------------------------------------------

const postgres: BuiltinDriver = {
  definition: definition(
    'postgres',
    'postgres',
    inputs(
      obj({
        version: { type: ['string', 'integer'] },
        host: str,
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        name: { ...str, pattern: '^[a-z_][a-z0-9_]{0,62}$' },
      }),
      obj({ username: str, password: str }),
    ),
    CLOUDS,
  ),
  run(run, log) {
    const v = values(run);
    const s = secrets(run);
    const major = postgresMajor(v.version);
    if (typeof major === 'string') return failed(major, log);
    const base = contextSlug(run.context, true) ?? 'db';
    const name =
      typeof v.name === 'string'
        ? v.name
        : base.replace(/-/g, '_').slice(0, 63);
    const host =
      typeof v.host === 'string' ? v.host : `${base}.postgres.internal`;
    const port = typeof v.port === 'number' ? v.port : 5432;
    log.push(
      `Creating PostgreSQL ${major} database ${name} on ${host}:${port}`,
      'Database ready',
    );
    return ok(
      {
        values: { host, port, name },
        secrets: {
          username:
            typeof s.username === 'string' ? s.username : `${name}_owner`,
          password:
            typeof s.password === 'string'
              ? s.password
              : derivedPassword(run.context),
        },
      },
      log,
    );
  },
};

/** The major version of `values.version` (default 16), or the driver's message when unsupported. */
function postgresMajor(version: Json | undefined): number | string {
  if (version === undefined) return 16;
  const text = String(version);
  const match = /^(\d{1,3})(?:\.\d+)?$/.exec(text);
  const major = match ? Number(match[1]) : NaN;
  if ((POSTGRES_MAJORS as readonly number[]).includes(major)) return major;
  return `PostgreSQL version "${text.slice(0, 80)}" is not supported: set \`values.version\` to a major version from ${POSTGRES_MAJORS[0]} to ${POSTGRES_MAJORS.at(-1)} (e.g. "16").`;
}

/** A password derived from where the database is (simulated, so the same every run). */
function derivedPassword(context: DriverContext = {}): string {
  const where = [
    context.org?.id,
    context.app?.id,
    context.env?.id,
    context.res?.id,
  ].join('/');
  return toHex(sha256Text(`postgres-password:${where}`)).slice(0, 24);
}

// --- humanitec/terraform --------------------------------------------------------------------------------------

const terraform: BuiltinDriver = {
  definition: definition(
    'terraform',
    '*',
    inputs(
      obj(
        {
          script: { ...str, minLength: 1 },
          source: obj({ url: { ...str, minLength: 1 }, path: str, rev: str }, [
            'url',
          ]),
          variables: obj({}, [], { additionalProperties: true }),
        },
        [],
        { anyOf: [{ required: ['script'] }, { required: ['source'] }] },
      ),
      obj({ variables: obj({}, [], { additionalProperties: true }) }),
    ),
    CLOUDS,
  ),
  run(run, log) {
    const result = runTerraform(values(run), secrets(run), log);
    return result.ok ? ok(result.outputs, log) : failed(result.message, log);
  },
};

/** The built-in drivers by id. */
export const BUILTIN_DRIVERS: ReadonlyMap<string, BuiltinDriver> = new Map(
  [
    echo,
    template,
    k8sCluster,
    k8sNamespace,
    agent,
    dnsWildcard,
    postgres,
    terraform,
  ].map((driver) => [driver.definition.id, driver]),
);
