import type { ResourceOption } from '@/components/editors/schema-form';

/** What the picker needs of a resource type (the API's ResourceTypeResponse). */
export interface ResourceTypeInfo {
  type: string;
  name: string;
  use?: string;
}

/** A resource of the set (shared) or of a workload (externals). */
type Resource = { type?: string; class?: string };

const optionsOf = (
  resources: Record<string, Resource>,
  scope: 'shared' | 'externals',
  group: string,
): ResourceOption[] =>
  Object.entries(resources).map(([name, r]) => ({
    value: `${scope}.${name}`,
    label: `${name} (${r.type ?? 'unknown type'}${r.class && r.class !== 'default' ? `, class ${r.class}` : ''})`,
    group,
    scope,
    name,
    ...(r.type ? { type: r.type } : {}),
    ...(r.class ? { class: r.class } : {}),
  }));

/**
 * Options of the resource picker: the app's shared resources and the
 * workload's private resources, then the resource types a workload can ask
 * for (`direct` use; implicit and indirect ones are the platform's business).
 * Each carries its type and class, which a field's `x-console-resource-type`
 * and `-class` filter by.
 */
export function resourceOptions(
  shared: Record<string, Resource> = {},
  externals: Record<string, Resource> = {},
  types: ResourceTypeInfo[] = [],
): ResourceOption[] {
  return [
    ...optionsOf(shared, 'shared', 'Shared resources'),
    ...optionsOf(externals, 'externals', 'Private resources'),
    ...types
      .filter((t) => (t.use ?? 'direct') === 'direct')
      .map((t) => ({
        value: t.type,
        label: t.name && t.name !== t.type ? `${t.name} (${t.type})` : t.type,
        group: 'Resource types',
        type: t.type,
      })),
  ];
}
