/** `clone` and `status`. */
import { gitopsLines, gitopsStatus } from './gitops';
import { ApiError } from '@/api/client';
import type { DeltaRequest } from '@/api/types';
import {
  orgOf,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';
import { render } from './output';

const HEALTH_EXIT: Record<string, number> = {
  Healthy: 0,
  Failed: 1,
  Degraded: 1,
  Unknown: 1,
  Deploying: 4,
  Paused: 4,
  NotDeployed: 4,
};

/**
 * `clone`: full (deploy the source's current set onto the target, creating
 * the target from the source's deployment if it does not exist) or partial
 * with `--workload` (a delta adding those workloads, as the source runs them,
 * applied to the target, then deployed).
 */
export async function clone(ctx: CommandContext): Promise<CommandResult> {
  const { api, options } = ctx;
  const appId = options.app ?? '';
  if (!appId || !options.from || !options.to)
    throw new UsageError('clone needs --app, --from and --to.');
  const orgId = await orgOf(ctx);
  const source = await api.getEnv(orgId, appId, options.from);
  if (!source.last_deploy)
    throw new UsageError(
      `Environment ${options.from} has no deployment to clone.`,
    );
  const sourceDeploy = source.from_deploy ?? source.last_deploy;
  const exists = (await api.listEnvs(orgId, appId)).some(
    (e) => e.id === options.to,
  );
  const workloads = options.workload ?? [];
  let started;
  if (workloads.length === 0) {
    const comment = `Clone of ${options.from} (${sourceDeploy.id})`;
    if (!exists) {
      await api.createEnv(orgId, appId, {
        id: options.to,
        name: options.to,
        type: options.type ?? source.type,
        from_deploy_id: sourceDeploy.id,
      });
      started = await api.deploy(orgId, appId, options.to, { comment });
    } else {
      started = await api.deploy(orgId, appId, options.to, {
        set_id: sourceDeploy.set_id,
        comment,
      });
    }
  } else {
    if (!exists)
      throw new UsageError(
        `Environment ${options.to} does not exist; clone it fully first (without --workload).`,
      );
    const set = await api.getSet(orgId, appId, sourceDeploy.set_id);
    const modules = set.modules as Record<string, unknown>;
    const add: Record<string, unknown> = {};
    for (const id of workloads) {
      if (!Object.hasOwn(modules, id))
        throw new UsageError(
          `Workload ${id} is not in ${options.from} (it has: ${Object.keys(modules).join(', ')}).`,
        );
      add[id] = modules[id];
    }
    const comment = `Clone ${workloads.join(', ')} from ${options.from}`;
    const body = {
      modules: { add },
      metadata: { env_id: options.to, name: comment },
    } as DeltaRequest;
    const created = await api.createDelta(orgId, appId, body);
    started = await api.deploy(orgId, appId, options.to, {
      delta_id: typeof created === 'string' ? created : created.id,
      comment,
    });
  }
  let deploy = started;
  while (
    options.wait &&
    (deploy.status === 'pending' || deploy.status === 'in progress')
  ) {
    await ctx.sleep(500);
    deploy = await api.getDeploy(orgId, appId, options.to, started.id);
  }
  const out = render(ctx.output, deploy, [
    { header: 'deployment', value: (d) => d.id },
    { header: 'env', value: (d) => d.env_id },
    { header: 'status', value: (d) => d.status },
    { header: 'comment', value: (d) => d.comment },
  ]);
  return { out, code: deploy.status === 'failed' ? 1 : 0 };
}

interface StatusView {
  app: string;
  env: string;
  state: string;
  summary: string;
  issues: string[];
}

async function statusOnce(
  ctx: CommandContext,
  orgId: string,
  appId: string,
  envId: string,
): Promise<StatusView> {
  try {
    const health = await ctx.api.envHealth(orgId, appId, envId);
    return {
      app: appId,
      env: envId,
      state: health.state,
      summary: health.summary,
      issues: health.issues.map((i) => i.message),
    };
  } catch (error) {
    // An API without the console's health extension: fall back to the last deployment's status
    // (an unknown environment then fails getEnv with its own 404).
    if (!(error instanceof ApiError) || ![404, 405, 501].includes(error.status))
      throw error;
    const env = await ctx.api.getEnv(orgId, appId, envId);
    const status = env.last_deploy?.status;
    const state = !status
      ? 'NotDeployed'
      : status === 'succeeded'
        ? 'Healthy'
        : status === 'failed'
          ? 'Failed'
          : 'Deploying';
    return {
      app: appId,
      env: envId,
      state,
      summary: `Last deployment: ${status ?? 'none'} (no health extension)`,
      issues: [],
    };
  }
}

/**
 * Where `status` looks: `--app A --env E`, or one argument `[<org>/]<app>/<env>`
 * (e.g. `acme/shop/production`, as the environment's path reads in the console).
 */
export function statusTarget(
  options: { app?: string; env?: string },
  args: string[],
): { org?: string; app: string; env: string } {
  if (args.length > 1)
    throw new UsageError(
      `status takes one environment, not ${args.length} (${args.join(' ')}).`,
    );
  if (args.length === 1) {
    if (options.app || options.env)
      throw new UsageError(
        'status takes either <org>/<app>/<env> or --app and --env, not both.',
      );
    const parts = args[0].split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => !p)) {
      throw new UsageError(
        `status needs <app>/<env> or <org>/<app>/<env> (e.g. acme/shop/production), not "${args[0]}".`,
      );
    }
    const [env, app, org] = parts.reverse();
    return { org, app, env };
  }
  if (!options.app || !options.env)
    throw new UsageError('status needs --app and --env, or <org>/<app>/<env>.');
  return { app: options.app, env: options.env };
}

/** `status`: the environment's health; the exit code is 0 only when Healthy (see usage.ts). */
export async function status(
  ctx: CommandContext,
  args: string[] = [],
): Promise<CommandResult> {
  const target = statusTarget(ctx.options, args);
  const appId = target.app;
  const envId = target.env;
  const orgId = target.org ?? (await orgOf(ctx));
  let view = await statusOnce(ctx, orgId, appId, envId);
  while (ctx.options.wait && view.state === 'Deploying') {
    await ctx.sleep(1000);
    view = await statusOnce(ctx, orgId, appId, envId);
  }
  // Operator and GitOps environments: the sync and the drift too (cli/gitops.ts).
  const gitops = await gitopsStatus(ctx, orgId, appId, envId);
  const out =
    ctx.output === 'table'
      ? [
          `${appId}/${envId}: ${view.state}`,
          view.summary,
          ...view.issues
            .filter((i) => i !== view.summary)
            .map((i) => `  - ${i}`),
          ...gitopsLines(gitops),
        ]
          .filter(Boolean)
          .join('\n')
      : render(
          ctx.output,
          gitops && gitops.mode !== 'direct'
            ? {
                ...view,
                gitops: {
                  mode: gitops.mode,
                  sync: gitops.sync,
                  drift: gitops.drift,
                  repository: gitops.repository,
                },
              }
            : view,
          [],
        );
  return { out, code: HEALTH_EXIT[view.state] ?? 1 };
}
