/** The CLI's commands: each returns the text to print and the exit code. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { DeltaRequest } from '@/api/types';
import type { CliApi } from './api';
import { type CliSettings } from './config';
import { render, type OutputFormat } from './output';
import { unifiedSetDiff } from './set-diff';

/** A usage mistake: printed with a hint, exit code 2. */
export class UsageError extends Error {}

/** What a command gives back. */
export interface CommandResult {
  out: string;
  code: number;
}

/** The parsed options a command may use. */
export interface CommandOptions {
  app?: string;
  env?: string;
  file?: string;
  comment?: string;
  from?: string;
  to?: string;
  type?: string;
  workload?: string[];
  wait?: boolean;
  context?: string;
  /** push artefact-version: the commit, ref and digest of the image. */
  commit?: string;
  ref?: string;
  digest?: string;
  /** set value: keep it as a secret (write-only). */
  secret?: boolean;
  /** explain-match: the resource's class and id. */
  class?: string;
  res?: string;
  /** score deploy: the Humanitec extensions file, and the image of containers whose image is ".". */
  extensions?: string;
  image?: string;
  /** run-local: every resource's mode, one resource's (`<id>:local|remote`), and the environment's secrets in .env. */
  resources?: string;
  resource?: string[];
  includeSecrets?: boolean;
  /** register agent: the agent's id and the file of its public key (PEM). */
  id?: string;
  keyFile?: string;
  /** run-local, export: the folder to write to (their -o). */
  dir?: string;
  /** export: the deployment to export (default: the environment's last one). */
  deploy?: string;
}

export interface CommandContext {
  api: CliApi;
  settings: CliSettings;
  output: OutputFormat;
  options: CommandOptions;
  /** Waits between polls (injected so tests need not sleep long). */
  sleep: (ms: number) => Promise<void>;
}

/** The value of a required option; a usage error (exit 2) without it. */
export const need = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`Missing ${flag}.`);
  return value;
};

/** The organisation: --org, the environment, the stored one, else the first the token can see. */
export async function orgOf(ctx: CommandContext): Promise<string> {
  if (ctx.settings.org) return ctx.settings.org;
  const orgs = await ctx.api.listOrgs();
  if (orgs.length === 0)
    throw new UsageError('The token sees no organisation; pass --org.');
  return orgs[0].id;
}

/** `get orgs|apps|envs|env-types|deployments`. */
export async function get(
  ctx: CommandContext,
  what: string | undefined,
): Promise<CommandResult> {
  const { api, output, options } = ctx;
  switch (what) {
    case 'orgs':
      return {
        code: 0,
        out: render(output, await api.listOrgs(), [
          { header: 'id', value: (o) => o.id },
          { header: 'name', value: (o) => o.name },
        ]),
      };
    case 'apps':
      return {
        code: 0,
        out: render(output, await api.listApps(await orgOf(ctx)), [
          { header: 'id', value: (a) => a.id },
          { header: 'name', value: (a) => a.name },
          {
            header: 'envs',
            value: (a) => (a.envs ?? []).map((e) => e.id).join(','),
          },
        ]),
      };
    case 'env-types':
      return {
        code: 0,
        out: render(output, await api.listEnvTypes(await orgOf(ctx)), [
          { header: 'id', value: (t) => t.id },
          { header: 'description', value: (t) => t.description },
        ]),
      };
    case 'envs':
      return {
        code: 0,
        out: render(
          output,
          await api.listEnvs(await orgOf(ctx), need(options.app, '--app')),
          [
            { header: 'id', value: (e) => e.id },
            { header: 'type', value: (e) => e.type },
            { header: 'last deploy', value: (e) => e.last_deploy?.id },
            {
              header: 'status',
              value: (e) => e.last_deploy?.status ?? 'never deployed',
            },
          ],
        ),
      };
    case 'deployments':
    case 'deploys':
      return {
        code: 0,
        out: render(
          output,
          await api.listDeploys(
            await orgOf(ctx),
            need(options.app, '--app'),
            need(options.env, '--env'),
          ),
          [
            { header: 'id', value: (d) => d.id },
            { header: 'status', value: (d) => d.status },
            { header: 'created', value: (d) => d.created_at },
            { header: 'by', value: (d) => d.created_by },
            { header: 'comment', value: (d) => d.comment },
          ],
        ),
      };
    default:
      throw new UsageError(
        `get what? Use one of: orgs, apps, envs, env-types, deployments, artefacts, resource-definitions, active-resources${what ? ` (not "${what}")` : ''}.`,
      );
  }
}

