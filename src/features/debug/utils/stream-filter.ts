import type { KubeEvent, StreamLine } from '@/api/env-stream';

/** How far back the view looks, relative to the stream's clock. */
export const RANGES = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  all: Infinity,
} as const;
export type RangeId = keyof typeof RANGES;

/** The least severe level shown. */
export type LevelFilter = 'all' | 'warn' | 'error';

/** What the view shows (the URL's search parameters). */
export interface StreamFilter {
  range: RangeId;
  level: LevelFilter;
  text: string;
  /** Workloads (`api`) and containers (`api/main`) toggled off. */
  hidden: ReadonlySet<string>;
  /** Only this workload (`api`) or container (`api/main`): what the health banner links to. */
  only?: string;
}

/** Whether a workload's or container's lines are the only ones asked for (or no `only` is set). */
export function isOnly(
  only: string | undefined,
  workloadId: string,
  containerId?: string,
): boolean {
  if (!only) return true;
  return only.includes('/')
    ? `${workloadId}/${containerId ?? ''}` === only ||
        (containerId === undefined && only.startsWith(`${workloadId}/`))
    : workloadId === only;
}

/** A line ready to filter: its time and its lower-case text computed once. */
export interface IndexedLine extends StreamLine {
  ms: number;
  lower: string;
}

/** Indexes lines once (when they arrive), so a keystroke only compares. */
export function indexLines(lines: readonly StreamLine[]): IndexedLine[] {
  return lines.map((line) => ({
    ...line,
    ms: Date.parse(line.at),
    lower: line.text.toLowerCase(),
  }));
}

const SEVERITY = { info: 0, warn: 1, error: 2 } as const;
const MIN = { all: 0, warn: 1, error: 2 } as const;

/** Whether a workload's or container's lines are toggled off. */
export function isHidden(
  hidden: ReadonlySet<string>,
  workloadId: string,
  containerId?: string,
): boolean {
  return (
    hidden.has(workloadId) ||
    (containerId !== undefined && hidden.has(`${workloadId}/${containerId}`))
  );
}

/**
 * The lines the filter keeps, in order: one pass, comparing precomputed
 * values only (100,000 lines in a few milliseconds).
 */
export function filterLines(
  lines: readonly IndexedLine[],
  filter: StreamFilter,
  nowMs: number,
): IndexedLine[] {
  const from = nowMs - RANGES[filter.range];
  const min = MIN[filter.level];
  const needle = filter.text.trim().toLowerCase();
  const hidden = filter.hidden;
  const anyHidden = hidden.size > 0;
  const out: IndexedLine[] = [];
  for (const line of lines) {
    if (line.ms < from) continue;
    if (SEVERITY[line.level] < min) continue;
    if (needle && !line.lower.includes(needle)) continue;
    if (anyHidden && isHidden(hidden, line.workload_id, line.container_id))
      continue;
    if (
      filter.only &&
      !isOnly(filter.only, line.workload_id, line.container_id)
    )
      continue;
    out.push(line);
  }
  return out;
}

/** The events the filter keeps (time range, toggles and text; Warning only unless every level is shown). */
export function filterEvents(
  events: readonly KubeEvent[],
  filter: StreamFilter,
  nowMs: number,
): KubeEvent[] {
  const from = nowMs - RANGES[filter.range];
  const needle = filter.text.trim().toLowerCase();
  return events.filter(
    (e) =>
      Date.parse(e.at) >= from &&
      (filter.level === 'all' || e.type === 'Warning') &&
      !isHidden(filter.hidden, e.workload_id, e.container_id) &&
      isOnly(filter.only, e.workload_id, e.container_id) &&
      (!needle ||
        e.message.toLowerCase().includes(needle) ||
        e.reason.toLowerCase().includes(needle)),
  );
}

/** The lines as text, one per line, for a download. */
export function linesAsText(lines: readonly StreamLine[]): string {
  return lines
    .map(
      (l) =>
        `${l.at} ${l.level.toUpperCase().padEnd(5)} ${l.workload_id}/${l.container_id} ${l.pod_name} ${l.text}`,
    )
    .join('\n');
}

/**
 * Whether `next` keeps a subset of what `previous` kept (a longer search
 * text, a stricter level, a shorter range, more toggled off), so it can
 * filter the previous result instead of every line: typing narrows 100,000
 * lines to the few thousand the last keystroke kept.
 */
export function canNarrow(previous: StreamFilter, next: StreamFilter): boolean {
  const before = previous.text.trim().toLowerCase();
  const after = next.text.trim().toLowerCase();
  return (
    after.includes(before) &&
    MIN[next.level] >= MIN[previous.level] &&
    RANGES[next.range] <= RANGES[previous.range] &&
    [...previous.hidden].every((key) => next.hidden.has(key)) &&
    (previous.only === undefined || previous.only === next.only)
  );
}

/** The last filter and result per array of lines (a new array when lines arrive). */
const lastFiltered = new WeakMap<
  readonly IndexedLine[],
  { filter: StreamFilter; nowMs: number; result: IndexedLine[] }
>();

/**
 * {@link filterLines}, narrowing the previous result of the same lines when
 * the new filter keeps a subset of it ({@link canNarrow}).
 */
export function filterLinesNarrowing(
  lines: readonly IndexedLine[],
  filter: StreamFilter,
  nowMs: number,
): IndexedLine[] {
  const last = lastFiltered.get(lines);
  const result =
    last && last.nowMs === nowMs && canNarrow(last.filter, filter)
      ? filterLines(last.result, filter, nowMs)
      : filterLines(lines, filter, nowMs);
  lastFiltered.set(lines, { filter, nowMs, result });
  return result;
}
