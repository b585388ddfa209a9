import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useParams } from 'react-router';
import { profileQueries } from '@/api/queries/profiles';
import { setQueries } from '@/api/queries/sets';
import type { Workload } from '@/api/types';
import { PageHeader } from '@/components/layout/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useEnvironment } from '@/features/environments/queries';
import {
  WorkloadProfilePicker,
  workloadNameProblem,
} from '@/features/profiles/components/workload-profile-picker';
import { ProfileDeprecation } from '@/features/profiles/components/profile-deprecation';
import { WorkloadSpecForm } from '@/features/profiles/components/workload-spec-form';
import { useProfiles } from '@/features/profiles/queries';
import { useSearchUpdate } from '@/hooks/use-search-update';
import { RouteError } from './route-error';
import { useWorkloadFormProps } from './use-workload-form';
import { loadEnvironmentSet, revalidateOnNewPath } from './route-kit';

type Params = { orgId: string; appId: string; envId: string };

/** The id of the empty deployment set: where an environment that never ran anything starts. */
const EMPTY_SET_ID = '0'.repeat(43);

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId, envId } = params as Params;
    const [loaded] = await Promise.all([
      loadEnvironmentSet(queryClient, { orgId, appId, envId }),
      queryClient.ensureQueryData(profileQueries.list(orgId, true)),
    ]);
    const { env } = loaded;
    const setId = loaded.setId ?? EMPTY_SET_ID;
    const set =
      loaded.set ??
      (await queryClient.ensureQueryData(setQueries.set(orgId, appId, setId)));
    return {
      setId,
      lastDeployId: env.last_deploy?.id,
      existing: Object.keys(set.modules ?? {}),
    };
  };

/** Choosing a name and a profile only changes the search params: no reload. */
export const shouldRevalidate = revalidateOnNewPath;

interface LoaderData {
  /** The set the new workload joins (the environment's current one, or the empty set). */
  setId: string;
  /** The environment's last deployment: deploying checks it is still the last (If-Match). */
  lastDeployId?: string;
  existing: string[];
}

function AddForm({
  profileQid,
  name,
  setId,
  lastDeployId,
}: {
  profileQid: string;
  name: string;
  setId: string;
  lastDeployId?: string;
}) {
  const form = useWorkloadFormProps({ setId, profileQid });
  const workload: Workload = { profile: profileQid, spec: {}, externals: {} };
  return (
    <>
      <ProfileDeprecation orgId={form.orgId} profileRef={profileQid} />
      <WorkloadSpecForm
        {...form}
        mode="add"
        workloadId={name}
        workload={workload}
        lastDeployId={lastDeployId}
      />
    </>
  );
}

export function Component() {
  const { orgId, appId, envId } = useParams() as Params;
  const { setId, lastDeployId, existing } = useLoaderData() as LoaderData;
  const { data: env } = useEnvironment(orgId, appId, envId);
  const { data: profiles } = useProfiles(orgId, true);
  const [search, updateSearch] = useSearchUpdate();
  // The choice shows at once; the URL follows it (so the step can be linked and survives a reload).
  const [{ name, profileQid }, setChoice] = useState(() => ({
    name: search.get('name') ?? '',
    profileQid: search.get('profile') ?? '',
  }));
  const chosen = profiles.some((p) => `${p.org_id}/${p.id}` === profileQid);
  const onForm =
    search.get('step') === 'form' &&
    chosen &&
    workloadNameProblem(name, existing) === undefined;
  const update = (next: Record<string, string>, push = false) =>
    updateSearch(
      (current) => {
        const params = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) params.set(key, value);
          else params.delete(key);
        }
        return params;
      },
      { replace: !push },
    );
  return (
    <>
      <PageHeader
        title={onForm ? `Add ${name}` : 'Add a workload'}
        documentTitle={onForm ? `Add ${name}` : `Add a workload to ${env.name}`}
        focusKey={onForm ? 'form' : 'pick'}
      >
        <span>
          To environment <code>{envId}</code> · type {env.type}
          {onForm && (
            <>
              {' '}
              · profile <code>{profileQid}</code>
            </>
          )}
        </span>
        {onForm ? (
          <Link
            to={`?${new URLSearchParams({ name, profile: profileQid }).toString()}`}
          >
            Change the name or profile
          </Link>
        ) : (
          <Link to={paths.env(orgId, appId, envId)}>
            Back to the environment
          </Link>
        )}
      </PageHeader>
      {onForm ? (
        <Suspense fallback={<Skeleton rows={6} label="Loading the form" />}>
          <AddForm
            key={`${name}/${profileQid}`}
            profileQid={profileQid}
            name={name}
            setId={setId}
            lastDeployId={lastDeployId}
          />
        </Suspense>
      ) : (
        <WorkloadProfilePicker
          profiles={profiles}
          existing={existing}
          name={name}
          profileQid={profileQid}
          onChange={(next) => {
            setChoice(next);
            update({ name: next.name, profile: next.profileQid });
          }}
          onContinue={() => update({ step: 'form' }, true)}
        />
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
