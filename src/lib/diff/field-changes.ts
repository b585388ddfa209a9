/**
 * Reads the engine's delta (deep JSON-pointer ops) as field-level changes a
 * person scans: image from → to, variables added/removed/changed, resources,
 * profile, deploy conditions, private resources. No diffing happens here: each
 * row is one op of the delta (a new variables map becomes one row per
 * variable); the old value is looked up in the "from" set at the op's path.
 */
import { maskJson } from './masking';
import {
  formatPointer,
  isObject,
  parsePointer,
  valueAt,
  type JsonValue,
} from '../json-schema/pointer';

/** An op of a delta, as the API returns it. */
export interface PatchOp {
  op: string;
  path: string;
  value?: unknown;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export type FieldCategory =
  | 'profile'
  | 'image'
  | 'containers'
  | 'variables'
  | 'resources'
  | 'files'
  | 'externals'
  | 'deploy'
  | 'shared'
  | 'other';

/** One changed field. Values are already masked: render them as text. */
export interface FieldChange {
  category: FieldCategory;
  kind: ChangeKind;
  /** The field, e.g. `API_TOKEN`, `limits.cpu`, `replicas`. */
  label: string;
  /** The container the field belongs to, if any. */
  container?: string;
  /** The op's JSON pointer (relative to the workload or to the shared map). */
  path: string;
  from?: JsonValue;
  to?: JsonValue;
}

/** Display order and titles of the categories. */
export const CATEGORY_TITLES: Record<FieldCategory, string> = {
  profile: 'Profile',
  image: 'Image',
  containers: 'Containers',
  variables: 'Variables',
  resources: 'Resources',
  files: 'Files',
  externals: 'Private resources',
  deploy: 'Deploy conditions',
  shared: 'Shared resources',
  other: 'Other settings',
};
const ORDER = Object.keys(CATEGORY_TITLES) as FieldCategory[];

function classify(tokens: string[]): {
  category: FieldCategory;
  label: string;
  container?: string;
} {
  const [top, second, container, field, ...rest] = tokens;
  if (top === 'profile') return { category: 'profile', label: 'profile' };
  if (top === 'deploy')
    return { category: 'deploy', label: tokens.slice(1).join('.') || 'deploy' };
  if (top === 'externals')
    return {
      category: 'externals',
      label: tokens.slice(1).join('.') || 'externals',
    };
  if (top === 'spec' && second === 'containers' && container !== undefined) {
    if (field === undefined)
      return { category: 'containers', label: container, container };
    if (field === 'image' && rest.length === 0)
      return { category: 'image', label: 'image', container };
    if (field === 'variables')
      return {
        category: 'variables',
        label: rest.join('.') || 'variables',
        container,
      };
    if (field === 'resources')
      return {
        category: 'resources',
        label: rest.join('.') || 'resources',
        container,
      };
    if (field === 'files')
      return { category: 'files', label: rest.join('.') || 'files', container };
    return { category: 'other', label: [field, ...rest].join('.'), container };
  }
  if (top === 'spec')
    return { category: 'other', label: tokens.slice(1).join('.') || 'spec' };
  return { category: 'other', label: tokens.join('.') };
}

function kindOf(op: string, before: unknown): ChangeKind {
  if (op === 'remove') return 'removed';
  return before === undefined ? 'added' : 'changed';
}

const mask = (value: unknown, tokens: string[]) =>
  value === undefined ? undefined : maskJson(value as JsonValue, tokens);

/** The rows of one op; a whole variables map added or removed gives one row per variable. */
function rowsOf(op: PatchOp, before: unknown, scope: Scope): FieldChange[] {
  const tokens = parsePointer(op.path) ?? [];
  const old = valueAt(before, tokens);
  const next =
    op.op === 'remove' ? undefined : (op.value as JsonValue | undefined);
  const place =
    scope === 'shared'
      ? { category: 'shared' as const, label: tokens.join('.') }
      : classify(tokens);
  const wholeVariables = place.category === 'variables' && tokens.length === 4;
  if (wholeVariables && (isObject(old) || isObject(next))) {
    const from = isObject(old) ? old : {};
    const to = isObject(next) ? next : {};
    return [...new Set([...Object.keys(from), ...Object.keys(to)])]
      .sort()
      .flatMap((key) => {
        const a = from[key];
        const b = to[key];
        if (
          a !== undefined &&
          b !== undefined &&
          JSON.stringify(a) === JSON.stringify(b)
        )
          return [];
        const keyTokens = [...tokens, key];
        return [
          {
            category: 'variables' as const,
            kind:
              a === undefined
                ? ('added' as const)
                : b === undefined
                  ? ('removed' as const)
                  : ('changed' as const),
            label: key,
            container: place.container,
            path: `${op.path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            from: mask(a, keyTokens),
            to: mask(b, keyTokens),
          },
        ];
      });
  }
  return [
    {
      ...place,
      kind: kindOf(op.op, old),
      path: op.path,
      from: mask(old, tokens),
      to: mask(next, tokens),
    },
  ];
}

/** Whether ops are relative to a workload or to the set's shared-resource map. */
export type Scope = 'workload' | 'shared';

/** Field-level changes of an updated workload (or of the shared map), in category order. */
export function fieldChanges(
  ops: readonly PatchOp[],
  before: unknown,
  scope: Scope = 'workload',
): FieldChange[] {
  const rows = ops.flatMap((op) => rowsOf(op, before, scope));
  return rows.sort(
    (a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category),
  );
}

/** The rows of a workload added or removed whole: its profile, containers (with images), its spec’s own settings and private resources. */
export function wholeWorkloadChanges(
  workload: unknown,
  kind: 'added' | 'removed',
): FieldChange[] {
  if (!isObject(workload)) return [];
  const side = (value: unknown, tokens: string[]) =>
    kind === 'added'
      ? { to: mask(value, tokens) }
      : { from: mask(value, tokens) };
  const rows: FieldChange[] = [];
  if (workload.profile !== undefined)
    rows.push({
      category: 'profile',
      kind,
      label: 'profile',
      path: '/profile',
      ...side(workload.profile, ['profile']),
    });
  const containers = valueAt(workload, ['spec', 'containers']);
  for (const [id, container] of Object.entries(
    isObject(containers) ? containers : {},
  )) {
    const image = valueAt(container, ['image']);
    rows.push({
      category: 'image',
      kind,
      label: 'image',
      container: id,
      path: `/spec/containers/${id}/image`,
      ...side(image ?? null, ['spec', 'containers', id, 'image']),
    });
  }
  // The spec's own settings (a profile's fields: replicas, a port, an owning team…), each a row as an edit would be.
  const spec = isObject(workload.spec) ? workload.spec : {};
  for (const key of Object.keys(spec).sort()) {
    if (key === 'containers' || spec[key] === undefined) continue;
    rows.push({
      category: 'other',
      kind,
      label: key,
      path: formatPointer(['spec', key]),
      ...side(spec[key], ['spec', key]),
    });
  }
  const externals = isObject(workload.externals) ? workload.externals : {};
  for (const [name, resource] of Object.entries(externals)) {
    const type = valueAt(resource, ['type']);
    rows.push({
      category: 'externals',
      kind,
      label: name,
      path: `/externals/${name}`,
      ...side(type ?? null, ['externals', name, 'type']),
    });
  }
  // Grouped as the field changes of an edit are: in the categories' order.
  return rows.sort(
    (a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category),
  );
}

/** A value as one line of text (objects and arrays as compact JSON with sorted keys). */
export function formatValue(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}
