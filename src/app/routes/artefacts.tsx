import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams, useSearchParams } from 'react-router';
import { artefactQueries } from '@/api/queries/artefacts';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { ArtefactsPage } from '@/features/artefacts/components/artefacts-page';
import { RouteError } from './route-error';

type Params = { orgId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const { orgId } = params as Params;
    const archived =
      new URL(request.url).searchParams.get('archived') === 'true';
    // The page shows its own loading and error states.
    void queryClient.prefetchQuery(artefactQueries.versions(orgId, archived));
    void queryClient.prefetchQuery(artefactQueries.running(orgId));
    return null;
  };

export function Component() {
  const { orgId } = useParams() as Params;
  const [search] = useSearchParams();
  const image = search.get('image') || undefined;
  const archived = search.get('archived') === 'true';
  return (
    <>
      <PageHeader
        title="Artefacts"
        actions={
          <>
            {image && (
              <Link className="button" to={paths.artefacts(orgId)}>
                All images
              </Link>
            )}
            <Link
              className="button"
              to={
                archived
                  ? paths.artefacts(orgId, image)
                  : `${paths.artefacts(orgId, image)}${image ? '&' : '?'}archived=true`
              }
            >
              {archived ? 'Current versions' : 'Archived versions'}
            </Link>
          </>
        }
      >
        <span>
          Container images CI pushed, newest version first, where each runs, and
          deploying one to an environment.
        </span>
      </PageHeader>
      <ArtefactsPage orgId={orgId} image={image} archived={archived} />
    </>
  );
}

export const ErrorBoundary = RouteError;
