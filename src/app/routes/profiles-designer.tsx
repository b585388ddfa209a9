import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useNavigate, useParams } from 'react-router';
import { profileQueries } from '@/api/queries/profiles';
import { PageHeader } from '@/components/layout/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import {
  ProfileDesigner,
  type DesignerStart,
} from '@/features/profiles/components/designer';
import { GALLERY } from '@/features/profiles/utils/gallery';
import { BLANK_PROFILE } from '@/features/profiles/utils/blank-profile';
import {
  useProfile,
  useProfileFeatures,
  useProfileVersions,
} from '@/features/profiles/queries';
import { documentFromProfile } from '@/features/profiles/utils/profile-document';
import { isBuiltin, qidOf } from '@/features/profiles/utils/profile-ids';
import { profileStatus } from '@/lib/status';
import { RouteError } from './route-error';

type Params = { orgId: string; profileId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const { orgId, profileId } = params as Params;
    const prefetch = Promise.all([
      queryClient.ensureQueryData(profileQueries.features(orgId)),
      queryClient.ensureQueryData(profileQueries.resourceTypes(orgId)),
    ]);
    if (profileId !== 'new') {
      await Promise.all([
        prefetch,
        queryClient.ensureQueryData(profileQueries.detail(orgId, profileId)),
        queryClient.ensureQueryData(profileQueries.versions(orgId, profileId)),
      ]);
      return { start: undefined };
    }
    const search = new URL(request.url).searchParams;
    const example = GALLERY.find((e) => e.id === search.get('example'));
    const from = search.get('from');
    let start: DesignerStart = { document: BLANK_PROFILE };
    if (example) start = { ...(await example.load()), key: example.id };
    else if (from)
      start = {
        document: documentFromProfile(
          await queryClient.ensureQueryData(profileQueries.detail(orgId, from)),
        ),
        key: `from:${from}`,
      };
    await prefetch;
    return { start };
  };

function NewProfile({ orgId }: { orgId: string }) {
  const { start } = useLoaderData() as { start: DesignerStart };
  const navigate = useNavigate();
  const { data: features } = useProfileFeatures(orgId);
  return (
    <>
      <PageHeader title="New workload profile" />
      <ProfileDesigner
        orgId={orgId}
        features={features}
        start={start}
        onCreated={(p) => navigate(paths.profile(orgId, qidOf(p)))}
      />
    </>
  );
}

function ExistingProfile({
  orgId,
  profileQid,
}: {
  orgId: string;
  profileQid: string;
}) {
  const { data: profile } = useProfile(orgId, profileQid);
  const { data: versions } = useProfileVersions(orgId, profileQid);
  const { data: features } = useProfileFeatures(orgId);
  return (
    <>
      <PageHeader
        title={qidOf(profile)}
        status={
          <StatusBadge status={profileStatus(profile.deprecation_message)} />
        }
      >
        <span>
          Version <code>{profile.version}</code>
          {isBuiltin(profile) ? ' · built-in, read-only' : ''}
        </span>
        {profile.deprecation_message && (
          <span>Deprecated: {profile.deprecation_message}</span>
        )}
        <Link to={paths.profiles(orgId)}>All workload profiles</Link>
      </PageHeader>
      <ProfileDesigner
        key={profileQid}
        orgId={orgId}
        profile={profile}
        versions={versions}
        features={features}
        start={{ document: BLANK_PROFILE }}
        onCreated={() => undefined}
      />
    </>
  );
}

export function Component() {
  const { orgId, profileId } = useParams() as Params;
  return profileId === 'new' ? (
    <NewProfile orgId={orgId} />
  ) : (
    <ExistingProfile orgId={orgId} profileQid={profileId} />
  );
}

export const ErrorBoundary = RouteError;
