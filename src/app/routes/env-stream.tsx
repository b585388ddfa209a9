import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { EnvironmentStreamView } from '@/features/debug';
import { RouteError } from './route-error';

type Params = { orgId: string; appId: string; envId: string };

/** One stream per environment (issue 23 §2): its logs and Kubernetes events, filtered as the URL says. */
export function Component() {
  const { orgId, appId, envId } = useParams() as Params;
  return (
    <>
      <PageHeader
        title={`Logs and events of ${envId}`}
        actions={
          <Link className="button" to={paths.env(orgId, appId, envId)}>
            Back to the environment
          </Link>
        }
      >
        <span>
          Every workload and container of <code>{appId}</code>/
          <code>{envId}</code>, with the cluster’s events.
        </span>
      </PageHeader>
      <EnvironmentStreamView orgId={orgId} appId={appId} envId={envId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
