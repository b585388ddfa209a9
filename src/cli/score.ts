/**
 * `score deploy --app A --env E -f score.yaml [--extensions humanitec.score.yaml] [--image <image>]`: what
 * `humctl score deploy` does. The Score file's local files (`source`, relative to the Score file) are read and
 * sent as their content; the API converts the file (convertScoreToSet), the delta adds the workload and its shared
 * resources (src/lib/score/delta.ts), and the deployment runs. The outcome as `deploy` reports it (exit 1 when it
 * failed, with the deployment's errors, such as RES-MATCH-001 for a resource no definition matches).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createApiClient, unwrap } from '@/api/client';
import { scoreDelta, scoreWorkloadId, type ScoreSet } from '@/lib/score/delta';
import {
  need,
  orgOf,
  UsageError,
  waitForDeploy,
  type CommandContext,
  type CommandResult,
} from './commands';
import { render } from './output';

type Json = Record<string, unknown>;

/** The Score calls, on the console's typed client with the CLI's base URL and token. */
function scoreApi(ctx: CommandContext) {
  const api = createApiClient({
    baseUrl: ctx.settings.apiUrl,
    token: () => ctx.settings.token,
  });
  return {
    convert: (
      orgId: string,
      body: { spec: Json; extensions?: Json; image?: string },
    ) =>
      unwrap(
        api.POST('/orgs/{orgId}/artefact-versions/convert-score', {
          params: { path: { orgId } },
          body: body as never,
        }),
      ),
    errors: (orgId: string, appId: string, envId: string, deployId: string) =>
      unwrap(
        api.GET(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/errors',
          {
            params: { path: { orgId, appId, envId, deployId } },
          },
        ),
      ),
  };
}

/** A YAML (or JSON) file as an object; a usage error (exit 2) names the file when it cannot be read. */
function readObject(file: string, what: string): Json {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new UsageError(`${file} is not YAML: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`${file} is not ${what}: expected a YAML object.`);
  return parsed as Json;
}

/** The Score file with each container file's `source` read (relative to the Score file) into `content`. */
export function inlineFileSources(spec: Json, scoreFile: string): Json {
  const out = structuredClone(spec);
  const containers = (out.containers ?? {}) as Record<string, Json>;
  for (const [name, container] of Object.entries(containers)) {
    const files = container?.files;
    const entries: Json[] = Array.isArray(files)
      ? (files as Json[])
      : files && typeof files === 'object'
        ? Object.values(files as Record<string, Json>)
        : [];
    for (const file of entries) {
      if (typeof file?.source !== 'string' || file.content !== undefined)
        continue;
      const path = isAbsolute(file.source)
        ? file.source
        : join(dirname(scoreFile), file.source);
      try {
        file.content = readFileSync(path, 'utf8');
      } catch (error) {
        throw new UsageError(
          `Container ${name} mounts the local file ${file.source}, which cannot be read (${(error as Error).message}).`,
        );
      }
      delete file.source;
    }
  }
  return out;
}

/** `score deploy`. */
export async function scoreDeploy(
  ctx: CommandContext,
  rest: string[],
): Promise<CommandResult> {
  if (rest[0] !== 'deploy')
    throw new UsageError(
      'score what? Use: score deploy --app <app> --env <env> -f <score.yaml> [--extensions <file>] [--image <image>].',
    );
  const { options } = ctx;
  const appId = need(options.app, '--app');
  const envId = need(options.env, '--env');
  const file = need(options.file, '--file');
  const spec = inlineFileSources(readObject(file, 'a Score file'), file);
  const extensions = options.extensions
    ? readObject(options.extensions, 'a Humanitec extensions file')
    : undefined;
  const orgId = await orgOf(ctx);
  const api = scoreApi(ctx);
  const set = (await api.convert(orgId, {
    spec,
    ...(extensions ? { extensions } : {}),
    ...(options.image ? { image: options.image } : {}),
  })) as ScoreSet;
  const workload = scoreWorkloadId(set);
  const comment =
    options.comment ?? `Score: ${workload} from ${basename(file)}`;
  const created = await ctx.api.createDelta(
    orgId,
    appId,
    scoreDelta(set, { envId, name: comment }),
  );
  const deltaId = typeof created === 'string' ? created : created.id;
  const started = await ctx.api.deploy(orgId, appId, envId, {
    delta_id: deltaId,
    comment,
  });
  const deployment = await waitForDeploy(ctx, orgId, appId, envId, started.id);
  const errors =
    deployment.status === 'failed'
      ? await api.errors(orgId, appId, envId, deployment.id)
      : [];
  const code = deployment.status === 'failed' ? 1 : 0;
  if (ctx.output !== 'table')
    return {
      code,
      out: render(ctx.output, { workload, set, deployment, errors }, []),
    };
  const lines = [
    `Converted ${file}: workload ${workload} with ${resourceSummary(set, workload)}.`,
    render(ctx.output, deployment, [
      { header: 'deployment', value: (d) => d.id },
      { header: 'env', value: (d) => d.env_id },
      { header: 'status', value: (d) => d.status },
      { header: 'comment', value: (d) => d.comment },
    ]),
    ...errors.map((e) => `${e.code} ${e.object_id}: ${e.message}`),
  ];
  return { code, out: lines.join('\n') };
}

/** "resources externals.db (postgres, class sensitive), shared.dns (dns)" or "no resources". */
function resourceSummary(set: ScoreSet, workload: string): string {
  const describe = (id: string, ref: Json) =>
    `${id} (${String(ref.type)}${ref.class && ref.class !== 'default' ? `, class ${String(ref.class)}` : ''})`;
  const externals = Object.entries(
    ((set.modules[workload] as Json | undefined)?.externals ?? {}) as Record<
      string,
      Json
    >,
  ).map(([name, ref]) => describe(`externals.${name}`, ref));
  const shared = Object.entries(set.shared as Record<string, Json>).map(
    ([name, ref]) => describe(`shared.${name}`, ref),
  );
  const all = [...externals, ...shared];
  return all.length ? `resources ${all.join(', ')}` : 'no resources';
}
