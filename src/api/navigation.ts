import { api, unwrap } from './client';
import type { components } from './schema-extensions';

/** The navigation index (extension endpoint): apps, environments, recent deployments, workloads. */
export type NavigationIndex = components['schemas']['NavigationIndex'];

/**
 * The organisation's navigation index (console extension). A real Humanitec
 * API answers 404: callers fall back to the spec's app list.
 */
export function getNavigationIndex(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/console/navigation-index', {
      params: { path: { orgId } },
    }),
  );
}

/** What a page of the navigation index asks for (console-extensions.yaml). */
export interface NavigationPageQuery {
  perPage?: number;
  /** The token from the previous page. */
  page?: string;
  /** Words that must all be in an app's or its environments' ids or names. */
  q?: string;
  sort?: 'created' | 'name';
  /** How many of each environment's newest deployments to list (the server's default 5). */
  deploysPerEnv?: number;
}

/** One page: its index (`total_apps` set) and the token of the next page, if any. */
export interface NavigationPage {
  index: NavigationIndex;
  next?: string;
}

/** The `page` token of a `Link: <…>; rel="next"` header, as the spec's paged lists send it. */
export function nextPageToken(link: string | null): string | undefined {
  const match = link ? /<([^>]*)>\s*;\s*rel="next"/.exec(link) : null;
  if (!match) return undefined;
  return (
    new URL(match[1], 'http://link.invalid').searchParams.get('page') ??
    undefined
  );
}

/** One page of the navigation index; a real Humanitec API answers 404 (no extension). */
export async function getNavigationPage(
  orgId: string,
  { perPage, page, q, sort, deploysPerEnv }: NavigationPageQuery,
): Promise<NavigationPage> {
  let link: string | null = null;
  const index = await unwrap(
    api
      .GET('/orgs/{orgId}/console/navigation-index', {
        params: {
          path: { orgId },
          query: {
            per_page: perPage,
            ...(page === undefined ? {} : { page }),
            // An empty q still asks for a page (the server pages when any paging parameter is present).
            q: q ?? '',
            ...(sort ? { sort } : {}),
            ...(deploysPerEnv === undefined
              ? {}
              : { deploys_per_env: deploysPerEnv }),
          },
        },
      })
      .then((result) => {
        link = result.response.headers.get('link');
        return result;
      }),
  );
  const next = nextPageToken(link);
  return next ? { index, next } : { index };
}
