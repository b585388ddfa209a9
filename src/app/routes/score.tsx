import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { useEnvironment } from '@/features/environments/queries';
import { ScorePage } from '@/features/score';
import { RouteError } from './route-error';
import { loadEnvironmentSet, revalidateOnNewPath } from './route-kit';

type Params = { orgId: string; appId: string; envId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { env, setId } = await loadEnvironmentSet(
      queryClient,
      params as Params,
    );
    return { setId, lastDeployId: env.last_deploy?.id };
  };

interface LoaderData {
  setId?: string;
  lastDeployId?: string;
}

/** "Deploy a Score file" to an environment. */
export function Component() {
  const { orgId, appId, envId } = useParams() as Params;
  const { setId, lastDeployId } = useLoaderData() as LoaderData;
  const { data: env } = useEnvironment(orgId, appId, envId);
  return (
    <>
      <PageHeader
        title="Deploy a Score file"
        documentTitle={`Deploy a Score file to ${env.name}`}
      >
        <span>
          To environment <code>{envId}</code> · type {env.type}
        </span>
        <Link to={paths.env(orgId, appId, envId)}>Back to the environment</Link>
      </PageHeader>
      <ScorePage
        orgId={orgId}
        appId={appId}
        envId={envId}
        envType={env.type}
        setId={setId}
        lastDeployId={lastDeployId}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
export const shouldRevalidate = revalidateOnNewPath;
