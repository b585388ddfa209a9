/**
 * The built-in workload-profile features (the spec's
 * WorkloadProfileFeatureResponse): one JSON Schema each, written by us (the
 * real Humanitec schemas are not public), annotated with the console's
 * `x-console-*` keywords so the generated forms read well. Container
 * sub-features (image, command, args, variables, files, resources, probe)
 * are the properties of the `humanitec/containers` collection.
 */
import type { JsonObject } from '../core/model/spec';

/** A built-in feature. `requiredInCollection`: a collection item must have it (image). */
export interface FeatureDef {
  id: string;
  version: string;
  schema: JsonObject;
  requiredInCollection?: boolean;
}

const CPU = {
  type: 'string',
  pattern: '^([0-9]+m|[0-9]+(\\.[0-9]+)?)$',
  'x-console-widget': 'cpu',
  'x-console-errors': { pattern: 'Use cores (0.5, 2) or millicores (250m).' },
} satisfies JsonObject;

const MEMORY = {
  type: 'string',
  pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$',
  'x-console-widget': 'memory',
  'x-console-errors': {
    pattern: 'Use a number with a unit: 512Mi, 1Gi, 256M.',
  },
} satisfies JsonObject;

const probe = (title: string, help: string): JsonObject => ({
  type: 'object',
  title,
  'x-console-help': help,
  'x-console-group': 'Health checks',
  properties: {
    type: {
      type: 'string',
      title: 'Check',
      enum: ['http', 'tcp', 'command'],
      'x-console-enum-labels': {
        http: 'HTTP GET',
        tcp: 'TCP connect',
        command: 'Run a command',
      },
      'x-console-order': 1,
    },
    path: {
      type: 'string',
      title: 'Path',
      pattern: '^/',
      'x-console-placeholder': '/healthz',
      'x-console-visible-if': {
        properties: { type: { const: 'http' } },
        required: ['type'],
      },
      'x-console-errors': { pattern: 'A path starts with /.' },
      'x-console-order': 2,
    },
    port: {
      type: 'integer',
      title: 'Port',
      minimum: 1,
      maximum: 65535,
      'x-console-visible-if': {
        properties: { type: { enum: ['http', 'tcp'] } },
        required: ['type'],
      },
      'x-console-order': 3,
    },
    command: {
      type: 'array',
      title: 'Command',
      items: { type: 'string' },
      'x-console-visible-if': {
        properties: { type: { const: 'command' } },
        required: ['type'],
      },
      'x-console-order': 4,
    },
    initial_delay_seconds: {
      type: 'integer',
      title: 'Initial delay (s)',
      minimum: 0,
      'x-console-order': 5,
    },
  },
  required: ['type'],
  allOf: [
    {
      if: { properties: { type: { const: 'http' } }, required: ['type'] },
      then: { required: ['path', 'port'] },
    },
    {
      if: { properties: { type: { const: 'tcp' } }, required: ['type'] },
      then: { required: ['port'] },
    },
    {
      if: { properties: { type: { const: 'command' } }, required: ['type'] },
      then: { required: ['command'] },
    },
  ],
});

const stringMap = (
  title: string,
  help: string,
  names?: { pattern: string; message: string },
): JsonObject => ({
  type: 'object',
  title,
  'x-console-help': help,
  'x-console-widget': 'key-value',
  additionalProperties: { type: 'string' },
  ...(names
    ? {
        propertyNames: { pattern: names.pattern },
        'x-console-errors': { propertyNames: names.message },
      }
    : {}),
});

