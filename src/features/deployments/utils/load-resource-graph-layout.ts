/**
 * Lays a resource graph out where it costs the page least: in a module
 * worker (one for the page's life, started on first use or by
 * `preloadGraphLayout`), or, where there is no Worker (tests) or it fails to
 * start, on the page with dagre loaded on demand. dagre is in neither the
 * first route's code nor the deployment page's: only the worker's chunk or a
 * lazy one.
 */
import type { DependencyGraphNode } from '@/api/resource-graphs';
import type { DeploymentSet } from '@/api/types';
import type { GraphLayout, LayoutInput } from './resource-graph-layout';
import { buildGraphModel, type GraphModel } from './resource-graph-model';

/** The size of a node as the graph draws it (the layout leaves room for it). */
export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 52;

type Reply = { id: number; layout?: GraphLayout; error?: string };

let worker: Worker | undefined;
let workerFailed = false;
let next = 0;
const pending = new Map<
  number,
  { resolve: (layout: GraphLayout) => void; reject: (e: Error) => void }
>();

function startWorker(): Worker | undefined {
  if (worker || workerFailed || typeof Worker !== 'function') return worker;
  try {
    worker = new Worker(
      new URL('./resource-graph-layout.worker.ts', import.meta.url),
      { type: 'module', name: 'resource-graph-layout' },
    );
  } catch {
    workerFailed = true;
    return undefined;
  }
  worker.addEventListener('message', (event: MessageEvent<Reply>) => {
    const { id, layout, error } = event.data;
    const call = pending.get(id);
    pending.delete(id);
    if (layout) call?.resolve(layout);
    else call?.reject(new Error(error ?? 'The layout failed'));
  });
  // A worker that cannot load (a policy, a network error): lay out on the page from now on.
  worker.addEventListener('error', () => {
    workerFailed = true;
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const call of waiting) call.reject(new WorkerUnavailable());
  });
  return worker;
}

class WorkerUnavailable extends Error {}

async function onPage(input: LayoutInput): Promise<GraphLayout> {
  const { layoutGraph } = await import('./resource-graph-layout');
  return layoutGraph(input);
}

/** Starts the layout worker ahead of need (the deployment page's loader calls it). */
export function preloadGraphLayout(): void {
  startWorker();
}

/** The layout of a graph: its size, each node's centre and each edge's polyline. */
export async function layOut(input: LayoutInput): Promise<GraphLayout> {
  const target = startWorker();
  if (!target) return onPage(input);
  const id = (next += 1);
  try {
    return await new Promise<GraphLayout>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ id, input });
    });
  } catch (error) {
    if (error instanceof WorkerUnavailable) return onPage(input);
    throw error;
  }
}

/** What the layout needs of a model: its nodes' keys and sizes, and its edges. */
export function layoutInputOf(model: Pick<GraphModel, 'nodes' | 'edges'>) {
  return {
    nodes: model.nodes.map((n) => ({
      key: n.key,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    })),
    edges: model.edges,
  };
}

/** Layouts by the graph's nodes and the set they were answered in (the query cache's objects). */
const layouts = new WeakMap<object, WeakMap<object, Promise<GraphLayout>>>();

/**
 * The layout of a deployment's graph, computed once per graph and set. Which
 * nodes and edges there are depends on the graph and the set alone (errors
 * and steps change statuses, not the shape), so the page's loader starts it
 * as soon as both have arrived, while the page renders, and the graph view
 * picks the same promise up.
 */
export function layoutOfGraph(
  graphNodes: readonly DependencyGraphNode[],
  set: Pick<DeploymentSet, 'modules' | 'shared'>,
): Promise<GraphLayout> {
  let bySet = layouts.get(graphNodes);
  if (!bySet) layouts.set(graphNodes, (bySet = new WeakMap()));
  const known = bySet.get(set);
  if (known) return known;
  const model = buildGraphModel({
    graphNodes,
    set,
    errors: [],
    deploymentStatus: 'succeeded',
  });
  // User Timing marks: the graph benchmark (e2e/bench/graph-bench.ts) reports the layout's share.
  performance.mark('resource-graph:layout-start');
  const promise = layOut(layoutInputOf(model)).then((layout) => {
    performance.mark('resource-graph:layout-end');
    return layout;
  });
  bySet.set(set, promise);
  // A failed layout is not kept: the next view asks again.
  promise.catch(() => bySet.delete(set));
  return promise;
}
