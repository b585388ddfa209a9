import { useQuery } from '@tanstack/react-query';
import {
  consoleQueries,
  envTypeQueries,
  secretStoreQueries,
} from '@/api/queries';

/** What the embedded engine runs (demo data, fault rules). */
export const useDemoInfo = () => useQuery(consoleQueries.demoInfo());

/** The organisation's secret stores. */
export const useSecretStores = (orgId: string) =>
  useQuery(secretStoreQueries.list(orgId));

/** The organisation's environment types. */
export const useOrgEnvTypes = (orgId: string) =>
  useQuery(envTypeQueries.list(orgId));
