import { parse } from 'yaml';

/** Each job's `needs`, read from the pipeline's YAML (the run's jobs do not carry them). */
export function jobNeeds(
  yamlText: string | undefined,
): Record<string, string[]> {
  if (!yamlText) return {};
  try {
    const doc = parse(yamlText) as {
      jobs?: Record<string, { needs?: string | string[] }>;
    } | null;
    return Object.fromEntries(
      Object.entries(doc?.jobs ?? {}).map(([id, job]) => [
        id,
        typeof job?.needs === 'string'
          ? [job.needs]
          : Array.isArray(job?.needs)
            ? job.needs
            : [],
      ]),
    );
  } catch {
    return {};
  }
}

/** Jobs in columns by dependency depth (a job sits one column right of the deepest job it needs). */
export function columnsByDepth<T extends { id: string }>(
  jobs: T[],
  needs: Record<string, string[]>,
): T[][] {
  const depth = new Map<string, number>();
  const visit = (id: string, trail: Set<string>): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (trail.has(id)) return 0;
    trail.add(id);
    const d =
      Math.max(
        -1,
        ...(needs[id] ?? [])
          .filter((n) => jobs.some((j) => j.id === n))
          .map((n) => visit(n, trail)),
      ) + 1;
    depth.set(id, d);
    return d;
  };
  const columns: T[][] = [];
  for (const job of jobs) {
    const d = visit(job.id, new Set());
    (columns[d] ??= []).push(job);
  }
  return columns.filter(Boolean);
}
