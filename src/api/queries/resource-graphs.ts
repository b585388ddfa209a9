import { queryOptions } from '@tanstack/react-query';
import { getDependencyGraph } from '../resource-graphs';
import { keys } from './keys';

/**
 * Dependency graphs. Refetch policy: none. A graph's id is the content
 * address of its nodes, so a graph never changes; a new deployment names a
 * new graph.
 */
export const resourceGraphQueries = {
  graph: (orgId: string, appId: string, envId: string, graphId: string) =>
    queryOptions({
      queryKey: keys.resourceGraph(orgId, appId, envId, graphId),
      queryFn: () => getDependencyGraph(orgId, appId, envId, graphId),
      staleTime: Infinity,
    }),
};
