/**
 * The workload profiles every organisation has: Humanitec's built-ins
 * (`humanitec/default-module`, `default-job`, `default-cronjob`, read-only)
 * and the demo organisation's own `acme/web-service` and `acme/worker`
 * (the profiles fault rule `unknown-profile` knows), whose `schema`
 * properties show the console's annotations.
 */
import type { JsonObject } from '../core/model/spec';
import { CONTAINER_PARTS } from './features';
import type { SpecDefinition } from '../core/model/profiles';

/** The organisation id of the built-in profiles. */
export const BUILTIN_ORG = 'humanitec';

/** The chart built-in profiles render with. */
export const BUILTIN_CHART = {
  id: 'humanitec/default-module',
  version: '1.0.0',
};

const feature = (
  name: string,
  order?: number,
  title?: string,
  hidden?: boolean,
) => ({
  type: 'feature' as const,
  feature_name: name,
  version: '1.0.0',
  ...(title ? { title } : {}),
  ...(order !== undefined || hidden
    ? {
        ui_hints: {
          ...(order !== undefined ? { order } : {}),
          ...(hidden ? { hidden } : {}),
        },
      }
    : {}),
});

const containers = {
  type: 'collection' as const,
  feature_name: 'humanitec/containers',
  title: 'Containers',
  ui_hints: { order: 1 },
  properties: Object.fromEntries(
    CONTAINER_PARTS.map((part) => [
      part.name,
      feature(part.feature, part.order, part.title),
    ]),
  ),
  runtime_properties: [
    { type: 'feature' as const, feature_name: 'humanitec/logs' },
  ],
};

const metadata = {
  labels: feature('humanitec/labels', 20),
  annotations: feature('humanitec/annotations', 21, undefined, true),
};

/** A profile as the seed writes it (the rest of the response is derived). */
export interface ProfileSeed {
  orgId: string;
  id: string;
  version: string;
  description: string;
  spec_definition: SpecDefinition;
}

/** The built-in profiles (read-only in every organisation). */
export const BUILTIN_PROFILES: ProfileSeed[] = [
  {
    orgId: BUILTIN_ORG,
    id: 'default-module',
    version: '1.0.0',
    description:
      'A long-running workload: containers, a service with ports, ingress and replicas (a Kubernetes Deployment).',
    spec_definition: {
      properties: {
        containers,
        service: feature('humanitec/service', 2),
        ingress: feature('humanitec/ingress', 3),
        replicas: feature('humanitec/replicas', 4),
        ...metadata,
      },
      runtime_properties: [{ type: 'feature', feature_name: 'humanitec/logs' }],
    },
  },
  {
    orgId: BUILTIN_ORG,
    id: 'default-job',
    version: '1.0.0',
    description:
      'A workload that runs to completion once per deployment (a Kubernetes Job).',
    spec_definition: { properties: { containers, ...metadata } },
  },
  {
    orgId: BUILTIN_ORG,
    id: 'default-cronjob',
    version: '1.0.0',
    description: 'A workload that runs on schedules (a Kubernetes CronJob).',
    spec_definition: {
      properties: {
        containers,
        schedules: feature('humanitec/schedules', 2),
        ...metadata,
      },
      'x-console-root': { required: ['schedules'] },
    },
  },
];

const endpoint: JsonObject = {
  type: 'object',
  title: 'Endpoint',
  'x-console-help': 'How the service is reached.',
  properties: {
    visibility: {
      type: 'string',
      title: 'Visibility',
      enum: ['public', 'internal'],
      default: 'internal',
      'x-console-widget': 'radio',
      'x-console-enum-labels': {
        public: 'Public (through the DNS resource)',
        internal: 'Internal (cluster only)',
      },
      'x-console-order': 1,
    },
    host: {
      type: 'string',
      title: 'Host name',
      format: 'hostname',
      'x-console-placeholder': 'app.acme.dev',
      'x-console-visible-if': {
        properties: { visibility: { const: 'public' } },
        required: ['visibility'],
      },
      'x-console-errors': {
        format: 'A host name such as app.acme.dev.',
        required: 'A public endpoint needs a host name.',
      },
      'x-console-order': 2,
    },
    tls: {
      type: 'boolean',
      title: 'Serve HTTPS',
      default: true,
      'x-console-visible-if': {
        properties: { visibility: { const: 'public' } },
        required: ['visibility'],
      },
      'x-console-order': 3,
    },
  },
  if: {
    properties: { visibility: { const: 'public' } },
    required: ['visibility'],
  },
  then: { required: ['host'] },
};

/** The demo organisation's own profiles (seeded into `acme`). */
export const ACME_PROFILES: ProfileSeed[] = [
  {
    orgId: 'acme',
    id: 'web-service',
    version: '1.0.0',
    description:
      'Acme web service: the default module plus an endpoint that is public or internal.',
    spec_definition: {
      properties: {
        containers: feature('humanitec/containers', 1, 'Containers'),
        service: feature('humanitec/service', 3),
        ingress: feature('humanitec/ingress', 4, undefined, true),
        replicas: feature('humanitec/replicas', 5),
        endpoint: {
          type: 'schema',
          title: 'Endpoint',
          ui_hints: { order: 2 },
          schema: endpoint,
        },
      },
    },
  },
  {
    orgId: 'acme',
    id: 'worker',
    version: '1.0.0',
    description:
      'Acme queue worker: containers, a queue from the shared resources and a concurrency limit.',
    spec_definition: {
      properties: {
        containers: feature('humanitec/containers', 1, 'Containers'),
        queue: {
          type: 'schema',
          title: 'Queue',
          ui_hints: { order: 2 },
          schema: {
            type: 'string',
            title: 'Queue',
            'x-console-widget': 'resource-ref',
            'x-console-help': 'The shared queue resource the worker consumes.',
          },
        },
        concurrency: {
          type: 'schema',
          title: 'Concurrency',
          ui_hints: { order: 3 },
          schema: {
            type: 'integer',
            title: 'Concurrency',
            minimum: 1,
            maximum: 64,
            default: 4,
            'x-console-errors': {
              maximum: 'At most 64 parallel jobs per pod.',
            },
          },
        },
      },
    },
  },
];
