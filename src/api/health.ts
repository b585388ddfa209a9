import { ApiError, api, unwrap } from './client';
import { nextPageToken } from './navigation';
import type { components } from './schema-extensions';

type Schemas = components['schemas'];

/** Health of the organisation, an app, an environment (extension endpoints; the model is the engine's). */
export type OrgHealth = Schemas['OrgHealth'];
export type AppHealth = Schemas['AppHealth'];
export type EnvironmentHealth = Schemas['EnvironmentHealth'];
export type HealthState = Schemas['HealthState'];
export type HealthIssue = Schemas['HealthIssue'];
export type WorkloadHealth = Schemas['WorkloadHealth'];
export type NeedsAttentionItem = Schemas['NeedsAttentionItem'];
export type DeploymentSteps = Schemas['DeploymentSteps'];
export type DeploymentStep = Schemas['DeploymentStep'];
export type ContainerLogs = Schemas['ContainerLogs'];
export type LogLine = Schemas['LogLine'];

/**
 * Calls an extension endpoint; `null` when the API does not offer it (a real
 * Humanitec API answers 404), so pages can fall back to the standard endpoints.
 */
export async function optionalExtension<T>(
  call: Promise<T>,
): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && [404, 405, 501].includes(error.status))
      return null;
    throw error;
  }
}

/** The organisation's health and "needs attention" list; null without the extension. */
export function getOrgHealth(orgId: string) {
  return optionalExtension(
    unwrap(
      api.GET('/orgs/{orgId}/console/health', { params: { path: { orgId } } }),
    ),
  );
}

/** One page of what needs attention: its rows, the rows over all pages, the legend and the next page's token. */
export interface AttentionPage {
  items: NeedsAttentionItem[];
  total: number;
  legend: OrgHealth['legend'];
  next?: string;
}

/**
 * One page of the organisation's "needs attention" list (per_page / page,
 * the Link header's token); null without the extension. An API that does
 * not page answers the whole health: then every row on one page.
 */
export async function getAttentionPage(
  orgId: string,
  perPage: number,
  page: string | undefined,
): Promise<AttentionPage | null> {
  const call = api.GET('/orgs/{orgId}/console/health', {
    params: {
      path: { orgId },
      query: { per_page: perPage, ...(page === undefined ? {} : { page }) },
    },
  });
  const health = await optionalExtension(unwrap(call));
  if (health === null) return null;
  const next = nextPageToken((await call).response.headers.get('link'));
  return {
    items: health.needs_attention,
    total: health.total_needs_attention ?? health.needs_attention.length,
    legend: health.legend,
    ...(next === undefined ? {} : { next }),
  };
}

/** An app's health per environment and workload; null without the extension. */
export function getAppHealth(orgId: string, appId: string) {
  return optionalExtension(
    unwrap(
      api.GET('/orgs/{orgId}/apps/{appId}/console/health', {
        params: { path: { orgId, appId } },
      }),
    ),
  );
}

/** An environment's health with its root cause; null without the extension. */
export function getEnvironmentHealth(
  orgId: string,
  appId: string,
  envId: string,
) {
  return optionalExtension(
    unwrap(
      api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/health', {
        params: { path: { orgId, appId, envId } },
      }),
    ),
  );
}

/** A deployment's step timeline; null without the extension. */
export function getDeploymentSteps(
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) {
  return optionalExtension(
    unwrap(
      api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/console/steps',
        {
          params: { path: { orgId, appId, envId, deployId } },
        },
      ),
    ),
  );
}

/** Where to read a container's logs. */
export interface ContainerRef {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
  containerId: string;
  pod?: string;
}

/** A page of a container's logs after `since` (the last lines without it); null without the extension. */
export function getContainerLogs(ref: ContainerRef, since?: string) {
  const { pod, ...path } = ref;
  return optionalExtension(
    unwrap(
      api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/{workloadId}/containers/{containerId}/console/logs',
        {
          params: {
            path,
            query: { ...(pod ? { pod } : {}), ...(since ? { since } : {}) },
          },
        },
      ),
    ),
  );
}
