import { queryOptions } from '@tanstack/react-query';
import { listClones, previewClone, type CloneRequest } from '../clone';
import { keys } from './keys';

/**
 * Refetch policy: a preview is followed every 2 s while a deployment runs in
 * its target (applying is possible once it has finished), not polled
 * otherwise; the clone history uses the TanStack defaults.
 */
export const CLONE_TARGET_DEPLOYING_MS = 2000;

export const cloneQueries = {
  preview: (
    orgId: string,
    appId: string,
    envId: string,
    request: CloneRequest,
  ) =>
    queryOptions({
      queryKey: keys.clonePreview(orgId, appId, envId, {
        ...request,
        modules: [...request.modules].sort(),
        shared: [...request.shared].sort(),
      }),
      queryFn: () => previewClone(orgId, appId, envId, request),
      refetchInterval: (query) =>
        query.state.data?.target.deploying ? CLONE_TARGET_DEPLOYING_MS : false,
    }),
  history: (orgId: string, appId: string, envId?: string) =>
    queryOptions({
      queryKey: keys.cloneHistory(orgId, appId, envId ?? ''),
      queryFn: () => listClones(orgId, appId, envId),
    }),
};
