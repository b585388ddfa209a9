import type { SchemaObject } from '@/lib/json-schema/validate';

/** The schema a new profile starts with: containers and replicas from the built-in features. */
export const BLANK_PROFILE: SchemaObject = {
  type: 'object',
  title: 'My workload',
  properties: {
    containers: {
      'x-console-feature': 'humanitec/containers',
      title: 'Containers',
      'x-console-order': 1,
    },
    replicas: {
      'x-console-feature': 'humanitec/replicas',
      'x-console-order': 2,
    },
  },
};
