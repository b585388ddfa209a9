import { useQuery } from '@tanstack/react-query';
import { envTypeQueries } from '@/api/queries/env-types';

/** Humanitec's default environment types: offered until the organisation's load, or when they cannot. */
const DEFAULT_TYPES = ['development', 'staging', 'production'];

/** The organisation's environment type ids for a form's type choice (loaded while `enabled`). */
export function useEnvTypeIds(orgId: string, enabled: boolean): string[] {
  const types = useQuery({ ...envTypeQueries.list(orgId), enabled });
  return types.data?.map((t) => t.id) ?? DEFAULT_TYPES;
}
