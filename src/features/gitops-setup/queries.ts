import { useQuery } from '@tanstack/react-query';
import { gitopsQueries } from '@/api/queries/gitops';

/** The repository an environment is committed to, when the page was opened for one (null without the extension). */
export const useSetupEnvironment = (
  orgId: string,
  appId: string | undefined,
  envId: string | undefined,
) =>
  useQuery({
    ...gitopsQueries.env(orgId, appId ?? '', envId ?? ''),
    enabled: !!appId && !!envId,
  });
