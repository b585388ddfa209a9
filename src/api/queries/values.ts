import { queryOptions } from '@tanstack/react-query';
import {
  getEnvValueSetVersion,
  listValueSetVersions,
  listValues,
  type ValueScope,
} from '../values';
import { keys } from './keys';

/** Shared values and their versions. Refetch policy: TanStack defaults, no polling (they change only by edits). */
export const valueQueries = {
  list: ({ orgId, appId, envId }: ValueScope) =>
    queryOptions({
      queryKey: keys.values(orgId, appId, envId),
      queryFn: () => listValues({ orgId, appId, envId }),
    }),
  versions: ({ orgId, appId, envId }: ValueScope) =>
    queryOptions({
      queryKey: keys.valueSetVersions(orgId, appId, envId),
      queryFn: () => listValueSetVersions({ orgId, appId, envId }),
    }),
  /** An environment's version a deployment used (versions never change but by a purge). */
  envVersion: (
    orgId: string,
    appId: string,
    envId: string,
    versionId: string,
  ) =>
    queryOptions({
      queryKey: keys.valueSetVersion(orgId, appId, envId, versionId),
      queryFn: () => getEnvValueSetVersion(orgId, appId, envId, versionId),
      staleTime: 60_000,
    }),
};
