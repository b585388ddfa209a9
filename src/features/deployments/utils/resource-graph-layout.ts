/**
 * Lays a resource graph out with dagre (left to right: a workload, then what
 * it needs, then what that needs). Loaded only where a graph is shown: in the
 * layout worker (resource-graph-layout.worker.ts), or on the page where
 * workers are missing.
 *
 * Options chosen for speed on the budget's 200 nodes: `tight-tree` ranking
 * and dagre's default ordering sweeps without its extra "optimal order"
 * pass lay out such a graph in a few tens of milliseconds instead of a few
 * hundred (network-simplex), with the same ranks for graphs this shallow.
 */
import dagre from '@dagrejs/dagre';

export interface LayoutInput {
  nodes: { key: string; width: number; height: number }[];
  edges: { from: string; to: string }[];
}

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** Each node's centre. */
  nodes: Record<string, Point>;
  /** Each edge's polyline, from the node that depends to the node it needs. */
  edges: { from: string; to: string; points: Point[] }[];
}

export const RANK_GAP = 64;
export const NODE_GAP = 14;
const MARGIN = 8;

export function layoutGraph(input: LayoutInput): GraphLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({
    rankdir: 'LR',
    ranker: 'tight-tree',
    ranksep: RANK_GAP,
    nodesep: NODE_GAP,
    edgesep: 6,
    marginx: MARGIN,
    marginy: MARGIN,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of input.nodes)
    g.setNode(node.key, { width: node.width, height: node.height });
  for (const edge of input.edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g, { disableOptimalOrderHeuristic: true });
  const label = g.graph();
  const nodes: Record<string, Point> = {};
  for (const key of g.nodes()) {
    const { x = 0, y = 0 } = g.node(key);
    nodes[key] = { x, y };
  }
  return {
    width: Math.ceil(label.width ?? 0),
    height: Math.ceil(label.height ?? 0),
    nodes,
    edges: g.edges().map((e) => ({
      from: e.v,
      to: e.w,
      points: ((g.edge(e).points ?? []) as Point[]).map(({ x, y }) => ({
        x,
        y,
      })),
    })),
  };
}
