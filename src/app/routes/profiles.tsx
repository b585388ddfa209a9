import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams, useSearchParams } from 'react-router';
import { profileQueries } from '@/api/queries/profiles';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { GalleryList } from '@/features/profiles/components/gallery-list';
import { ProfileList } from '@/features/profiles/components/profile-list';
import '@/features/profiles/components/profiles.css';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

type Params = { orgId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const deprecated =
      new URL(request.url).searchParams.get('deprecated') === 'true';
    await queryClient.ensureQueryData(
      profileQueries.list((params as Params).orgId, deprecated),
    );
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
          <Link
            className="button button--primary"
            to={paths.profile(orgId, 'new')}
          >
            New profile
          </Link>
        }
      >
        <span>
          What a workload can be: the schema of its spec and the form developers
          edit it with.
        </span>
      </PageHeader>
      <Panel
        titleId="profiles-heading"
        title="Profiles"
        actions={
          <label className="row">
            <input
              type="checkbox"
              checked={showDeprecated}
              onChange={(e) =>
                setSearch(e.target.checked ? { deprecated: 'true' } : {})
              }
            />
            Show deprecated profiles
          </label>
        }
      >
        <ProfileList orgId={orgId} showDeprecated={showDeprecated} />
      </Panel>
      <Panel titleId="gallery-heading" title="Start from an example">
        <PanelBody>
          <GalleryList orgId={orgId} />
        </PanelBody>
      </Panel>
    </>
  );
}

export const ErrorBoundary = RouteError;
