import { useQuery } from '@tanstack/react-query';
import { consoleQueries } from '@/api/queries/console';
import { envTypeQueries } from '@/api/queries/env-types';
import { registryQueries } from '@/api/queries/registries';
import { secretStoreQueries } from '@/api/queries/secret-stores';

/** What the embedded engine runs (demo data, fault rules). */
export const useDemoInfo = () => useQuery(consoleQueries.demoInfo());

/** The organisation's secret stores. */
export const useSecretStores = (orgId: string) =>
  useQuery(secretStoreQueries.list(orgId));

/** The organisation's environment types. */
export const useOrgEnvTypes = (orgId: string) =>
  useQuery(envTypeQueries.list(orgId));

/** The organisation's container registries. */
export const useRegistries = (orgId: string) =>
  useQuery(registryQueries.list(orgId));

/** Whether a registry has credentials (asked only of users who may see them: administrators and managers). */
export const useRegistryCreds = (
  orgId: string,
  regId: string,
  enabled: boolean,
) => useQuery({ ...registryQueries.creds(orgId, regId), enabled });
