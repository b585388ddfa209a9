/**
 * `run-local --app A --env E --workload W -o DIR`: writes the workload's
 * local-run bundle (the API's getLocalRun: compose.yaml, .env, README.md,
 * files/…) into DIR, as the console's "Run locally" downloads it.
 * `--resources local|remote`, `--resource <id>:local|remote` (repeatable) and
 * `--include-secrets` are the API's query. `.env` is written readable by
 * its owner only.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { createApiClient, unwrap } from '@/api/client';
import {
  need,
  orgOf,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';

/** A file's path inside `dir`; a usage error for a name that would leave it. */
function inside(dir: string, name: string): string {
  const path = resolve(dir, name);
  const rel = relative(dir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new UsageError(`The bundle names a file outside ${dir}: "${name}".`);
  return path;
}

/** `run-local`: the bundle written into `-o DIR`. */
export async function runLocal(
  ctx: CommandContext,
  dir: string | undefined,
): Promise<CommandResult> {
  const { options } = ctx;
  const appId = need(options.app, '--app');
  const envId = need(options.env, '--env');
  const workloads = options.workload ?? [];
  if (workloads.length !== 1)
    throw new UsageError('run-local needs exactly one --workload.');
  const target = resolve(need(dir, '-o <dir>'));
  const api = createApiClient({
    baseUrl: ctx.settings.apiUrl,
    token: () => ctx.settings.token,
  });
  const bundle = await unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/workloads/{workloadId}/console/local-run',
      {
        params: {
          path: {
            orgId: await orgOf(ctx),
            appId,
            envId,
            workloadId: workloads[0],
          },
          query: {
            ...(options.resources
              ? { resources: options.resources as 'local' | 'remote' }
              : {}),
            ...(options.resource?.length ? { resource: options.resource } : {}),
            ...(options.includeSecrets ? { secrets: 'include' as const } : {}),
          },
        },
      },
    ),
  );
  const names = Object.keys(bundle.files).sort();
  for (const name of names) {
    const file = bundle.files[name];
    const path = inside(target, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(file.content, file.encoding ?? 'utf8'));
    if (name === '.env') chmodSync(path, 0o600);
  }
  const resources = bundle.resources.map(
    (r) =>
      `  ${r.id} (${r.type}): ${r.mode === 'local' ? (r.service ? `local, service ${r.service}` : 'local') : 'remote, port forward in README.md'}`,
  );
  return {
    code: 0,
    out: [
      `Wrote ${names.length} files for ${appId}/${envId} workload ${bundle.workload_id} (deployment ${bundle.deploy_id}) to ${target}: ${names.join(', ')}.`,
      ...(resources.length > 0 ? ['Resources:', ...resources] : []),
      ...bundle.warnings.map((w) => `Warning: ${w}`),
      `Run it: cd ${target} && docker compose up`,
    ].join('\n'),
  };
}
