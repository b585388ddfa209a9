import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams } from 'react-router';
import { artefactQueries } from '@/api/queries/artefacts';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { ArtefactsPage } from '@/features/artefacts/components/artefacts-page';
import { useSearchUpdate } from '@/hooks/use-search-update';
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
  const [search, updateSearch] = useSearchUpdate();
  const image = search.get('image') || undefined;
  const archived = search.get('archived') === 'true';
  // The filter by image name or tag, kept in the URL (a link or a reload shows the same images).
  const filter = search.get('q') ?? '';
  /** The page's URL with `archived` as given, the image and the filter kept. */
  const withArchived = (next: boolean) => {
    const query = new URLSearchParams();
    if (image) query.set('image', image);
    if (filter) query.set('q', filter);
    if (next) query.set('archived', 'true');
    const text = query.toString();
    return `${paths.artefacts(orgId)}${text ? `?${text}` : ''}`;
  };
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
            <Link className="button" to={withArchived(!archived)}>
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
      <ArtefactsPage
        orgId={orgId}
        image={image}
        archived={archived}
        filter={filter}
        onFilterChange={(next) =>
          updateSearch(
            (current) => {
              if (next) current.set('q', next);
              else current.delete('q');
              return current;
            },
            { replace: true },
          )
        }
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
