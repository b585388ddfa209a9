import type { DeploymentSet, PlainDelta } from '@/api/types';
import { MASK, MASK_CHANGED } from '@/lib/diff/masking';
import { jsonEqual, type JsonSchema } from '@/lib/json-schema/validate';
import { secretPointers } from './secrets';

type Json = Record<string, unknown>;
const decode = (segment: string) =>
  segment.replace(/~1/g, '/').replace(/~0/g, '~');

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const s of pointer.split('/').slice(1))
    node = (node as Json | undefined)?.[decode(s)];
  return node;
}

function setAt(data: unknown, pointer: string, value: unknown): void {
  const segments = pointer.split('/').slice(1).map(decode);
  const last = segments.pop();
  let node = data as Json | undefined;
  for (const s of segments) node = node?.[s] as Json | undefined;
  if (node && last !== undefined && Object.hasOwn(node, last))
    node[last] = value;
}

/**
 * The review of a workload change, with the values the profile marks secret
 * (`x-console-widget: secret`) hidden in both sets and in the delta: the diff
 * components hide secret-looking names on their own, but a profile can call
 * any field a secret. A changed secret still shows as changed
 * ({@link MASK_CHANGED}), never its value.
 */
export function maskProfileSecrets(
  schema: JsonSchema,
  workloadId: string,
  review: { from: DeploymentSet; to: DeploymentSet; delta: PlainDelta },
): { from: DeploymentSet; to: DeploymentSet; delta: PlainDelta } {
  const specOf = (set: DeploymentSet) =>
    (set.modules[workloadId] as { spec?: unknown } | undefined)?.spec;
  const pointers = new Set([
    ...secretPointers(schema, specOf(review.from)),
    ...secretPointers(schema, specOf(review.to)),
  ]);
  if (pointers.size === 0) return review;
  const from = structuredClone(review.from);
  const to = structuredClone(review.to);
  const delta = structuredClone(review.delta);
  for (const pointer of pointers) {
    const before = valueAt(specOf(review.from), pointer);
    const after = valueAt(specOf(review.to), pointer);
    setAt(specOf(from), pointer, MASK);
    setAt(specOf(to), pointer, jsonEqual(before, after) ? MASK : MASK_CHANGED);
    for (const op of delta.modules.update[workloadId] ?? []) {
      if (
        (op.path === `/spec${pointer}` ||
          op.path.startsWith(`/spec${pointer}/`)) &&
        op.value !== undefined
      )
        op.value = MASK_CHANGED;
    }
  }
  return { from, to, delta };
}
