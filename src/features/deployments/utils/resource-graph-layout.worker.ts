/**
 * The layout worker: lays resource graphs out off the page's main thread, so
 * a 200-node graph never blocks input (dagre takes tens of milliseconds on
 * it). Answers `{id, layout}` or `{id, error}` to each `{id, input}`.
 */
import { layoutGraph, type LayoutInput } from './resource-graph-layout';

self.addEventListener(
  'message',
  (event: MessageEvent<{ id: number; input: LayoutInput }>) => {
    const { id, input } = event.data;
    try {
      self.postMessage({ id, layout: layoutGraph(input) });
    } catch (error) {
      self.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  },
);
