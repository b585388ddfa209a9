import { usePermissions } from '@/hooks/use-can';
import { usePipelineEnvironments } from '../queries';

/**
 * Whether the signed-in user may deploy to an environment of the app (what
 * approving, promoting and aborting need). Unknown permissions say yes: the
 * API decides in the end.
 */
export function useCanDeployTo(
  orgId: string,
  appId: string,
): (envId: string) => boolean {
  const { perms } = usePermissions(orgId);
  const envs = usePipelineEnvironments(orgId, appId);
  return (envId) => {
    const type = envs.data?.find((e) => e.id === envId)?.type;
    if (!perms.data || !type) return true;
    return (
      perms.data.objects[`/orgs/${orgId}/apps/${appId}/env-types/${type}`]
        ?.permissions ?? []
    ).includes('env.deploy');
  };
}
