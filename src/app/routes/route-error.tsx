import {
  Link,
  isRouteErrorResponse,
  useParams,
  useRevalidator,
  useRouteError,
} from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { paths } from '@/config/paths';
import { ApiError } from '@/api/client';
import { config } from '@/config/env';
import { signOut } from '@/features/session/components/sign-in';
import { isNotFound } from '@/lib/errors';

/** A route's error state: "not found" with a way back, or the error with a retry. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const { orgId } = useParams();
  const back = orgId ? paths.apps(orgId) : paths.home();
  if (
    isNotFound(error) ||
    (isRouteErrorResponse(error) && error.status === 404)
  ) {
    return (
      <>
        <PageHeader title="Not found" />
        <p>
          <ApiText text={notFoundMessage(error)} />
        </p>
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
      {error instanceof ApiError &&
        error.status === 401 &&
        !config.useEmbeddedEngine && (
          <p>
            <button type="button" className="button" onClick={signOut}>
              Sign in with another token
            </button>
          </p>
        )}
      <p>
        <Link to={back}>Back to applications</Link>
      </p>
    </>
  );
}

function notFoundMessage(error: unknown) {
  if (error instanceof Error) return error.message;
  if (isRouteErrorResponse(error) && error.statusText) return error.statusText;
  return 'There is nothing at this address.';
}
