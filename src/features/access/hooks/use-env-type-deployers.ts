import { useEnvTypeDeployerChanges } from '../mutations';
import { useEnvTypes, useEnvTypeUsers } from '../queries';

/** Environment types with their deployers, and changes to them. */
export function useEnvTypeDeployers(orgId: string) {
  const types = useEnvTypes(orgId);
  const typeIds = types.data?.map((t) => t.id) ?? [];
  const deployers = useEnvTypeUsers(orgId, typeIds, types.isSuccess);
  return { types, deployers, ...useEnvTypeDeployerChanges(orgId) };
}
