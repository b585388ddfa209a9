/**
 * The bundle's files from a planned local run: `compose.yaml` (the
 * workload's containers and the stand-ins), `.env` (every secret the
 * containers read: stand-ins' local credentials, and the environment's
 * secrets only when included; a secret left out is an empty line with a
 * comment naming it), `files/…` (the containers' files) and `README.md`
 * (how to run it, the port forwards, what it cannot reproduce). Pure.
 */
import { stringify } from 'yaml';
import type { LocalRunFile, LocalRunResource } from './model';
import type { ResolvedText } from './resolve';
import type { StandInService } from './standins';

/** A container of the workload, its fields filled (resolve.ts). */
export interface PlannedContainer {
  id: string;
  image: string;
  command?: ResolvedText[];
  args?: ResolvedText[];
  variables: [string, ResolvedText][];
  files: PlannedFile[];
}

/** A file the workload's container mounts. */
export interface PlannedFile {
  path: string;
  content: ResolvedText;
  mode?: string;
  encoding?: 'base64';
}

/** A resource of the run, with its stand-in's service when local. */
export interface PlannedResource extends LocalRunResource {
  /** The stand-in's service (local, unless it is only a name). */
  standIn?: StandInService;
  /** The host name the stand-in answers to (the environment's), as a network alias. */
  alias?: string;
  /** The environment's host a port forward serves on this machine (remote). */
  forwardedHost?: string;
  /** Local credentials of the stand-in, by `.env` name. */
  credentials?: [string, string][];
}

/** A planned local run. */
export interface LocalRunPlan {
  project: string;
  title: string;
  containers: PlannedContainer[];
  /** Published ports of the workload's service: `port:container_port`. */
  ports: string[];
  resources: PlannedResource[];
  secretsIncluded: boolean;
  warnings: string[];
}

/** `.env` names are upper-case letters, digits and underscores. */
export function envName(...parts: string[]): string {
  return parts
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, '_');
}

/** Compose interpolates `$`: a literal one is written `$$`. */
function literal(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

/** A `.env` value: single-quoted (literal) unless it holds a quote, then double-quoted with escapes. */
function envValue(text: string): string {
  if (!text.includes("'") && !text.includes('\n')) return `'${text}'`;
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$/g, '\\$')
    .replace(/\n/g, '\\n')}"`;
}

/** Collects `.env` lines. */
class EnvFile {
  readonly lines: string[] = [];
  /** Adds a secret; returns how compose.yaml reads it. */
  add(name: string, resolved: ResolvedText, about: string): string {
    if (resolved.missing.length === 0) {
      this.lines.push(`# ${about}`, `${name}=${envValue(resolved.text)}`);
    } else {
      this.lines.push(
        `# ${about}: not included (${resolved.missing.join('; ')}). Set it here to run with it.`,
        `${name}=`,
      );
    }
    return `\${${name}}`;
  }
}

