import type { DeploymentSet, PlainDelta } from '@/api/types';
import { mapInTasks } from '@/lib/task-queue';
import { maskedYaml } from './canonical-yaml';
import type { PatchOp } from './field-changes';

const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');

/**
 * Masked canonical YAML of a set (`modules:` then `shared:`), built one
 * workload per scheduled task so even 500 workloads never block the page.
 * With `delta` (the change that produced this set), changed secrets read as
 * changed; with `only`, just those workloads (and no shared resources).
 */
export async function setYaml(
  set: DeploymentSet,
  delta?: PlainDelta,
  signal?: AbortSignal,
  only?: readonly string[],
): Promise<string> {
  const update = (delta?.modules.update ?? {}) as Record<string, PatchOp[]>;
  const ids = Object.keys(set.modules)
    .filter((id) => !only || only.includes(id))
    .sort();
  const workloads = await mapInTasks(
    ids,
    (id) =>
      `  ${id}:\n${indent(maskedYaml(set.modules[id], update[id] ?? []), 4)}`,
    signal,
  );
  if (only) return `modules:\n${workloads.join('')}`;
  const shared = maskedYaml(set.shared, (delta?.shared ?? []) as PatchOp[]);
  return `modules:\n${workloads.join('')}shared:\n${indent(shared, 2)}`;
}
