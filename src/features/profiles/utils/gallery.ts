import type { SchemaObject } from '@/lib/json-schema/validate';

/** A starting point of the designer: a profile schema and, optionally, sample data for the preview. */
export interface GalleryExample {
  id: string;
  title: string;
  description: string;
  /** Annotations it shows off. */
  shows: string[];
  load: () => Promise<{ document: SchemaObject; sample?: unknown }>;
}

const containers = {
  'x-console-feature': 'humanitec/containers',
  title: 'Containers',
  'x-console-order': 1,
};

const webService: SchemaObject = {
  type: 'object',
  title: 'Web service',
  properties: {
    containers,
    service: {
      'x-console-feature': 'humanitec/service',
      title: 'Service',
      'x-console-order': 3,
    },
    replicas: {
      'x-console-feature': 'humanitec/replicas',
      'x-console-order': 4,
    },
    endpoint: {
      type: 'object',
      title: 'Endpoint',
      'x-console-order': 2,
      properties: {
        visibility: {
          type: 'string',
          title: 'Visibility',
          enum: ['public', 'internal'],
          default: 'internal',
          'x-console-widget': 'radio',
          'x-console-enum-labels': {
            public: 'Public',
            internal: 'Internal (cluster only)',
          },
        },
        host: {
          type: 'string',
          title: 'Host name',
          format: 'hostname',
          'x-console-placeholder': 'shop.acme.dev',
          'x-console-visible-if': {
            properties: { visibility: { const: 'public' } },
            required: ['visibility'],
          },
          'x-console-errors': {
            format: 'Use a host name such as shop.acme.dev.',
            required: 'A public endpoint needs a host name.',
          },
        },
        path: {
          type: 'string',
          title: 'Path prefix',
          default: '/',
          pattern: '^/',
          'x-console-errors': { pattern: 'A path starts with /.' },
        },
      },
      if: {
        properties: { visibility: { const: 'public' } },
        required: ['visibility'],
      },
      then: { required: ['host'] },
    },
  },
};

const cronJob: SchemaObject = {
  type: 'object',
  title: 'Cron job',
  required: ['schedule'],
  properties: {
    containers,
    schedule: {
      type: 'string',
      title: 'Schedule',
      'x-console-widget': 'cron',
      pattern: '^(\\S+\\s+){4}\\S+$',
      'x-console-order': 2,
      'x-console-errors': {
        pattern: 'Five fields: minute hour day month weekday.',
        required: 'When should the job run?',
      },
    },
    concurrency: {
      type: 'string',
      title: 'If the previous run is still going',
      enum: ['Allow', 'Forbid', 'Replace'],
      default: 'Forbid',
      'x-console-enum-labels': {
        Allow: 'Start another run',
        Forbid: 'Skip this run',
        Replace: 'Stop it and start again',
      },
      'x-console-order': 3,
    },
    deadline_seconds: {
      type: 'integer',
      title: 'Give up after (seconds)',
      minimum: 1,
      'x-console-order': 4,
    },
  },
};

const worker: SchemaObject = {
  type: 'object',
  title: 'Queue worker',
  properties: {
    containers,
    queue: {
      type: 'string',
      title: 'Queue',
      'x-console-widget': 'resource-ref',
      'x-console-help': 'A shared queue of the application.',
      'x-console-order': 2,
    },
    concurrency: {
      type: 'integer',
      title: 'Parallel jobs',
      minimum: 1,
      maximum: 64,
      default: 4,
      'x-console-order': 3,
      'x-console-errors': { maximum: 'At most 64 parallel jobs per pod.' },
    },
    api_token: {
      type: 'string',
      title: 'API token',
      'x-console-widget': 'secret',
      minLength: 16,
      'x-console-errors': { minLength: 'A token has at least 16 characters.' },
      'x-console-order': 4,
      'x-console-group': 'Credentials',
    },
    settings: {
      type: 'object',
      title: 'Settings',
      'x-console-widget': 'key-value',
      additionalProperties: { type: 'string' },
      'x-console-order': 5,
    },
  },
};

const probes: SchemaObject = {
  type: 'object',
  title: 'Health checks',
  properties: {
    check: {
      title: 'Readiness check',
      oneOf: [
        {
          title: 'HTTP GET',
          type: 'object',
          properties: {
            path: {
              type: 'string',
              title: 'Path',
              default: '/healthz',
              pattern: '^/',
            },
            port: {
              type: 'integer',
              title: 'Port',
              minimum: 1,
              maximum: 65535,
            },
          },
          required: ['path', 'port'],
        },
        {
          title: 'TCP connect',
          type: 'object',
          properties: {
            tcp_port: {
              type: 'integer',
              title: 'Port',
              minimum: 1,
              maximum: 65535,
            },
          },
          required: ['tcp_port'],
        },
        {
          title: 'Run a command',
          type: 'object',
          properties: {
            command: {
              type: 'array',
              title: 'Command',
              items: { type: 'string' },
              minItems: 1,
            },
          },
          required: ['command'],
        },
      ],
    },
    timeout_seconds: {
      type: 'integer',
      title: 'Timeout (s)',
      minimum: 1,
      default: 1,
    },
  },
};

