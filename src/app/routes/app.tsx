import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams } from 'react-router';
import { appQueries } from '@/api/queries/apps';
import { envQueries } from '@/api/queries/environments';
import { healthQueries } from '@/api/queries/health';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { EnvironmentsTable } from '@/features/apps/components/environments-table';
import { NewEnvDialog } from '@/features/apps/components/new-env-dialog';
import { useApp, useAppEnvironments } from '@/features/apps/queries';
import { PromotionLane } from '@/features/clone/components/promotion-lane';
import { AppHealthMatrix } from '@/features/health/components/app-health-matrix';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId } = params as { orgId: string; appId: string };
    await Promise.all([
      queryClient.ensureQueryData(appQueries.detail(orgId, appId)),
      queryClient.ensureQueryData(envQueries.list(orgId, appId)),
      queryClient.prefetchQuery(healthQueries.app(orgId, appId)),
    ]);
    return null;
  };

export function Component() {
  const { orgId, appId } = useParams() as { orgId: string; appId: string };
  const { data: app } = useApp(orgId, appId);
  const { data: envs } = useAppEnvironments(orgId, appId);
  return (
    <>
      <PageHeader
        title={app.name}
        actions={<NewEnvDialog orgId={orgId} appId={appId} envs={envs} />}
      >
        <span>
          Application <code>{app.id}</code>
        </span>
        <span>
          {app.envs.length} environment{app.envs.length === 1 ? '' : 's'}
        </span>
        <Link to={paths.pipelines(orgId, appId)}>Pipelines</Link>
        <Link to={paths.values(orgId, appId)}>Values</Link>
      </PageHeader>
      <Panel titleId="envs-heading" title="Environments and workloads">
        <PanelBody flush>
          <AppHealthMatrix
            orgId={orgId}
            appId={appId}
            fallback={
              <>
                <PanelBody as="p" className="muted">
                  Aggregated health is unavailable from this API: showing each
                  environment&rsquo;s last deployment and runtime status.
                </PanelBody>
                <EnvironmentsTable orgId={orgId} appId={appId} />
              </>
            }
          />
        </PanelBody>
      </Panel>
      <PromotionLane orgId={orgId} appId={appId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
