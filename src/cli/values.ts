/**
 * `get values|secrets <org/app[/env]>`, `set value <org/app[/env]> KEY=VALUE [--secret]` and
 * `unset value <org/app[/env]> KEY`: an app's shared values (or an environment's effective ones). A secret's
 * value never comes back from the API; `get secrets` lists their keys only.
 */
import { createApiClient, unwrap } from '@/api/client';
import { render } from './output';
import {
  orgOf,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';

/** `org/app`, `org/app/env` or (with --org or the default organisation) `app[/env]`. */
async function scopeOf(ctx: CommandContext, target: string | undefined) {
  if (!target)
    throw new UsageError(
      'Name the values: <org>/<app> or <org>/<app>/<env> (e.g. acme/shop/development).',
    );
  const parts = target.split('/').filter(Boolean);
  if (parts.length === 3)
    return { orgId: parts[0], appId: parts[1], envId: parts[2] };
  if (parts.length === 2)
    return { orgId: parts[0], appId: parts[1], envId: undefined };
  if (parts.length === 1)
    return { orgId: await orgOf(ctx), appId: parts[0], envId: ctx.options.env };
  throw new UsageError(`"${target}" is not <org>/<app> or <org>/<app>/<env>.`);
}

function valuesApi(ctx: CommandContext) {
  const api = createApiClient({
    baseUrl: ctx.settings.apiUrl,
    token: () => ctx.settings.token,
  });
  type Scope = { orgId: string; appId: string; envId?: string };
  return {
    list: ({ orgId, appId, envId }: Scope) =>
      envId
        ? unwrap(
            api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/values', {
              params: { path: { orgId, appId, envId } },
            }),
          )
        : unwrap(
            api.GET('/orgs/{orgId}/apps/{appId}/values', {
              params: { path: { orgId, appId } },
            }),
          ),
    create: (
      { orgId, appId, envId }: Scope,
      body: {
        key: string;
        value: string;
        is_secret: boolean;
        description: string;
      },
    ) =>
      envId
        ? unwrap(
            api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/values', {
              params: { path: { orgId, appId, envId } },
              body,
            }),
          )
        : unwrap(
            api.POST('/orgs/{orgId}/apps/{appId}/values', {
              params: { path: { orgId, appId } },
              body,
            }),
          ),
    patch: ({ orgId, appId, envId }: Scope, key: string, value: string) =>
      envId
        ? unwrap(
            api.PATCH('/orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}', {
              params: { path: { orgId, appId, envId, key } },
              body: { value },
            }),
          )
        : unwrap(
            api.PATCH('/orgs/{orgId}/apps/{appId}/values/{key}', {
              params: { path: { orgId, appId, key } },
              body: { value },
            }),
          ),
    remove: ({ orgId, appId, envId }: Scope, key: string) =>
      envId
        ? unwrap(
            api.DELETE('/orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}', {
              params: { path: { orgId, appId, envId, key } },
            }),
          )
        : unwrap(
            api.DELETE('/orgs/{orgId}/apps/{appId}/values/{key}', {
              params: { path: { orgId, appId, key } },
            }),
          ),
  };
}

/** `get values` (every value, secrets as "(secret)") or `get secrets` (the keys of secrets only). */
export async function getValues(
  ctx: CommandContext,
  what: 'values' | 'secrets',
  target: string | undefined,
): Promise<CommandResult> {
  const scope = await scopeOf(ctx, target);
  const all = await valuesApi(ctx).list(scope);
  if (what === 'secrets') {
    return {
      code: 0,
      out: render(
        ctx.output,
        all
          .filter((v) => v.is_secret)
          .map((v) => ({
            key: v.key,
            source: v.source,
            store: v.secret_store_id,
            version: v.secret_version,
          })),
        [
          { header: 'key', value: (v) => v.key },
          { header: 'from', value: (v) => v.source },
          { header: 'store', value: (v) => v.store ?? '' },
          { header: 'version', value: (v) => v.version ?? '' },
        ],
      ),
    };
  }
  return {
    code: 0,
    out: render(
      ctx.output,
      all.map((v) => ({
        key: v.key,
        value: v.is_secret ? '(secret)' : v.value,
        source: v.source,
        description: v.description,
      })),
      [
        { header: 'key', value: (v) => v.key },
        { header: 'value', value: (v) => v.value },
        { header: 'from', value: (v) => v.source },
        { header: 'description', value: (v) => v.description },
      ],
    ),
  };
}

/** `set value <target> KEY=VALUE [--secret]`: creates the value, or changes it when the scope has it. */
export async function setValue(
  ctx: CommandContext,
  target: string | undefined,
  assignment: string | undefined,
): Promise<CommandResult> {
  const scope = await scopeOf(ctx, target);
  const eq = assignment?.indexOf('=') ?? -1;
  if (!assignment || eq <= 0)
    throw new UsageError('set value needs KEY=VALUE, e.g. LOG_LEVEL=debug.');
  const key = assignment.slice(0, eq);
  const value = assignment.slice(eq + 1);
  const api = valuesApi(ctx);
  const own = (await api.list(scope)).find(
    (v) => v.key === key && v.source === (scope.envId ? 'env' : 'app'),
  );
  const secret = ctx.options.secret === true;
  if (own && own.is_secret !== secret && !secret)
    throw new UsageError(
      `${key} is a secret: add --secret to replace it (a secret cannot become a plain value).`,
    );
  const saved = own
    ? await api.patch(scope, key, value)
    : await api.create(scope, {
        key,
        value,
        is_secret: secret,
        description: '',
      });
  const where = scope.envId ? `${scope.appId}/${scope.envId}` : scope.appId;
  return {
    code: 0,
    out: `${own ? 'Changed' : 'Set'} ${saved.key} in ${where}${saved.is_secret ? ` (secret, version ${saved.secret_version ?? ''})` : ''}.`,
  };
}

/** `unset value <target> KEY`: deletes the scope's own value. */
export async function unsetValue(
  ctx: CommandContext,
  target: string | undefined,
  key: string | undefined,
): Promise<CommandResult> {
  const scope = await scopeOf(ctx, target);
  if (!key) throw new UsageError('unset value needs the KEY to delete.');
  await valuesApi(ctx).remove(scope, key);
  const where = scope.envId ? `${scope.appId}/${scope.envId}` : scope.appId;
  return { code: 0, out: `Deleted ${key} from ${where}.` };
}