/** Every built-in feature, by id. */
export const FEATURES: Record<string, FeatureDef> = {
  'humanitec/image': {
    id: 'humanitec/image',
    version: '1.0.0',
    requiredInCollection: true,
    schema: {
      type: 'string',
      title: 'Image',
      minLength: 1,
      'x-console-widget': 'image',
      'x-console-placeholder': 'registry.acme.dev/team/app:1.0.0',
      'x-console-help':
        'Repository and tag (or @sha256 digest) of the container image.',
      'x-console-errors': {
        required: 'An image is required.',
        minLength: 'An image is required.',
      },
    },
  },
  'humanitec/command': {
    id: 'humanitec/command',
    version: '1.0.0',
    schema: {
      type: 'array',
      title: 'Command',
      items: { type: 'string' },
      'x-console-help': "Overrides the image's entrypoint.",
    },
  },
  'humanitec/args': {
    id: 'humanitec/args',
    version: '1.0.0',
    schema: {
      type: 'array',
      title: 'Arguments',
      items: { type: 'string' },
      'x-console-help': "Overrides the image's default arguments.",
    },
  },
  'humanitec/variables': {
    id: 'humanitec/variables',
    version: '1.0.0',
    schema: stringMap(
      'Variables',
      'Environment variables. Values may use placeholders such as ${shared.db.host} or ${secrets.name}.',
      {
        pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
        message:
          'A variable name uses letters, digits and _ and does not start with a digit.',
      },
    ),
  },
  'humanitec/files': {
    id: 'humanitec/files',
    version: '1.0.0',
    schema: {
      type: 'object',
      title: 'Files',
      'x-console-help': 'Files mounted into the container, by absolute path.',
      propertyNames: { pattern: '^/' },
      'x-console-errors': {
        propertyNames: 'A file path is absolute: it starts with /.',
      },
      additionalProperties: {
        type: 'object',
        properties: {
          value: {
            type: 'string',
            title: 'Content',
            'x-console-widget': 'textarea',
          },
          mode: {
            type: 'string',
            title: 'Mode',
            pattern: '^0[0-7]{3}$',
            'x-console-placeholder': '0644',
            'x-console-errors': { pattern: 'An octal mode such as 0644.' },
          },
        },
        required: ['value'],
      },
    },
  },
  'humanitec/resources': {
    id: 'humanitec/resources',
    version: '1.0.0',
    schema: {
      type: 'object',
      title: 'CPU and memory',
      'x-console-group': 'Resources',
      properties: {
        requests: {
          type: 'object',
          title: 'Requests',
          properties: {
            cpu: { ...CPU, title: 'CPU request' },
            memory: { ...MEMORY, title: 'Memory request' },
          },
        },
        limits: {
          type: 'object',
          title: 'Limits',
          properties: {
            cpu: { ...CPU, title: 'CPU limit' },
            memory: { ...MEMORY, title: 'Memory limit' },
          },
        },
      },
    },
  },
  'humanitec/probe': {
    id: 'humanitec/probe',
    version: '1.0.0',
    schema: probe('Health check', 'How Kubernetes checks the container.'),
  },
  'humanitec/service': {
    id: 'humanitec/service',
    version: '1.0.0',
    schema: {
      type: 'object',
      title: 'Service',
      properties: {
        ports: {
          type: 'object',
          title: 'Ports',
          'x-console-widget': 'ports',
          propertyNames: { pattern: '^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$' },
          'x-console-errors': {
            propertyNames:
              'A port name has 1 to 15 lowercase letters, digits or dashes.',
          },
          additionalProperties: {
            type: 'object',
            properties: {
              port: {
                type: 'integer',
                title: 'Port',
                minimum: 1,
                maximum: 65535,
              },
              container_port: {
                type: 'integer',
                title: 'Container port',
                minimum: 1,
                maximum: 65535,
              },
              protocol: {
                type: 'string',
                title: 'Protocol',
                enum: ['TCP', 'UDP'],
              },
            },
            required: ['port'],
          },
        },
      },
    },
  },
  'humanitec/ingress': {
    id: 'humanitec/ingress',
    version: '1.0.0',
    schema: {
      type: 'object',
      title: 'Ingress',
      'x-console-help':
        'HTTP routes from a DNS resource (e.g. shared.dns) to a service port.',
      properties: {
        rules: {
          type: 'object',
          title: 'Rules',
          propertyNames: { pattern: '^(shared|externals)\\.[a-z0-9-]+$' },
          'x-console-errors': {
            propertyNames:
              'Route from a DNS resource: shared.<name> or externals.<name>.',
          },
          additionalProperties: {
            type: 'object',
            properties: {
              http: {
                type: 'object',
                title: 'Paths',
                propertyNames: { pattern: '^/' },
                additionalProperties: {
                  type: 'object',
                  properties: {
                    type: {
                      type: 'string',
                      title: 'Match',
                      enum: ['prefix', 'exact'],
                    },
                    port: {
                      type: 'integer',
                      title: 'Service port',
                      minimum: 1,
                      maximum: 65535,
                    },
                  },
                  required: ['port'],
                },
              },
            },
          },
        },
      },
    },
  },
  'humanitec/schedules': {
    id: 'humanitec/schedules',
    version: '1.0.0',
    schema: {
      type: 'object',
      title: 'Schedules',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        properties: {
          schedule: {
            type: 'string',
            title: 'Schedule',
            'x-console-widget': 'cron',
            pattern: '^(\\S+\\s+){4}\\S+$',
            'x-console-errors': {
              pattern:
                'Five fields: minute hour day-of-month month day-of-week, e.g. */15 * * * *.',
            },
          },
        },
        required: ['schedule'],
      },
      'x-console-errors': {
        minProperties: 'A cron job needs at least one schedule.',
      },
    },
  },
  'humanitec/replicas': {
    id: 'humanitec/replicas',
    version: '1.0.0',
    schema: {
      type: 'integer',
      title: 'Replicas',
      minimum: 0,
      maximum: 100,
      'x-console-help': 'How many pods run.',
    },
  },
  'humanitec/labels': {
    id: 'humanitec/labels',
    version: '1.0.0',
    schema: stringMap('Labels', 'Kubernetes labels of the workload.'),
  },
  'humanitec/annotations': {
    id: 'humanitec/annotations',
    version: '1.0.0',
    schema: stringMap('Annotations', 'Kubernetes annotations of the workload.'),
  },
  'humanitec/logs': {
    id: 'humanitec/logs',
    version: '1.0.0',
    schema: {
      type: 'object',
      title: 'Logs',
      description: 'Container logs of the running workload (runtime only).',
    },
  },
};