function safeName(text: string): string {
  return text.replace(/^\/+/, '').replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Octal mode text (`0600`) as the number Compose takes. */
function modeOf(mode: string | undefined): number | undefined {
  if (mode === undefined || !/^[0-7]{3,4}$/.test(mode)) return undefined;
  return parseInt(mode, 8);
}

type ComposeService = Record<string, unknown>;

function containerService(
  plan: LocalRunPlan,
  container: PlannedContainer,
  main: string,
  env: EnvFile,
  configs: Record<string, unknown>,
  secrets: Record<string, unknown>,
  files: Record<string, LocalRunFile>,
): ComposeService {
  const service: ComposeService = { image: container.image };
  const words = (texts: ResolvedText[] | undefined, what: string) =>
    texts?.map((t, i) =>
      t.secret
        ? env.add(
            envName(container.id, what, String(i)),
            t,
            `${container.id}: ${what}[${i}]`,
          )
        : literal(t.text),
    );
  const entrypoint = words(container.command, 'command');
  const command = words(container.args, 'args');
  if (entrypoint) service.entrypoint = entrypoint;
  if (command) service.command = command;
  if (container.variables.length > 0)
    service.environment = Object.fromEntries(
      container.variables.map(([name, value]) => [
        name,
        value.secret
          ? env.add(
              envName(container.id, name),
              value,
              `${container.id}: variable ${name}`,
            )
          : literal(value.text),
      ]),
    );
  const mountedConfigs: unknown[] = [];
  const mountedSecrets: unknown[] = [];
  for (const file of container.files) {
    const name = `${container.id}-${safeName(file.path)}`;
    const mode = modeOf(file.mode);
    const mount = {
      source: name,
      target: file.path,
      ...(mode !== undefined ? { mode } : {}),
    };
    if (file.content.secret) {
      secrets[name] = {
        environment: env
          .add(
            envName(container.id, 'file', safeName(file.path)),
            file.content,
            `${container.id}: file ${file.path}`,
          )
          .slice(2, -1),
      };
      mountedSecrets.push(mount);
    } else {
      const bundled = `files/${container.id}/${file.path.replace(/^\/+/, '')}`;
      files[bundled] = {
        content: file.content.text,
        ...(file.encoding ? { encoding: file.encoding } : {}),
      };
      configs[name] = { file: `./${bundled}` };
      mountedConfigs.push(mount);
    }
  }
  if (mountedConfigs.length > 0) service.configs = mountedConfigs;
  if (mountedSecrets.length > 0) service.secrets = mountedSecrets;
  const standIns = plan.resources
    .filter((r) => r.service)
    .map((r) => r.service);
  if (container.id === main) {
    if (plan.ports.length > 0) service.ports = plan.ports;
    const forwarded = plan.resources
      .map((r) => r.forwardedHost)
      .filter((host): host is string => host !== undefined);
    if (forwarded.length > 0)
      service.extra_hosts = [...new Set(forwarded)].map(
        (host) => `${host}:host-gateway`,
      );
    if (standIns.length > 0) service.depends_on = standIns;
  } else {
    // Containers of one pod share its network: the others join the first one's.
    service.network_mode = `service:${main}`;
    service.depends_on = [main, ...standIns];
  }
  return service;
}

function standInService(
  resource: PlannedResource,
  env: EnvFile,
): ComposeService {
  for (const [name, value] of resource.credentials ?? [])
    env.add(
      name,
      { text: value, secret: true, missing: [] },
      `${resource.id}: local stand-in credential (not the environment's)`,
    );
  const standIn = resource.standIn!;
  return {
    image: standIn.image,
    ...(standIn.entrypoint ? { entrypoint: standIn.entrypoint } : {}),
    ...(standIn.command ? { command: standIn.command } : {}),
    ...(standIn.environment ? { environment: standIn.environment } : {}),
    ...(resource.alias
      ? { networks: { default: { aliases: [resource.alias] } } }
      : {}),
  };
}

function readme(plan: LocalRunPlan): string {
  const lines = [
    `# Run ${plan.title} locally`,
    '',
    'Start it with `docker compose up` in this folder (Compose reads `.env` beside `compose.yaml`).',
    '',
  ];
  if (plan.warnings.length > 0)
    lines.push('## Warnings', '', ...plan.warnings.map((w) => `- ${w}`), '');
  lines.push('## Resources', '');
  if (plan.resources.length === 0)
    lines.push('The workload reads no resources.');
  for (const r of plan.resources) {
    lines.push(
      `- \`${r.id}\` (${r.type}): ${r.mode === 'local' ? (r.service ? `local stand-in, service \`${r.service}\` (${r.image})` : 'local') : "the environment's, through a port forward"}${r.note ? `. ${r.note}` : ''}`,
    );
    if (r.port_forward && r.port_forward.length > 0)
      lines.push(
        '',
        '  Before `docker compose up`, in another terminal:',
        '',
        '  ```sh',
        ...r.port_forward.map((c) => `  ${c}`),
        '  ```',
        '',
      );
  }
  lines.push('');
  return lines.join('\n');
}

/** The bundle's files. */
export function bundleFiles(plan: LocalRunPlan): Record<string, LocalRunFile> {
  const env = new EnvFile();
  const configs: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  const files: Record<string, LocalRunFile> = {};
  const services: Record<string, ComposeService> = {};
  const main = plan.containers[0]?.id ?? '';
  for (const container of plan.containers)
    services[container.id] = containerService(
      plan,
      container,
      main,
      env,
      configs,
      secrets,
      files,
    );
  for (const resource of plan.resources)
    if (resource.service && resource.standIn)
      services[resource.service] = standInService(resource, env);
  const compose = {
    name: plan.project,
    services,
    ...(Object.keys(configs).length > 0 ? { configs } : {}),
    ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
  };
  const header = [
    `# Secrets of ${plan.title} for docker compose (next to compose.yaml).`,
    ...(plan.secretsIncluded
      ? [
          "# WARNING: this file holds the environment's secrets. Keep it on this machine: never commit, share or upload it, and delete it when done.",
        ]
      : [
          "# The environment's secrets are not included: the lines below left empty name them.",
        ]),
  ];
  return {
    'compose.yaml': {
      content: `# ${plan.title}, as it runs in the environment (made by the console's "Run locally").\n${stringify(compose, { lineWidth: 0 })}`,
    },
    '.env': { content: `${[...header, ...env.lines].join('\n')}\n` },
    'README.md': { content: readme(plan) },
    ...files,
  };
}
