import type { ScoreSet } from '@/api/score';

/** A resource a converted Score file asks for: its id in the set, type and class. */
export interface ScoreResourceRef {
  /** `modules.<workload>.externals.<name>` or `shared.<name>` (as deployments and matching name it). */
  resId: string;
  type: string;
  class: string;
}

type Ref = { type?: unknown; class?: unknown };

function refOf(resId: string, ref: Ref): ScoreResourceRef {
  return {
    resId,
    type: String(ref.type ?? ''),
    class: typeof ref.class === 'string' && ref.class ? ref.class : 'default',
  };
}

/** The workload's private resources, then the shared ones, each in name order. */
export function scoreResources(
  set: ScoreSet,
  workloadId: string,
): ScoreResourceRef[] {
  const module = set.modules[workloadId] as
    { externals?: Record<string, Ref> } | undefined;
  const externals = Object.entries(module?.externals ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, ref]) =>
      refOf(`modules.${workloadId}.externals.${name}`, ref),
    );
  const shared = Object.entries(set.shared as Record<string, Ref>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, ref]) => refOf(`shared.${name}`, ref));
  return [...externals, ...shared];
}
