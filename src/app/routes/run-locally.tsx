import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { RunLocally } from '@/features/debug';
import { RouteError } from './route-error';

type Params = {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
};

/** "Run locally" of a workload (issue 23 §1): its local-run bundle, per-resource choices and the zip. */
export function Component() {
  const { orgId, appId, envId, workloadId } = useParams() as Params;
  return (
    <>
      <PageHeader
        title={`Run ${workloadId} locally`}
        actions={
          <Link
            className="button"
            to={paths.workload(orgId, appId, envId, workloadId)}
          >
            Back to the workload
          </Link>
        }
      >
        <span>
          As it runs in <code>{envId}</code>: its containers, variables and
          files, with the resources it reads.
        </span>
      </PageHeader>
      <RunLocally
        orgId={orgId}
        appId={appId}
        envId={envId}
        workloadId={workloadId}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
