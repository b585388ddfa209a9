import { useNavigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import {
  useEnvironment,
  useEnvironmentSet,
} from '@/features/environments/queries';
import { useProfile, useResourceTypes } from '@/features/profiles/queries';
import { resourceOptions } from '@/features/profiles/utils/resources';

/**
 * What every route showing a workload's profile form passes it (edit, add,
 * change profile): the environment, the profile, the resources the picker
 * offers (the set's shared ones, then the workload's private ones) and where
 * a deployment leads. Suspends until the environment, set, profile and
 * resource types are loaded.
 */
export function useWorkloadFormProps({
  setId,
  profileQid,
  workloadId,
}: {
  setId: string;
  profileQid: string;
  /** A workload of the set: its private resources are offered too. */
  workloadId?: string;
}) {
  const { orgId, appId, envId } = useParams() as {
    orgId: string;
    appId: string;
    envId: string;
  };
  const navigate = useNavigate();
  const { data: env } = useEnvironment(orgId, appId, envId);
  const { data: set } = useEnvironmentSet(orgId, appId, setId);
  const { data: profile } = useProfile(orgId, profileQid);
  const { data: types } = useResourceTypes(orgId);
  return {
    orgId,
    appId,
    envId,
    envType: env.type,
    setId,
    profile,
    resources: resourceOptions(
      set.shared as Record<string, { type?: string }>,
      (workloadId ? set.modules[workloadId]?.externals : undefined) as
        Record<string, { type?: string }> | undefined,
      types,
    ),
    onDeployed: (d: { id: string }) =>
      navigate(paths.deployment(orgId, appId, envId, d.id)),
  };
}
