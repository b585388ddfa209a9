/**
 * Lays a resource graph out where it costs the page least: in a module
 * worker (one for the page's life, started on first use or by
 * `preloadGraphLayout`), or, where there is no Worker (tests) or it fails to
 * start, on the page with dagre loaded on demand. dagre is in neither the
 * first route's code nor the deployment page's: only the worker's chunk or a
 * lazy one.
 */
import type { GraphLayout, LayoutInput } from './resource-graph-layout';

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
