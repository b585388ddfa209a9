import { useQuery } from '@tanstack/react-query';
import { envQueries } from '@/api/queries/environments';
import { navigationQueries } from '@/api/queries/navigation';
import { orgQueries } from '@/api/queries/orgs';
import { pipelineQueries } from '@/api/queries/pipelines';
import { userQueries } from '@/api/queries/users';

/** The navigation index; `complete` is false when the API has no index endpoint (apps and environments only). */
export type { NavIndex } from '@/api/queries/navigation';

/**
 * Hooks of the navigation (sidebar, switchers, palette). Options, keys and
 * refetch policies live in `src/api/queries`: apps, environments and
 * deployments are the same cache entries as the other pages', not copies.
 */
export const useNavIndex = (orgId: string | undefined) =>
  useQuery({ ...navigationQueries.index(orgId ?? ''), enabled: !!orgId });
/** The organisation's pipelines and their runs, for the palette. */
export const usePalettePipelines = (orgId: string | undefined) =>
  useQuery({ ...pipelineQueries.palette(orgId ?? ''), enabled: !!orgId });
export const useOrgs = () => useQuery(orgQueries.list());
export const useCurrentUser = () => useQuery(userQueries.current());
export const useAppEnvironments = (
  orgId: string,
  appId: string | undefined,
  enabled = true,
) =>
  useQuery({
    ...envQueries.list(orgId, appId ?? ''),
    enabled: enabled && !!appId,
  });
