import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useMemo, useState } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import {
  data,
  Link,
  useLoaderData,
  useParams,
  useSearchParams,
} from 'react-router';
import { profileQueries } from '@/api/queries/profiles';
import type { Workload } from '@/api/types';
import { PageHeader } from '@/components/layout/page-header';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useEnvironmentSet } from '@/features/environments/queries';
import { ProfileDeprecation } from '@/features/profiles/components/profile-deprecation';
import { WorkloadProfilePicker } from '@/features/profiles/components/workload-profile-picker';
import { WorkloadSpecForm } from '@/features/profiles/components/workload-spec-form';
import { useProfiles } from '@/features/profiles/queries';
import { carryOver } from '@/features/profiles/utils/carry-over';
import type { SchemaObject } from '@/lib/json-schema/validate';
import { qualifyProfile } from '@/features/profiles/utils/profile-ids';
import { RouteError } from './route-error';
import { useWorkloadFormProps } from './use-workload-form';
import { loadEnvironmentSet, revalidateOnNewPath } from './route-kit';

type Params = {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
};

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId, envId, workloadId } = params as Params;
    const [{ env, setId, set }] = await Promise.all([
      loadEnvironmentSet(queryClient, { orgId, appId, envId }),
      queryClient.ensureQueryData(profileQueries.list(orgId, true)),
    ]);
    if (!setId || !set?.modules[workloadId])
      throw data(null, {
        status: 404,
        statusText: `Workload ${workloadId} is not deployed in ${envId}.`,
      });
    return { setId, lastDeployId: env.last_deploy?.id };
  };

/** Choosing a profile only changes the search params: no reload. */
export const shouldRevalidate = revalidateOnNewPath;

interface LoaderData {
  setId: string;
  lastDeployId?: string;
}

function ChangeForm({
  profileQid,
  workload,
  setId,
  lastDeployId,
}: {
  profileQid: string;
  workload: Workload;
  setId: string;
  lastDeployId?: string;
}) {
  const { orgId, workloadId } = useParams() as Params;
  const form = useWorkloadFormProps({ setId, profileQid, workloadId });
  const { profile } = form;
  const moved = useMemo(
    () => carryOver(profile.spec_schema as SchemaObject, workload.spec),
    [profile.spec_schema, workload.spec],
  );
  return (
    <>
      <ProfileDeprecation orgId={orgId} profileRef={profileQid} />
      <Panel title="What carries over">
        <PanelBody>
          <p>
            {moved.kept.length > 0 ? (
              <>
                Kept:{' '}
                {moved.kept.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ', '}
                    <code>{k}</code>
                  </span>
                ))}
                .
              </>
            ) : (
              `Nothing of ${workloadId}'s spec carries over: the new profile declares none of its fields.`
            )}
          </p>
          {moved.dropped.length > 0 ? (
            <>
              <p>
                Dropped, because <code>{profileQid}</code> does not have them:
              </p>
              <ul aria-label="Dropped fields">
                {moved.dropped.map((path) => (
                  <li key={path}>
                    <code>{path}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">No field is dropped.</p>
          )}
        </PanelBody>
      </Panel>
      <WorkloadSpecForm
        {...form}
        mode="change-profile"
        workloadId={workloadId}
        workload={{ ...workload, profile: profileQid, spec: moved.spec }}
        lastDeployId={lastDeployId}
      />
    </>
  );
}

export function Component() {
  const { orgId, appId, envId, workloadId } = useParams() as Params;
  const { setId, lastDeployId } = useLoaderData() as LoaderData;
  const { data: profiles } = useProfiles(orgId, true);
  const { data: set } = useEnvironmentSet(orgId, appId, setId);
  const workload = set.modules[workloadId] as Workload;
  const currentQid = qualifyProfile(orgId, workload.profile);
  const [search, setSearch] = useSearchParams();
  const [profileQid, setProfileQid] = useState(
    () => search.get('profile') ?? '',
  );
  const onForm =
    search.get('step') === 'form' &&
    profileQid !== currentQid &&
    profiles.some((p) => `${p.org_id}/${p.id}` === profileQid);
  return (
    <>
      <PageHeader
        title={`Change the profile of ${workloadId}`}
        documentTitle={`Change the profile of ${workloadId}`}
      >
        <span>
          Workload in <code>{envId}</code> · profile <code>{currentQid}</code>
          {onForm && (
            <>
              {' '}
              → <code>{profileQid}</code>
            </>
          )}
        </span>
        {onForm ? (
          <Link
            to={`?${new URLSearchParams({ profile: profileQid }).toString()}`}
          >
            Choose another profile
          </Link>
        ) : (
          <Link to={paths.workload(orgId, appId, envId, workloadId)}>
            Back to the workload
          </Link>
        )}
      </PageHeader>
      {onForm ? (
        <Suspense fallback={<Skeleton rows={6} label="Loading the form" />}>
          <ChangeForm
            key={`${envId}/${workloadId}/${profileQid}`}
            profileQid={profileQid}
            workload={workload}
            setId={setId}
            lastDeployId={lastDeployId}
          />
        </Suspense>
      ) : (
        <WorkloadProfilePicker
          profiles={profiles}
          existing={[]}
          name={workloadId}
          profileQid={profileQid}
          current={{ profileQid: currentQid }}
          onChange={(next) => {
            setProfileQid(next.profileQid);
            setSearch({ profile: next.profileQid }, { replace: true });
          }}
          onContinue={() => setSearch({ profile: profileQid, step: 'form' })}
        />
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
