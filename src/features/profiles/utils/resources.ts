import type { ResourceOption } from '@/components/editors/schema-form';

/** Resource types the platform offers (the mock API has no resource-type endpoint; these are the common ones). */
export const RESOURCE_TYPES = ['postgres', 'mysql', 'redis', 'mongodb', 's3', 'dns', 'amqp', 'kafka'];

/** Options of the resource picker: the app's shared resources and private resources, then the resource types. */
export function resourceOptions(shared: Record<string, { type?: string }> = {}, externals: Record<string, { type?: string }> = {}): ResourceOption[] {
  return [
    ...Object.entries(shared).map(([name, r]) => ({ value: `shared.${name}`, label: `${name} (${r.type ?? 'unknown type'})`, group: 'Shared resources' })),
    ...Object.entries(externals).map(([name, r]) => ({ value: `externals.${name}`, label: `${name} (${r.type ?? 'unknown type'})`, group: 'Private resources' })),
    ...RESOURCE_TYPES.map((type) => ({ value: type, label: type, group: 'Resource types' })),
  ];
}
