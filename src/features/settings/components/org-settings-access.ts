import { useCan, type CanResult } from '@/hooks/use-can';

/**
 * Whether the user may change an organisation-wide setting (environment types, secret stores, registries): the API
 * lets managers and administrators do it, which the console checks as the `env-types` permission. When refused,
 * the reason names the setting, e.g. `Changing secret stores needs the manager or administrator role on …`.
 */
export function useOrgSettingsAccess(orgId: string, what: string): CanResult {
  const can = useCan(orgId, 'env-types', { envType: 'development' });
  return can.allowed
    ? can
    : {
        ...can,
        reason: `${what} needs the manager or administrator role on organisation ${orgId}.`,
      };
}
