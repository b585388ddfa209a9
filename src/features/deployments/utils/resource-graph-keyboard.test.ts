import { describe, expect, it } from 'vitest';
import { layoutOrder, moveFocus } from './resource-graph-keyboard';
import type { GraphModel, GraphNode } from './resource-graph-model';

/** w1 and w2 need db; w1 also needs ns; ns needs cluster. */
function model(): Pick<GraphModel, 'byKey'> {
  const node = (key: string, dependsOn: string[], usedBy: string[]) =>
    ({ key, dependsOn, usedBy }) as unknown as GraphNode;
  const nodes = [
    node('w1', ['ns', 'db'], []),
    node('w2', ['db'], []),
    node('db', [], ['w2', 'w1']),
    node('ns', ['cluster'], ['w1']),
    node('cluster', [], ['ns']),
  ];
  return { byKey: new Map(nodes.map((n) => [n.key, n])) };
}

// Left to right: workloads, then db above ns, then the cluster.
const positions = {
  cluster: { x: 500, y: 40 },
  ns: { x: 250, y: 100 },
  db: { x: 250, y: 40 },
  w2: { x: 20, y: 100 },
  w1: { x: 20, y: 40 },
};
const order = layoutOrder(positions);

describe('layoutOrder', () => {
  it('goes column by column, top to bottom', () => {
    expect(order).toEqual(['w1', 'w2', 'db', 'ns', 'cluster']);
  });
});

describe('moveFocus', () => {
  const m = model();
  it('ArrowRight follows an edge to the first node it needs in layout order', () => {
    expect(moveFocus(m, order, 'w1', 'ArrowRight')).toBe('db');
    expect(moveFocus(m, order, 'ns', 'ArrowRight')).toBe('cluster');
    expect(moveFocus(m, order, 'cluster', 'ArrowRight')).toBeUndefined();
  });

  it('ArrowLeft goes back to the first node that uses it', () => {
    expect(moveFocus(m, order, 'db', 'ArrowLeft')).toBe('w1');
    expect(moveFocus(m, order, 'cluster', 'ArrowLeft')).toBe('ns');
    expect(moveFocus(m, order, 'w2', 'ArrowLeft')).toBeUndefined();
  });

  it('ArrowDown and ArrowUp step through the layout order and stop at its ends', () => {
    expect(moveFocus(m, order, 'w2', 'ArrowDown')).toBe('db');
    expect(moveFocus(m, order, 'db', 'ArrowUp')).toBe('w2');
    expect(moveFocus(m, order, 'w1', 'ArrowUp')).toBeUndefined();
    expect(moveFocus(m, order, 'cluster', 'ArrowDown')).toBeUndefined();
  });

  it('Home and End go to the first and the last node', () => {
    expect(moveFocus(m, order, 'db', 'Home')).toBe('w1');
    expect(moveFocus(m, order, 'db', 'End')).toBe('cluster');
    expect(moveFocus(m, order, 'w1', 'Home')).toBeUndefined();
  });

  it('ignores other keys, and starts at the first node from an unknown one', () => {
    expect(moveFocus(m, order, 'db', 'a')).toBeUndefined();
    expect(moveFocus(m, order, 'gone', 'ArrowDown')).toBe('w1');
  });
});
