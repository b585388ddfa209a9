import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSkeleton } from '@/components/ui/page-skeleton';

type RouteModule = {
  loader?: (queryClient: QueryClient) => NonNullable<RouteObject['loader']>;
  Component: NonNullable<RouteObject['Component']>;
  ErrorBoundary?: RouteObject['ErrorBoundary'];
  shouldRevalidate?: RouteObject['shouldRevalidate'];
};

/** A lazily loaded route whose loader gets the query client. */
function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return async () => {
    const module = await load();
    return {
      loader: module.loader?.(queryClient),
      Component: module.Component,
      ErrorBoundary: module.ErrorBoundary,
      ...(module.shouldRevalidate
        ? { shouldRevalidate: module.shouldRevalidate }
        : {}),
    };
  };
}

/** The route table: one thin module per URL, loaded on demand. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const route = (load: () => Promise<RouteModule>) =>
    lazyRoute(queryClient, load);
  return [
    {
      lazy: route(() => import('./routes/root')),
      HydrateFallback: PageSkeleton,
      children: [
        { index: true, lazy: route(() => import('./routes/home')) },
        {
          path: 'orgs/:orgId/apps',
          lazy: route(() => import('./routes/apps')),
        },
        {
          path: 'orgs/:orgId/apps/:appId',
          lazy: route(() => import('./routes/app')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/diff',
          lazy: route(() => import('./routes/diff')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/clone',
          lazy: route(() => import('./routes/clone')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/values',
          lazy: route(() => import('./routes/values')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId',
          lazy: route(() => import('./routes/environment')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/deploys/:deployId',
          lazy: route(() => import('./routes/deployment')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/workloads/:workloadId',
          lazy: route(() => import('./routes/workload')),
        },
        {
          path: 'orgs/:orgId/settings',
          lazy: route(() => import('./routes/settings')),
        },
        {
          path: 'orgs/:orgId/agents',
          lazy: route(() => import('./routes/agents')),
        },
        {
          path: 'orgs/:orgId/settings/env-types',
          lazy: route(() => import('./routes/env-types')),
        },
        {
          path: 'orgs/:orgId/workload-profiles',
          lazy: route(() => import('./routes/profiles')),
        },
        {
          path: 'orgs/:orgId/workload-profiles/:profileId',
          lazy: route(() => import('./routes/profiles-designer')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/new-workload',
          lazy: route(() => import('./routes/workload-new')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/score',
          lazy: route(() => import('./routes/score')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/workloads/:workloadId/change-profile',
          lazy: route(() => import('./routes/workload-change-profile')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/workloads/:workloadId/edit',
          lazy: route(() => import('./routes/profiles-workload-edit')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/workloads/:workloadId/run-locally',
          lazy: route(() => import('./routes/run-locally')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/stream',
          lazy: route(() => import('./routes/env-stream')),
        },
        {
          path: 'orgs/:orgId/fleet',
          lazy: route(() => import('./routes/fleet')),
        },
        {
          path: 'orgs/:orgId/metrics',
          lazy: route(() => import('./routes/metrics')),
        },
        {
          path: 'orgs/:orgId/pipelines',
          lazy: route(() => import('./routes/pipelines-org')),
        },
        {
          path: 'orgs/:orgId/artefacts',
          lazy: route(() => import('./routes/artefacts')),
        },
        {
          path: 'orgs/:orgId/resources/definitions',
          lazy: route(() => import('./routes/resource-definitions')),
        },
        {
          path: 'orgs/:orgId/resources/definitions/:defId',
          lazy: route(() => import('./routes/resource-definition')),
        },
        {
          path: 'orgs/:orgId/resources/match',
          lazy: route(() => import('./routes/resource-match')),
        },
        {
          path: 'orgs/:orgId/audit-log',
          lazy: route(() => import('./routes/audit-log')),
        },
        {
          path: 'orgs/:orgId/gitops-setup',
          lazy: route(() => import('./routes/gitops-setup')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/pipelines',
          lazy: route(() => import('./routes/pipelines')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/pipelines/:pipelineId',
          lazy: route(() => import('./routes/pipeline')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/pipelines/:pipelineId/runs/:runId',
          lazy: route(() => import('./routes/pipeline-run')),
        },
        {
          path: 'orgs/:orgId/apps/:appId/envs/:envId/canary',
          lazy: route(() => import('./routes/pipeline-canary')),
        },
        { path: '*', lazy: route(() => import('./routes/not-found')) },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
