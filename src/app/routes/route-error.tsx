import { Link, isRouteErrorResponse, useParams, useRevalidator, useRouteError } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { ErrorPanel } from '@/components/ui/error-panel';
import { paths } from '@/config/paths';
import { isNotFound } from '@/lib/errors';

/** A route's error state: "not found" with a way back, or the error with a retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { orgId } = useParams();
  const back = orgId ? paths.apps(orgId) : paths.home();
  if (isNotFound(error) || (isRouteErrorResponse(error) && error.status === 404)) {
    return (
      <>
        <PageHeader title="Not found" />
        <p>{error instanceof Error ? error.message : 'There is nothing at this address.'}</p>
        <p>
          <Link to={back}>Back to applications</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Something went wrong" />
      <ErrorPanel error={error} onRetry={() => revalidator.revalidate()} />
      <p>
        <Link to={back}>Back to applications</Link>
      </p>
    </>
  );
}
