import { useQuery } from '@tanstack/react-query';
import { userQueries } from '@/api/queries/users';

/** What the UI asks permission for (the engine's vocabulary in mocks/engine/access.ts). */
export type CanAction =
  | 'deploy' // deploy, pause, resume, scale, create an environment (depends on the environment type)
  | 'edit' // deltas and sets of an app
  | 'manage-app' // delete an app, its members
  | 'create-app'
  | 'profiles' // workload profiles
  | 'manage-org' // members, service users, tokens
  | 'env-types' // who may deploy to an environment type
  | 'resource-defs'; // resource definitions, their criteria and versions

/** Where the action happens. */
export interface CanTarget {
  appId?: string;
  envType?: string;
}

/** The answer: `allowed` is true while unknown (the API decides in the end); `reason` names the role needed. */
export interface CanResult {
  allowed: boolean;
  loading: boolean;
  reason?: string;
}

const PERMISSION: Record<CanAction, string> = {
  deploy: 'env.deploy',
  edit: 'app.edit',
  'manage-app': 'app.manage',
  'create-app': 'app.create',
  profiles: 'org.profiles',
  'manage-org': 'org.manage',
  'env-types': 'org.envTypes',
  // Granted to the same roles as workload profiles (manager, administrator); the perms list has no entry of its own.
  'resource-defs': 'org.profiles',
};

function objectOf(orgId: string, action: CanAction, target: CanTarget): string {
  const org = `/orgs/${orgId}`;
  if (action === 'deploy')
    return `${org}/apps/${target.appId}/env-types/${target.envType}`;
  if (action === 'edit' || action === 'manage-app')
    return `${org}/apps/${target.appId}`;
  if (action === 'env-types') return `${org}/env-types/${target.envType}`;
  return org;
}

/** The sentence naming the role needed (the same words as the engine's 403). */
export function roleNeeded(
  orgId: string,
  action: CanAction,
  target: CanTarget,
  roles: Record<string, string> = {},
): string {
  const { appId = '?', envType = '?' } = target;
  switch (action) {
    case 'deploy': {
      const appRole = roles[`/orgs/${orgId}/apps/${appId}`];
      return appRole === 'developer' || appRole === 'owner'
        ? `Deploying to ${envType} needs the deployer role on environment type ${envType} (you are ${appRole} of app ${appId}).`
        : `Deploying to ${envType} needs the developer or owner role on app ${appId} and the deployer role on environment type ${envType}.`;
    }
    case 'edit':
      return `Changing app ${appId} needs the developer or owner role on app ${appId}.`;
    case 'manage-app':
      return `Managing app ${appId} needs the owner role on app ${appId}.`;
    case 'create-app':
      return `Creating apps needs the member, manager or administrator role on organisation ${orgId}.`;
    case 'profiles':
      return `Changing workload profiles needs the manager or administrator role on organisation ${orgId}.`;
    case 'manage-org':
      return `Managing members, service users and tokens needs the administrator role on organisation ${orgId}.`;
    case 'env-types':
      return `Managing who may deploy to environment type ${envType} needs the manager or administrator role on organisation ${orgId}.`;
    case 'resource-defs':
      return `Changing resource definitions needs the manager or administrator role on organisation ${orgId}.`;
  }
}

/** The signed-in user's effective permissions in an organisation (refetched on focus: roles can change). */
export function usePermissions(orgId: string) {
  // The signed-in user: the same entry as the user menu's.
  const user = useQuery(userQueries.current());
  const userId = user.data?.id;
  const perms = useQuery({
    ...userQueries.perms(orgId, userId ?? ''),
    enabled: Boolean(userId),
  });
  return { user, perms };
}

/**
 * May the signed-in user do `action` on `target` in `orgId`? Built on
 * `/current-user` and `/orgs/{orgId}/users/{userId}/perms`. While loading, or
 * against an API that does not answer permissions (404, 403), it says
 * allowed: the button stays usable and the API's answer decides.
 */
export function useCan(
  orgId: string,
  action: CanAction,
  target: CanTarget = {},
): CanResult {
  const { user, perms } = usePermissions(orgId);
  if (user.isPending || perms.isPending)
    return { allowed: true, loading: true };
  // Permissions unknown (an API without them, or a failure): the API's answer decides.
  if (perms.isError || !perms.data) return { allowed: true, loading: false };
  const granted =
    perms.data.objects[objectOf(orgId, action, target)]?.permissions ?? [];
  if (granted.includes(PERMISSION[action]))
    return { allowed: true, loading: false };
  return {
    allowed: false,
    loading: false,
    reason: roleNeeded(orgId, action, target, user.data?.roles),
  };
}
