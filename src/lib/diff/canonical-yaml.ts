import { stringify } from 'yaml';
import { maskJson, type MaskOptions } from './masking';
import {
  formatPointer,
  isObject,
  setOwn,
  type JsonValue,
} from '../json-schema/pointer';

/** A copy of `value` whose object keys are in code-point order at every depth (arrays keep their order). */
export function sortKeysDeep(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isObject(value)) return value;
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) setOwn(out, key, sortKeysDeep(value[key]));
  }
  return out;
}

/**
 * Canonical YAML: keys sorted at every depth, no anchors or aliases (shared
 * objects are written out), no line folding, two-space indent. Equal values
 * give equal text whatever order their keys were written in, so a text diff
 * shows only real changes. `undefined` gives an empty text.
 */
export function canonicalYaml(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  return stringify(sortKeysDeep(value), {
    aliasDuplicateObjects: false,
    lineWidth: 0,
    indent: 2,
  });
}

/**
 * Whether the value at `path` was touched by one of the ops: an op at the path
 * itself or at one of its ancestors (a replaced map changes everything in it).
 */
export function changedByOps(
  ops: readonly { path: string }[],
): MaskOptions['changed'] {
  const pointers = new Set(ops.map((op) => op.path));
  return (path) => {
    for (let i = path.length; i >= 0; i -= 1)
      if (pointers.has(formatPointer(path.slice(0, i)))) return true;
    return false;
  };
}

/** Masked canonical YAML of a workload or shared map; `ops` (the delta's) mark changed secrets. */
export function maskedYaml(
  value: unknown,
  ops: readonly { path: string }[] = [],
): string {
  if (value === undefined) return '';
  return canonicalYaml(
    maskJson(value as JsonValue, [], { changed: changedByOps(ops) }),
  );
}
