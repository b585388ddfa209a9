import { api, unwrap } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];
/** A dependency graph: the resources and workloads of a deployment, each with the guresids it depends on. */
export type DependencyGraph = Schemas['DependencyGraphResponse'];
/** One node of a dependency graph (a resource, or a workload with type `workload`). */
export type DependencyGraphNode = Schemas['NodeBodyResponse'];

/** A deployment's dependency graph (its `dependency_graph_id`) in the environment it was deployed to. */
export function getDependencyGraph(
  orgId: string,
  appId: string,
  envId: string,
  graphId: string,
) {
  return unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/graphs/{graphId}',
      { params: { path: { orgId, appId, envId, graphId } } },
    ),
  );
}