/**
 * The parts of a container (the properties of the `humanitec/containers`
 * collection): property name, feature, order and title. The built-in
 * profiles' collection and the `humanitec/containers` feature both use it.
 */
export const CONTAINER_PARTS: {
  name: string;
  feature: string;
  order: number;
  title?: string;
}[] = [
  { name: 'image', feature: 'humanitec/image', order: 1 },
  { name: 'command', feature: 'humanitec/command', order: 2 },
  { name: 'args', feature: 'humanitec/args', order: 3 },
  { name: 'variables', feature: 'humanitec/variables', order: 4 },
  { name: 'files', feature: 'humanitec/files', order: 5 },
  { name: 'resources', feature: 'humanitec/resources', order: 6 },
  {
    name: 'readiness_probe',
    feature: 'humanitec/probe',
    order: 7,
    title: 'Readiness check',
  },
  {
    name: 'liveness_probe',
    feature: 'humanitec/probe',
    order: 8,
    title: 'Liveness check',
  },
];

/** Names of collection items, e.g. container names. */
export const ITEM_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

FEATURES['humanitec/containers'] = {
  id: 'humanitec/containers',
  version: '1.0.0',
  schema: {
    type: 'object',
    title: 'Containers',
    'x-console-help': 'The containers of the workload, by name.',
    propertyNames: { pattern: ITEM_NAME_PATTERN },
    'x-console-errors': {
      propertyNames:
        'A name uses lowercase letters, digits and dashes, e.g. api or worker-1.',
    },
    additionalProperties: {
      type: 'object',
      required: ['image'],
      properties: Object.fromEntries(
        CONTAINER_PARTS.map((part) => [
          part.name,
          {
            ...FEATURES[part.feature].schema,
            ...(part.title ? { title: part.title } : {}),
            'x-console-order': part.order,
          },
        ]),
      ),
    },
  },
};
