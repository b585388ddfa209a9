import { queryOptions } from '@tanstack/react-query';
import { listAgentOverview } from '../agents';
import { keys } from './keys';

/** Heartbeats change `last seen` every 30 s: the overview is read again that often while shown. */
export const AGENT_POLL_MS = 30_000;

/** The organisation's agents with status, keys and dependants (console extension). */
export const agentQueries = {
  overview: (orgId: string) =>
    queryOptions({
      queryKey: keys.agentOverview(orgId),
      queryFn: () => listAgentOverview(orgId),
      refetchInterval: AGENT_POLL_MS,
    }),
};
