import { describe, expect, it } from 'vitest';
import type { StreamLine } from '@/api/env-stream';
import {
  filterLines,
  indexLines,
  canNarrow,
  linesAsText,
  type StreamFilter,
} from './stream-filter';

const NOW = Date.UTC(2026, 0, 1, 12);
const at = (minutesAgo: number) =>
  new Date(NOW - minutesAgo * 60_000).toISOString();

function line(i: number): StreamLine {
  return {
    at: at((100_000 - i) / 1000),
    workload_id: i % 3 === 0 ? 'worker' : 'api',
    container_id: 'main',
    pod_name: 'api-1',
    stream: i % 50 === 0 ? 'stderr' : 'stdout',
    level: i % 50 === 0 ? 'error' : i % 7 === 0 ? 'warn' : 'info',
    text:
      i % 50 === 0
        ? 'Process exited with status 1'
        : `GET /api/items/${i} 200 5ms`,
  };
}

const all: StreamFilter = {
  range: 'all',
  level: 'all',
  text: '',
  hidden: new Set(),
};

describe('the environment stream’s filter', () => {
  const lines = indexLines(Array.from({ length: 100_000 }, (_, i) => line(i)));

  it('keeps lines by time range, level, text and toggles', () => {
    expect(filterLines(lines, all, NOW)).toHaveLength(100_000);
    expect(filterLines(lines, { ...all, level: 'error' }, NOW)).toHaveLength(
      2_000,
    );
    expect(
      filterLines(lines, { ...all, level: 'warn' }, NOW).every(
        (l) => l.level !== 'info',
      ),
    ).toBe(true);
    expect(filterLines(lines, { ...all, text: 'EXITED' }, NOW)).toHaveLength(
      2_000,
    );
    expect(
      filterLines(lines, { ...all, range: '15m' }, NOW).length,
    ).toBeLessThan(100_000);
    const noWorker = filterLines(
      lines,
      { ...all, hidden: new Set(['worker']) },
      NOW,
    );
    expect(noWorker.some((l) => l.workload_id === 'worker')).toBe(false);
    expect(
      filterLines(lines, { ...all, hidden: new Set(['api/main']) }, NOW).every(
        (l) => l.workload_id === 'worker',
      ),
    ).toBe(true);
    expect(linesAsText([line(50)])).toMatch(
      /ERROR api\/main api-1 Process exited/,
    );
  });

  it('narrows from the previous result when typing on: the same lines as from scratch', () => {
    let previous = { filter: all, result: filterLines(lines, all, NOW) };
    for (const text of ['i', 'it', 'ite', 'item', 'items/4', 'items/42']) {
      const filter = { ...all, text };
      const narrowed = canNarrow(previous.filter, filter)
        ? filterLines(previous.result, filter, NOW)
        : filterLines(lines, filter, NOW);
      expect(canNarrow(previous.filter, filter)).toBe(true);
      expect(narrowed).toEqual(filterLines(lines, filter, NOW));
      previous = { filter, result: narrowed };
    }
    expect(canNarrow(previous.filter, { ...all, text: 'item' })).toBe(false);
    expect(canNarrow(all, { ...all, level: 'error' })).toBe(true);
    expect(canNarrow({ ...all, level: 'error' }, all)).toBe(false);
    expect(canNarrow(all, { ...all, hidden: new Set(['api']) })).toBe(true);
  });
});
