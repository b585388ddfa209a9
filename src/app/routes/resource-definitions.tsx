import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useNavigate, useParams } from 'react-router';
import { resourceDefQueries } from '@/api/queries/resource-definitions';
import { PageHeader } from '@/components/layout/page-header';
import { GuardedButton } from '@/components/ui/guarded-button';
import { DefinitionsList } from '@/features/resource-definitions/components/definitions-list';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-can';
import { RouteError } from './route-error';

export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    // Started here; the page shows its own loading and error states.
    void queryClient.prefetchQuery(resourceDefQueries.list(params.orgId ?? ''));
    return null;
  };

/** The organisation's resource definitions, by resource type. */
export function Component() {
  const { orgId = '' } = useParams();
  const can = useCan(orgId, 'resource-defs');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Resource definitions"
        actions={
          <div className="row">
            <Link className="button" to={paths.resourceMatch(orgId)}>
              Which definition matches?
            </Link>
            <GuardedButton
              can={can}
              className="button button--primary"
              onClick={() => navigate(paths.resourceDef(orgId, 'new'))}
            >
              New definition
            </GuardedButton>
          </div>
        }
      >
        <p className="muted">
          How deployments provision each resource type, and for which apps and
          environments.
        </p>
      </PageHeader>
      <DefinitionsList orgId={orgId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
