import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { data, Link, useLoaderData, useParams } from 'react-router';
import { profileQueries } from '@/api/queries/profiles';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { paths } from '@/config/paths';
import { useEnvironmentSet } from '@/features/environments/queries';
import { ProfileDeprecation } from '@/features/profiles/components/profile-deprecation';
import { WorkloadSpecForm } from '@/features/profiles/components/workload-spec-form';
import { isNotFound } from '@/lib/errors';
import { qualifyProfile } from '@/features/profiles/utils/profile-ids';
import { RouteError } from './route-error';
import { useWorkloadFormProps } from './use-workload-form';
import { loadEnvironmentSet } from './route-kit';

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
    const { env, setId, set } = await loadEnvironmentSet(queryClient, {
      orgId,
      appId,
      envId,
    });
    const workload = set?.modules[workloadId];
    if (!setId || !workload)
      throw data(null, {
        status: 404,
        statusText: `Workload ${workloadId} is not deployed in ${envId}.`,
      });
    const profileQid = qualifyProfile(orgId, workload.profile);
    try {
      await Promise.all([
        queryClient.ensureQueryData(profileQueries.detail(orgId, profileQid)),
        queryClient.ensureQueryData(profileQueries.resourceTypes(orgId)),
      ]);
      return {
        setId,
        lastDeployId: env.last_deploy?.id,
        profileQid,
        missing: false,
      };
    } catch (error) {
      if (isNotFound(error))
        return {
          setId,
          lastDeployId: env.last_deploy?.id,
          profileQid,
          missing: true,
        };
      throw error;
    }
  };

function Form({
  profileQid,
  setId,
  lastDeployId,
}: {
  profileQid: string;
  setId: string;
  lastDeployId?: string;
}) {
  const { orgId, appId, envId, workloadId } = useParams() as Params;
  const form = useWorkloadFormProps({ setId, profileQid, workloadId });
  const { data: set } = useEnvironmentSet(orgId, appId, setId);
  return (
    <WorkloadSpecForm
      // Another workload (a switcher in the breadcrumb keeps this route) is another form: none of its state (the
      // problems found as it opened, a review, fields left) carries over.
      key={`${envId}/${workloadId}`}
      {...form}
      workloadId={workloadId}
      workload={set.modules[workloadId]}
      lastDeployId={lastDeployId}
    />
  );
}

export function Component() {
  const { orgId, appId, envId, workloadId } = useParams() as Params;
  const { setId, lastDeployId, profileQid, missing } = useLoaderData() as {
    setId: string;
    /** The deployment whose set the form edits: the deploy is refused (409) if another one happened since. */
    lastDeployId?: string;
    profileQid: string;
    missing: boolean;
  };
  return (
    <>
      <PageHeader
        title={`Edit ${workloadId}`}
        documentTitle={`Edit ${workloadId}`}
      >
        <span>
          Workload in <code>{envId}</code> · profile{' '}
          <Link className="mono" to={paths.profile(orgId, profileQid)}>
            {profileQid}
          </Link>
        </span>
        <Link to={paths.workload(orgId, appId, envId, workloadId)}>
          Back to the workload
        </Link>
      </PageHeader>
      {missing ? (
        <EmptyState title={`Profile ${profileQid} does not exist`}>
          This workload references a profile the organisation does not have, so
          there is no form for it. Create the profile in{' '}
          <Link to={paths.profiles(orgId)}>Workload profiles</Link>, or change
          the workload's profile.
        </EmptyState>
      ) : (
        <>
          <ProfileDeprecation orgId={orgId} profileRef={profileQid} />
          <Form
            profileQid={profileQid}
            setId={setId}
            lastDeployId={lastDeployId}
          />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
