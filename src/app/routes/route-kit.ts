import type { QueryClient } from '@tanstack/react-query';
import type { ShouldRevalidateFunction } from 'react-router';
import { envQueries } from '@/api/queries/environments';
import { setQueries } from '@/api/queries/sets';

/** Pages whose search params only change what is shown (a panel, a step, a choice): no reload of their loader. */
export const revalidateOnNewPath: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) =>
  currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;

/**
 * An environment and the set its next deployment starts from (the deployment
 * it runs, else its last one), loaded into the query cache; no set when it
 * was never deployed.
 */
export async function loadEnvironmentSet(
  queryClient: QueryClient,
  { orgId, appId, envId }: { orgId: string; appId: string; envId: string },
) {
  const env = await queryClient.ensureQueryData(
    envQueries.detail(orgId, appId, envId),
  );
  const setId = (env.from_deploy ?? env.last_deploy)?.set_id;
  const set = setId
    ? await queryClient.ensureQueryData(setQueries.set(orgId, appId, setId))
    : undefined;
  return { env, setId, set };
}