const everything: SchemaObject = {
  type: 'object',
  title: 'Every widget',
  properties: {
    image: {
      type: 'string',
      title: 'Image',
      'x-console-widget': 'image',
      'x-console-group': 'Container',
      'x-console-order': 1,
    },
    cpu: {
      type: 'string',
      title: 'CPU',
      'x-console-widget': 'cpu',
      'x-console-group': 'Container',
      'x-console-order': 2,
    },
    memory: {
      type: 'string',
      title: 'Memory',
      'x-console-widget': 'memory',
      'x-console-group': 'Container',
      'x-console-order': 3,
    },
    variables: {
      type: 'object',
      title: 'Variables',
      'x-console-widget': 'key-value',
      additionalProperties: { type: 'string' },
      'x-console-order': 4,
    },
    ports: {
      type: 'object',
      title: 'Ports',
      'x-console-widget': 'ports',
      additionalProperties: {
        type: 'object',
        properties: {
          port: { type: 'integer' },
          container_port: { type: 'integer' },
          protocol: { enum: ['TCP', 'UDP'] },
        },
        required: ['port'],
      },
      'x-console-order': 5,
    },
    password: {
      type: 'string',
      title: 'Database password',
      'x-console-widget': 'secret',
      'x-console-order': 6,
    },
    database: {
      type: 'string',
      title: 'Database',
      'x-console-widget': 'resource-ref',
      'x-console-order': 7,
    },
    backup: {
      type: 'string',
      title: 'Backup schedule',
      'x-console-widget': 'cron',
      'x-console-order': 8,
    },
    notes: {
      type: 'string',
      title: 'Notes',
      'x-console-widget': 'textarea',
      'x-console-readonly': false,
      'x-console-order': 9,
    },
  },
};

const sidecars: SchemaObject = {
  type: 'object',
  title: 'Service with sidecars',
  properties: {
    containers,
    replicas: {
      type: 'integer',
      title: 'Replicas',
      minimum: 1,
      maximum: 10,
      default: 2,
      'x-console-widget': 'range',
      'x-console-help': 'Pods to run; each one serves traffic.',
      'x-console-order': 2,
    },
    database_host: {
      type: 'string',
      title: 'Database host',
      'x-console-widget': 'resource-ref',
      'x-console-resource-type': 'postgres',
      'x-console-resource-output': 'host',
      'x-console-help':
        "One of the application's PostgreSQL databases: the field holds its placeholder, filled in at deploy time.",
      'x-console-order': 3,
    },
    ports: {
      type: 'array',
      title: 'Ports',
      'x-console-widget': 'ports',
      'x-console-unique-by': 'name',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          port: { type: 'integer', minimum: 1, maximum: 65535 },
          targetPort: { type: 'integer', minimum: 1, maximum: 65535 },
          protocol: { enum: ['TCP', 'UDP'] },
        },
        required: ['port'],
      },
      'x-console-order': 4,
    },
    sidecars: {
      type: 'array',
      title: 'Sidecars',
      'x-console-item-title': 'name',
      'x-console-unique-by': 'name',
      'x-console-errors': {
        'x-console-unique-by': 'Each sidecar needs a name of its own.',
      },
      items: {
        type: 'object',
        required: ['name', 'image'],
        properties: {
          name: { type: 'string', title: 'Name', pattern: '^[a-z][a-z0-9-]*$' },
          image: {
            type: 'string',
            title: 'Image',
            'x-console-widget': 'image',
          },
        },
      },
      'x-console-order': 5,
    },
  },
};

/** A CPU or memory quantity in the units the pattern allows (the widgets offer only those). */
const quantity = (kind: 'cpu' | 'memory', title: string): SchemaObject =>
  kind === 'cpu'
    ? {
        type: 'string',
        title,
        'x-console-widget': 'cpu',
        pattern: '^[1-9][0-9]*m$',
        'x-console-errors': { pattern: 'Use millicores: 250m, 1500m.' },
      }
    : {
        type: 'string',
        title,
        'x-console-widget': 'memory',
        pattern: '^[1-9][0-9]*(Mi|Gi)$',
        'x-console-errors': { pattern: 'Use whole MiB or GiB: 512Mi, 2Gi.' },
      };

