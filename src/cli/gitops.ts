/**
 * The CLI's Operator and GitOps commands (issue 21 §5):
 * - `export --app A --env E [--deploy D] -o DIR` writes a deployment's export
 *   (the environment's last one by default) into DIR: the export file as the
 *   API names it, and every object the deployment leaves in the cluster as a
 *   file of its own (`<kind>-<name>.yaml`, what `kubectl apply -f DIR` takes);
 * - `status` adds the mode, the repository, the sync and the drift of an
 *   operator or GitOps environment to the health (gitopsLines); the health
 *   already counts drift and failed objects, so the exit code follows.
 * The API client is the console's typed one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ApiError, createApiClient, unwrap } from '@/api/client';
import type { components } from '@/api/schema-extensions';
import {
  need,
  orgOf,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';

type GitopsStatus = components['schemas']['GitopsStatus'];

function client(ctx: CommandContext) {
  return createApiClient({
    baseUrl: ctx.settings.apiUrl,
    token: () => ctx.settings.token,
  });
}

/** A file name of an object: its kind and name, lowercase, nothing that leaves the folder. */
function objectFile(kind: string, name: string): string {
  return `${kind}-${name}`.toLowerCase().replace(/[^a-z0-9.-]/g, '-') + '.yaml';
}

/** `export`: the deployment's export written into `dir`. */
export async function exportDeployment(
  ctx: CommandContext,
  dir: string | undefined,
): Promise<CommandResult> {
  const appId = need(ctx.options.app, '--app');
  const envId = need(ctx.options.env, '--env');
  const target = resolve(need(dir, '-o <dir>'));
  const orgId = await orgOf(ctx);
  const api = client(ctx);
  let deployId = ctx.options.deploy;
  if (!deployId) {
    const env = await ctx.api.getEnv(orgId, appId, envId);
    deployId = env.last_deploy?.id;
    if (!deployId)
      throw new UsageError(
        `${appId}/${envId} has no deployment to export; deploy first or name one with --deploy.`,
      );
  }
  const path = { orgId, appId, envId, deployId };
  const read = async (view: 'file' | 'full') => {
    const text = await unwrap(
      api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/export',
        { params: { path, query: { view } }, parseAs: 'text' },
      ),
    );
    return String(text);
  };
  const file = await read('file');
  const full = await read('full');
  const info = await unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/console/gitops',
      { params: { path } },
    ),
  );
  mkdirSync(target, { recursive: true });
  const written = [
    (info.export_file || `humanitec-export-${deployId}.yaml`).replace(
      /[^A-Za-z0-9._-]/g,
      '-',
    ),
  ];
  writeFileSync(join(target, written[0]), file);
  for (const doc of parseAllDocuments(full)) {
    if (!('contents' in doc) || doc.contents === null) continue;
    const object = doc.toJS() as {
      kind?: string;
      metadata?: { name?: string };
    };
    const name = objectFile(
      String(object.kind ?? 'object'),
      String(object.metadata?.name ?? 'unnamed'),
    );
    writeFileSync(join(target, name), doc.toString());
    written.push(name);
  }
  return {
    code: 0,
    out: [
      `Wrote the export of deployment ${deployId} (${appId}/${envId}, ${info.mode}) to ${target}: ${written.length} files.`,
      `  ${written[0]}  the export file${info.commit ? ` (commit ${info.commit.sha.slice(0, 7)})` : ''}`,
      `  ${written.length - 1} objects, one file each (kubectl apply -f ${target})`,
    ].join('\n'),
  };
}

/** The GitOps status of an environment, or null for an API without the extension. */
export async function gitopsStatus(
  ctx: CommandContext,
  orgId: string,
  appId: string,
  envId: string,
): Promise<GitopsStatus | null> {
  try {
    return await unwrap(
      client(ctx).GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/gitops',
        { params: { path: { orgId, appId, envId } } },
      ),
    );
  } catch (error) {
    if (error instanceof ApiError && [404, 405, 501].includes(error.status))
      return null;
    throw error;
  }
}

/** The lines `status` prints for an operator or GitOps environment (none in the direct mode). */
export function gitopsLines(status: GitopsStatus | null): string[] {
  if (!status || status.mode === 'direct') return [];
  const { sync, repository, drift } = status;
  const lines = [
    `Mode: ${status.mode} (Operator ${status.operator_version ?? 'unknown'})`,
  ];
  if (repository)
    lines.push(
      `Repository: ${repository.url} branch ${repository.branch}, folder ${repository.path}`,
    );
  lines.push(
    `Sync: ${sync.status}${sync.revision ? ` at ${sync.revision.slice(0, 12)}` : ''}${sync.next_sync_at ? ` (next sync ${sync.next_sync_at})` : ''}`,
  );
  for (const d of drift)
    lines.push(
      `  drift: ${d.kind} ${d.name} ${d.field}: git ${JSON.stringify(d.git_value)}, live ${JSON.stringify(d.live_value)}`,
    );
  const failed = status.resources.filter((r) => r.status !== 'Ready');
  for (const r of failed) lines.push(`  ${r.kind} ${r.name}: ${r.status}`);
  return lines;
}
