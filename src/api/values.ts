import { api, unwrap } from './client';
import type { components } from './schema';

export type Value = components['schemas']['ValueResponse'];
export type ValueSetVersion = components['schemas']['ValueSetVersionResponse'];
export type ValueCreate = components['schemas']['ValueCreatePayloadRequest'];
export type ValuePatch = components['schemas']['ValuePatchPayloadRequest'];

/** Where values live: the app (every environment) or one environment's overrides. */
export interface ValueScope {
  orgId: string;
  appId: string;
  /** Undefined: the app's values. */
  envId?: string;
}

/** The app's values, or an environment's effective values (app values with its overrides, each with `source`). */
export function listValues({ orgId, appId, envId }: ValueScope) {
  if (envId === undefined)
    return unwrap(
      api.GET('/orgs/{orgId}/apps/{appId}/values', {
        params: { path: { orgId, appId } },
      }),
    );
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/values', {
      params: { path: { orgId, appId, envId } },
    }),
  );
}

/** Creates a value (409 when the scope has the key already). A secret's value is never returned. */
export function createValue(
  { orgId, appId, envId }: ValueScope,
  body: ValueCreate,
) {
  if (envId === undefined)
    return unwrap(
      api.POST('/orgs/{orgId}/apps/{appId}/values', {
        params: { path: { orgId, appId } },
        body,
      }),
    );
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/values', {
      params: { path: { orgId, appId, envId } },
      body,
    }),
  );
}

/** Changes a value's content or description (PATCH). */
export function patchValue(
  { orgId, appId, envId }: ValueScope,
  key: string,
  body: ValuePatch,
) {
  if (envId === undefined)
    return unwrap(
      api.PATCH('/orgs/{orgId}/apps/{appId}/values/{key}', {
        params: { path: { orgId, appId, key } },
        body,
      }),
    );
  return unwrap(
    api.PATCH('/orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}', {
      params: { path: { orgId, appId, envId, key } },
      body,
    }),
  );
}

/** Deletes one value of the scope. */
export async function deleteValue(
  { orgId, appId, envId }: ValueScope,
  key: string,
) {
  if (envId === undefined)
    await unwrap(
      api.DELETE('/orgs/{orgId}/apps/{appId}/values/{key}', {
        params: { path: { orgId, appId, key } },
      }),
    );
  else
    await unwrap(
      api.DELETE('/orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}', {
        params: { path: { orgId, appId, envId, key } },
      }),
    );
}

/** Value-set versions of the scope, newest first. */
export function listValueSetVersions({ orgId, appId, envId }: ValueScope) {
  if (envId === undefined)
    return unwrap(
      api.GET('/orgs/{orgId}/apps/{appId}/value-set-versions', {
        params: { path: { orgId, appId } },
      }),
    );
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions', {
      params: { path: { orgId, appId, envId } },
    }),
  );
}

/** One value-set version of an environment (its own, or the app's it used). */
export function getEnvValueSetVersion(
  orgId: string,
  appId: string,
  envId: string,
  valueSetVersionId: string,
) {
  return unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}',
      { params: { path: { orgId, appId, envId, valueSetVersionId } } },
    ),
  );
}

/** Restores a version: the whole set, or one key; makes a new version with the comment. */
export function restoreValueSetVersion(
  { orgId, appId, envId }: ValueScope,
  valueSetVersionId: string,
  key: string | undefined,
  comment: string,
) {
  const body = { comment };
  if (envId === undefined) {
    return key === undefined
      ? unwrap(
          api.POST(
            '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/restore',
            { params: { path: { orgId, appId, valueSetVersionId } }, body },
          ),
        )
      : unwrap(
          api.POST(
            '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/restore/{key}',
            {
              params: { path: { orgId, appId, valueSetVersionId, key } },
              body,
            },
          ),
        );
  }
  return key === undefined
    ? unwrap(
        api.POST(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/restore',
          {
            params: { path: { orgId, appId, envId, valueSetVersionId } },
            body,
          },
        ),
      )
    : unwrap(
        api.POST(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/restore/{key}',
          {
            params: { path: { orgId, appId, envId, valueSetVersionId, key } },
            body,
          },
        ),
      );
}
