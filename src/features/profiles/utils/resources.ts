import type { ResourceOption } from '@/components/editors/schema-form';

/** What the picker needs of a resource type (the API's ResourceTypeResponse). */
export interface ResourceTypeInfo {
  type: string;
  name: string;
  use?: string;
}

/**
 * Options of the resource picker: the app's shared resources and the
 * workload's private resources, then the resource types a workload can ask
 * for (`direct` use; implicit and indirect ones are the platform's business).
 */
export function resourceOptions(
  shared: Record<string, { type?: string }> = {},
  externals: Record<string, { type?: string }> = {},
  types: ResourceTypeInfo[] = [],
): ResourceOption[] {
  return [
    ...Object.entries(shared).map(([name, r]) => ({
      value: `shared.${name}`,
      label: `${name} (${r.type ?? 'unknown type'})`,
      group: 'Shared resources',
    })),
    ...Object.entries(externals).map(([name, r]) => ({
      value: `externals.${name}`,
      label: `${name} (${r.type ?? 'unknown type'})`,
      group: 'Private resources',
    })),
    ...types
      .filter((t) => (t.use ?? 'direct') === 'direct')
      .map((t) => ({
        value: t.type,
        label: t.name && t.name !== t.type ? `${t.name} (${t.type})` : t.type,
        group: 'Resource types',
      })),
  ];
}