function readDelta(file: string): DeltaRequest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const parsed: unknown = /\.ya?ml$/i.test(file)
      ? parseYaml(text)
      : JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('expected an object with `modules` and/or `shared`');
    return parsed as DeltaRequest;
  } catch (error) {
    throw new UsageError(`${file} is not a delta: ${(error as Error).message}`);
  }
}

/** The deployment, polled until it ends with --wait (at once without). */
export async function waitForDeploy(
  ctx: CommandContext,
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) {
  let deploy = await ctx.api.getDeploy(orgId, appId, envId, deployId);
  while (
    ctx.options.wait &&
    (deploy.status === 'pending' || deploy.status === 'in progress')
  ) {
    await ctx.sleep(500);
    deploy = await ctx.api.getDeploy(orgId, appId, envId, deployId);
  }
  return deploy;
}

/** Polls a deployment until it ends (or returns it at once without --wait); exit 1 when it failed. */
async function finish(
  ctx: CommandContext,
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
): Promise<CommandResult> {
  const deploy = await waitForDeploy(ctx, orgId, appId, envId, deployId);
  const out = render(ctx.output, deploy, [
    { header: 'deployment', value: (d) => d.id },
    { header: 'env', value: (d) => d.env_id },
    { header: 'status', value: (d) => d.status },
    { header: 'comment', value: (d) => d.comment },
  ]);
  return { out, code: deploy.status === 'failed' ? 1 : 0 };
}

/** `deploy`: creates a delta from the file and deploys it onto the environment. */
export async function deploy(ctx: CommandContext): Promise<CommandResult> {
  const { options } = ctx;
  const appId = need(options.app, '--app');
  const envId = need(options.env, '--env');
  const delta = readDelta(need(options.file, '--file'));
  const orgId = await orgOf(ctx);
  const comment =
    options.comment ?? `Deployed from ${options.file} with the CLI`;
  const created = await ctx.api.createDelta(orgId, appId, {
    ...delta,
    metadata: { ...delta.metadata, env_id: envId, name: comment },
  });
  const deltaId = typeof created === 'string' ? created : created.id;
  const started = await ctx.api.deploy(orgId, appId, envId, {
    delta_id: deltaId,
    comment,
  });
  return finish(ctx, orgId, appId, envId, started.id);
}

/** `env` or `env/deployId` → the deployment (an env alone: its current one). */
async function resolveRef(
  ctx: CommandContext,
  orgId: string,
  appId: string,
  ref: string,
) {
  const [envId, deployId] = ref.split('/');
  if (deployId) return ctx.api.getDeploy(orgId, appId, envId, deployId);
  const env = await ctx.api.getEnv(orgId, appId, envId);
  if (!env.last_deploy)
    throw new UsageError(`Environment ${envId} has no deployment yet.`);
  return env.last_deploy;
}

/** `diff`: a canonical-YAML unified diff of two deployments' sets. */
export async function diff(
  ctx: CommandContext,
  refs: string[],
): Promise<CommandResult> {
  const appId = need(ctx.options.app, '--app');
  if (refs.length !== 2)
    throw new UsageError(
      'diff needs two deployments: <env>[/<deployId>] <env>[/<deployId>].',
    );
  const orgId = await orgOf(ctx);
  const [from, to] = await Promise.all(
    refs.map((ref) => resolveRef(ctx, orgId, appId, ref)),
  );
  const [fromSet, toSet] = await Promise.all([
    ctx.api.getSet(orgId, appId, from.set_id),
    ctx.api.getSet(orgId, appId, to.set_id),
  ]);
  const text = unifiedSetDiff(
    { label: `${from.env_id}/${from.id}`, set: fromSet },
    { label: `${to.env_id}/${to.id}`, set: toSet },
    Number(ctx.options.context ?? 3),
  );
  if (ctx.output !== 'table')
    return {
      code: 0,
      out: render(
        ctx.output,
        { from: from.id, to: to.id, identical: text === '', diff: text },
        [],
      ),
    };
  return {
    code: 0,
    out:
      text ||
      `No differences: ${from.env_id}/${from.id} and ${to.env_id}/${to.id} deploy the same set.`,
  };
}
