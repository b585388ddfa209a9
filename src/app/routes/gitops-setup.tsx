import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { SetupGuide } from '@/features/gitops-setup/components/setup-guide';
import { useSetupEnvironment } from '@/features/gitops-setup/queries';
import { RouteError } from './route-error';

/** Operator and GitOps setup; `?app=&env=` fills the commands in for that environment. */
export function Component() {
  const { orgId = '' } = useParams();
  const [search] = useSearchParams();
  const appId = search.get('app') || undefined;
  const envId = search.get('env') || undefined;
  // A GitOps environment names its repository, branch and folder: the commands use them.
  const { data: status } = useSetupEnvironment(orgId, appId, envId);
  const repository = status?.repository;
  return (
    <>
      <PageHeader title="Operator and GitOps setup">
        {appId && envId ? (
          <span>
            For{' '}
            <Link
              to={paths.env(orgId, appId, envId)}
            >{`${appId} / ${envId}`}</Link>
          </span>
        ) : (
          <span>
            Install the Humanitec Operator and connect a GitOps controller.
          </span>
        )}
      </PageHeader>
      <SetupGuide
        target={{
          orgId,
          appId,
          envId,
          ...(repository
            ? {
                repoUrl: repository.url,
                branch: repository.branch,
                path: repository.path,
              }
            : {}),
        }}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
