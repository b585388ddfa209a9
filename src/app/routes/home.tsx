import type { QueryClient } from '@tanstack/react-query';
import { redirect } from 'react-router';
import { orgQueries } from '@/api/queries/orgs';
import { PageHeader } from '@/components/layout/page-header';
import { config } from '@/config/env';
import { paths } from '@/config/paths';
import { RouteError } from './route-error';

/** `/` opens the configured organisation, or the first one the user belongs to. */
export const loader = (queryClient: QueryClient) => async () => {
  // The landing's page module loads while the organisations do (`/` nearly always leads there), not after them.
  void import('./apps').catch(() => {});
  if (config.orgId) return redirect(paths.apps(config.orgId));
  const orgs = await queryClient.ensureQueryData(orgQueries.list());
  if (orgs.length === 0) return null;
  return redirect(paths.apps(orgs[0].id));
};

export function Component() {
  return (
    <>
      <PageHeader title="No organisation" />
      <p>
        Your account does not belong to any organisation yet. Ask an
        administrator to invite you.
      </p>
    </>
  );
}

export const ErrorBoundary = RouteError;