const batchJob: SchemaObject = {
  type: 'object',
  title: 'Batch job',
  properties: {
    image: {
      type: 'string',
      title: 'Image',
      'x-console-widget': 'image',
      'x-console-help': 'The job runs this image…',
      'x-console-order': 1,
    },
    script: {
      type: 'string',
      title: 'Script',
      'x-console-widget': 'textarea',
      'x-console-help': '…or this shell script in the platform runner image.',
      'x-console-order': 2,
    },
    resources: {
      type: 'object',
      title: 'Resources',
      'x-console-order': 3,
      properties: {
        requests: {
          type: 'object',
          title: 'Requests',
          properties: {
            cpu: quantity('cpu', 'CPU request'),
            memory: quantity('memory', 'Memory request'),
          },
        },
        limits: {
          type: 'object',
          title: 'Limits',
          properties: {
            cpu: quantity('cpu', 'CPU limit'),
            memory: quantity('memory', 'Memory limit'),
          },
        },
      },
      'x-console-rules': [
        {
          rule: 'compare',
          field: '/limits/cpu',
          op: '>=',
          than: '/requests/cpu',
          as: 'cpu',
          message: 'The CPU limit cannot be below the request.',
        },
        {
          rule: 'compare',
          field: '/limits/memory',
          op: '>=',
          than: '/requests/memory',
          as: 'memory',
        },
      ],
    },
    schedule: {
      type: 'string',
      title: 'Schedule',
      'x-console-widget': 'cron',
      'x-console-help': 'Leave empty to run once per deployment.',
      'x-console-order': 4,
    },
  },
  'x-console-rules': [
    {
      rule: 'exactly-one',
      fields: ['/image', '/script'],
      message: 'Give an image or a script to run (one of them).',
    },
  ],
};

const resolved = (document: SchemaObject, sample?: unknown) => () =>
  Promise.resolve({ document: structuredClone(document), sample });

/** The examples of the gallery. */
export const GALLERY: GalleryExample[] = [
  {
    id: 'web-service',
    title: 'Web service with an endpoint',
    description:
      'A public or internal endpoint: the host name appears, and is required, only for a public one.',
    shows: [
      'x-console-visible-if',
      'if / then',
      'x-console-enum-labels',
      'x-console-errors',
      'features',
    ],
    load: resolved(webService),
  },
  {
    id: 'cron-job',
    title: 'Cron job',
    description:
      'A schedule with a preview in words and a choice with readable labels.',
    shows: [
      'x-console-widget: cron',
      'x-console-enum-labels',
      'x-console-order',
    ],
    load: resolved(cronJob, { schedule: '0 3 * * 1-5' }),
  },
  {
    id: 'worker',
    title: 'Queue worker with a secret',
    description:
      'A queue picked from the shared resources, a write-only token and free-form settings.',
    shows: ['resource-ref', 'secret', 'key-value', 'x-console-group'],
    load: resolved(worker),
  },
  {
    id: 'probes',
    title: 'Health check (one of three kinds)',
    description:
      'oneOf: choose HTTP, TCP or a command; only the chosen kind is submitted.',
    shows: ['oneOf', 'default', 'pattern'],
    load: resolved(probes),
  },
  {
    id: 'sidecars',
    title: 'Service with sidecars and a database',
    description:
      'Replicas on a slider, a PostgreSQL host picked from the resources, ports as a list, sidecars titled by name and unique.',
    shows: [
      'x-console-widget: range',
      'x-console-resource-type',
      'x-console-resource-output',
      'ports (list)',
      'x-console-item-title',
      'x-console-unique-by',
    ],
    load: resolved(sidecars, {
      replicas: 2,
      database_host: '${shared.db.host}',
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      sidecars: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.30.1' }],
    }),
  },
  {
    id: 'batch-job',
    title: 'Batch job with resource rules',
    description:
      'An image or a script (exactly one), CPU and memory limits at least their requests, in the units the schema allows, and an optional cron schedule.',
    shows: ['x-console-rules', 'pattern on CPU and memory', 'cron'],
    load: resolved(batchJob, {
      image: 'registry.acme.dev/batch/report:2.1',
      resources: {
        requests: { cpu: '250m', memory: '512Mi' },
        limits: { cpu: '1000m', memory: '1Gi' },
      },
    }),
  },
  {
    id: 'every-widget',
    title: 'Every widget',
    description:
      'Image, CPU and memory, variables, ports, secret, resource, cron: each custom widget once.',
    shows: Object.keys(everything.properties as object),
    load: resolved(everything),
  },
  {
    id: 'score',
    title: 'Score workload (score.dev/v1b1)',
    description:
      'The real Score schema (Apache-2.0), lightly annotated, with the full Score sample loaded.',
    shows: [
      '$defs / $ref',
      'anyOf',
      'additionalProperties maps',
      'propertyNames',
    ],
    load: async () => {
      const { scoreDocument, scoreSample } = await import('./score');
      return { document: scoreDocument(), sample: await scoreSample('full') };
    },
  },
];
