import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { GalleryList } from '@/features/profiles/components/gallery-list';
import { ProfileList } from '@/features/profiles/components/profile-list';
import '@/features/profiles/components/profiles.css';
import { profileQueries } from '@/features/profiles/queries';
import { RouteError } from './route-error';

type Params = { orgId: string };

export const loader = (queryClient: QueryClient) => async ({ params, request }: LoaderFunctionArgs) => {
  const deprecated = new URL(request.url).searchParams.get('deprecated') === 'true';
  await queryClient.ensureQueryData(profileQueries.list((params as Params).orgId, deprecated));
  return null;
};

export function Component() {
  const { orgId } = useParams() as Params;
  const [search, setSearch] = useSearchParams();
  const showDeprecated = search.get('deprecated') === 'true';
  return (
    <>
      <PageHeader
        title="Workload profiles"
        actions={
          <Link className="button button--primary" to={paths.profile(orgId, 'new')}>
            New profile
          </Link>
        }
      >
        <span>What a workload can be: the schema of its spec and the form developers edit it with.</span>
      </PageHeader>
      <section className="panel" aria-labelledby="profiles-heading">
        <div className="panel__header">
          <h2 id="profiles-heading">Profiles</h2>
          <label className="row">
            <input type="checkbox" checked={showDeprecated} onChange={(e) => setSearch(e.target.checked ? { deprecated: 'true' } : {})} />
            Show deprecated profiles
          </label>
        </div>
        <ProfileList orgId={orgId} showDeprecated={showDeprecated} />
      </section>
      <section className="panel" aria-labelledby="gallery-heading">
        <div className="panel__header">
          <h2 id="gallery-heading">Start from an example</h2>
        </div>
        <div className="panel__body">
          <GalleryList orgId={orgId} />
        </div>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
