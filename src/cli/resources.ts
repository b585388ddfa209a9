/**
 * `get resource-definitions`, `get active-resources` and `explain-match`: the
 * organisation's resource definitions, what deployments provisioned in an
 * environment, and which definition a resource would be provisioned from.
 */
import { createApiClient, unwrap } from '@/api/client';
import { render } from './output';
import {
  orgOf,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';

/** The resource calls, on the console's typed client with the CLI's base URL and token. */
function resourceApi(ctx: CommandContext) {
  const api = createApiClient({
    baseUrl: ctx.settings.apiUrl,
    token: () => ctx.settings.token,
  });
  return {
    listDefinitions: (orgId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/resources/defs', {
          params: { path: { orgId } },
        }),
      ),
    listActive: (orgId: string, appId: string, envId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/resources', {
          params: { path: { orgId, appId, envId } },
        }),
      ),
    explain: (
      orgId: string,
      body: {
        type: string;
        class?: string;
        res_id: string;
        app_id: string;
        env_id: string;
      },
    ) =>
      unwrap(
        api.POST('/orgs/{orgId}/resources/match', {
          params: { path: { orgId } },
          body,
        }),
      ),
  };
}

const need = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`Missing ${flag}.`);
  return value;
};

/** A criteria rule as `env_type=staging app_id=shop` (class only when not default). */
function ruleText(rule: Record<string, unknown>): string {
  const parts = ['res_id', 'env_id', 'app_id', 'env_type', 'class']
    .filter(
      (key) =>
        typeof rule[key] === 'string' &&
        !(key === 'class' && rule[key] === 'default'),
    )
    .map((key) => `${key}=${String(rule[key])}`);
  return parts.length > 0 ? parts.join(' ') : '(any)';
}

/** `get resource-definitions`: id, type, driver, criteria. */
export async function getResourceDefinitions(
  ctx: CommandContext,
): Promise<CommandResult> {
  const defs = await resourceApi(ctx).listDefinitions(await orgOf(ctx));
  return {
    code: 0,
    out: render(ctx.output, defs, [
      { header: 'id', value: (d) => d.id },
      { header: 'type', value: (d) => d.type },
      { header: 'driver', value: (d) => d.driver_type },
      {
        header: 'criteria',
        value: (d) =>
          (d.criteria ?? []).length === 0
            ? '(none: matches nothing)'
            : (d.criteria ?? [])
                .map((c) => ruleText(c as Record<string, unknown>))
                .join('; '),
      },
    ]),
  };
}

/** `get active-resources --app A --env E`: what deployments provisioned there. */
export async function getActiveResources(
  ctx: CommandContext,
): Promise<CommandResult> {
  const { options } = ctx;
  const active = await resourceApi(ctx).listActive(
    await orgOf(ctx),
    need(options.app, '--app'),
    need(options.env, '--env'),
  );
  return {
    code: 0,
    out: render(ctx.output, active, [
      { header: 'resource', value: (r) => r.res_id },
      { header: 'type', value: (r) => r.type },
      { header: 'class', value: (r) => r.class },
      { header: 'definition', value: (r) => r.def_id },
      { header: 'driver', value: (r) => r.driver_type },
      { header: 'status', value: (r) => r.status },
      { header: 'deployment', value: (r) => r.deploy_id },
    ]),
  };
}

/** `explain-match --app A --env E --type T --res R [--class C]`: the winner, then every candidate ranked. */
export async function explainMatch(
  ctx: CommandContext,
): Promise<CommandResult> {
  const { options } = ctx;
  const result = await resourceApi(ctx).explain(await orgOf(ctx), {
    type: need(options.type, '--type'),
    res_id: need(options.res, '--res'),
    app_id: need(options.app, '--app'),
    env_id: need(options.env, '--env'),
    ...(options.class ? { class: options.class } : {}),
  });
  if (ctx.output !== 'table')
    return { code: 0, out: render(ctx.output, result, []) };
  const r = result.resource;
  const head = result.winner
    ? `${r.res_id} (${r.type}, class ${r.class}) in ${r.app_id}/${r.env_id}: definition ${result.winner.def_id} (driver ${result.winner.driver_type}).`
    : `${r.res_id} (${r.type}, class ${r.class}) in ${r.app_id}/${r.env_id}: no definition matches; a deployment would fail with RES-MATCH-001.`;
  const candidates = render(ctx.output, result.candidates, [
    { header: 'rank', value: (c) => String(c.rank) },
    { header: 'definition', value: (c) => c.def_id },
    { header: 'outcome', value: (c) => c.outcome },
    { header: 'why', value: (c) => c.reason },
  ]);
  // No winner is an answer, not a failure of the command: exit 0 either way.
  return { code: 0, out: `${head}\n\n${candidates}` };
}
