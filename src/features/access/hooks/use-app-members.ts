import { useAppMemberChanges } from '../mutations';
import { useAppUsers } from '../queries';

/** Members of an app, and changes to them. */
export function useAppMembers(orgId: string, appId: string) {
  const members = useAppUsers(orgId, appId);
  return { members, ...useAppMemberChanges(orgId, appId) };
}
