/**
 * Keyboard movement between the nodes of a resource graph (a roving tab
 * stop: one node is in the tab order, arrows move it). The graph runs left to
 * right from a workload to what it needs, so:
 * - ArrowRight follows an edge to a node it depends on, ArrowLeft back to a
 *   node that uses it (the first such node in layout order);
 * - ArrowDown / ArrowUp go to the next / previous node in layout order
 *   (column by column, top to bottom), Home / End to the first / last.
 * Any other key moves nothing (undefined).
 */
import type { GraphModel } from './resource-graph-model';

export const GRAPH_KEYS = [
  'ArrowRight',
  'ArrowLeft',
  'ArrowDown',
  'ArrowUp',
  'Home',
  'End',
] as const;

/** Node keys in layout order: by column (x), then top to bottom (y). */
export function layoutOrder(
  positions: Record<string, { x: number; y: number }>,
): string[] {
  return Object.keys(positions).sort(
    (a, b) =>
      positions[a].x - positions[b].x ||
      positions[a].y - positions[b].y ||
      a.localeCompare(b),
  );
}

/** The node focus moves to from `current` on `key`; undefined when it stays. */
export function moveFocus(
  model: Pick<GraphModel, 'byKey'>,
  order: readonly string[],
  current: string,
  key: string,
): string | undefined {
  const index = order.indexOf(current);
  const node = model.byKey.get(current);
  if (index < 0 || !node) return order[0];
  const firstInOrder = (keys: readonly string[]) =>
    [...keys]
      .filter((k) => order.includes(k))
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
  switch (key) {
    case 'ArrowRight':
      return firstInOrder(node.dependsOn);
    case 'ArrowLeft':
      return firstInOrder(node.usedBy);
    case 'ArrowDown':
      return order[index + 1];
    case 'ArrowUp':
      return index > 0 ? order[index - 1] : undefined;
    case 'Home':
      return index > 0 ? order[0] : undefined;
    case 'End':
      return index < order.length - 1 ? order[order.length - 1] : undefined;
    default:
      return undefined;
  }
}
