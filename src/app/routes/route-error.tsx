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

/** Where a route's page sends its user up from an error: the page above it (e.g. a run's pipeline). */
export type UpLink = (
  params: Readonly<Record<string, string | undefined>>,
) => { to: string; label: string } | undefined;

/**
 * A route's error state: "not found" with a way back (to the page above,
 * when the route says which, and to the applications), or the error with a
 * retry.
 */
export function RouteError({ up }: { up?: UpLink } = {}) {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const params = useParams();
  const { orgId } = params;
  const back = orgId ? paths.apps(orgId) : paths.home();
  const upLink = up?.(params);
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
        {upLink && (
          <p>
            <Link to={upLink.to}>{upLink.label}</Link>
          </p>
        )}
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
