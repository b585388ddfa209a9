import { escapeSegment, jsonEqual } from '@/lib/json-schema/validate';
import { isObject } from '@/lib/json-schema/pointer';

/** A JSON-patch operation of the kinds the API's deltas accept. */
export interface PatchOp {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: unknown;
}

/** Whether a value holds nothing (an empty object or list, possibly nested): adding it changes nothing a user meant. */
function isEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.values(value).every(isEmptyContainer);
}

/**
 * The operations that turn `before` into `after`, under `base` (e.g.
 * `/spec`): objects are compared key by key, anything else (lists included)
 * is replaced whole. Empty objects or lists that did not exist before are
 * left out: the form creates them while rendering, not the user, unless
 * `keepEmpty(path)` says the user made it (a new map entry, such as an
 * empty new container, or what holds one).
 */
export function diffJson(
  before: unknown,
  after: unknown,
  base = '',
  keepEmpty: (path: string) => boolean = () => false,
): PatchOp[] {
  if (jsonEqual(before, after)) return [];
  if (!isObject(before) || !isObject(after)) {
    if (after === undefined) return [{ op: 'remove', path: base }];
    return [
      {
        op: before === undefined ? 'add' : 'replace',
        path: base,
        value: after,
      },
    ];
  }
  const ops: PatchOp[] = [];
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key))
      ops.push({ op: 'remove', path: `${base}/${escapeSegment(key)}` });
  }
  for (const [key, value] of Object.entries(after)) {
    const path = `${base}/${escapeSegment(key)}`;
    if (!Object.hasOwn(before, key)) {
      if (value !== undefined && (!isEmptyContainer(value) || keepEmpty(path)))
        ops.push({ op: 'add', path, value });
    } else {
      ops.push(...diffJson(before[key], value, path, keepEmpty));
    }
  }
  return ops;
}
