/**
 * The built-in resource types (the `humanitec` organisation's, public to every
 * organisation: the spec's ResourceTypeResponse): what a workload can ask for
 * in `externals` / `shared`, and what the platform provisions implicitly.
 * Inputs and outputs are the JSON Schemas of what a resource takes and what it
 * gives (placeholders such as `${shared.db.host}` read outputs).
 */
import type { ResourceType } from '../core/model/resource-types';
import type { JsonObject } from '../core/model/spec';

const str = { type: 'string' } as const;
const secret = { type: 'string', 'x-console-widget': 'secret' } as const;
const outputs = (values: JsonObject, secrets: JsonObject = {}): JsonObject => ({
  type: 'object',
  properties: {
    values: { type: 'object', properties: values },
    ...(Object.keys(secrets).length > 0
      ? { secrets: { type: 'object', properties: secrets } }
      : {}),
  },
});
const database = (type: string, name: string, port: number): ResourceType => ({
  type,
  name,
  category: 'datastore',
  use: 'direct',
  inputs_schema: {
    type: 'object',
    properties: {
      extensions: { type: 'object', additionalProperties: { type: 'object' } },
    },
  },
  outputs_schema: outputs(
    { host: str, port: { type: 'integer', default: port }, name: str },
    { username: secret, password: secret },
  ),
});

/** The built-in types every organisation has (the `humanitec` organisation's, public). */
export const BUILTIN_RESOURCE_TYPES: readonly ResourceType[] = [
  database('postgres', 'PostgreSQL', 5432),
  database('mysql', 'MySQL', 3306),
  database('mongodb', 'MongoDB', 27017),
  {
    type: 'redis',
    name: 'Redis',
    category: 'datastore',
    use: 'direct',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs(
      { host: str, port: { type: 'integer', default: 6379 } },
      { password: secret },
    ),
  },
  {
    type: 's3',
    name: 'S3 bucket',
    category: 'storage',
    use: 'direct',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs(
      { bucket: str, region: str },
      { aws_access_key_id: secret, aws_secret_access_key: secret },
    ),
  },
  {
    type: 'dns',
    name: 'DNS name',
    category: 'dns',
    use: 'direct',
    inputs_schema: { type: 'object', properties: { subdomain: str } },
    outputs_schema: outputs({ host: str }),
  },
  {
    type: 'amqp',
    name: 'AMQP broker',
    category: 'messaging',
    use: 'direct',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs(
      { host: str, port: { type: 'integer', default: 5672 }, vhost: str },
      { username: secret, password: secret },
    ),
  },
  {
    type: 'kafka',
    name: 'Kafka topic',
    category: 'messaging',
    use: 'direct',
    inputs_schema: {
      type: 'object',
      properties: { partitions: { type: 'integer', minimum: 1 } },
    },
    outputs_schema: outputs({ brokers: str, topic: str }),
  },
  {
    type: 'route',
    name: 'Route',
    category: 'dns',
    use: 'indirect',
    inputs_schema: {
      type: 'object',
      properties: { path: str, port: { type: 'integer' } },
    },
    outputs_schema: { type: 'object' },
  },
  {
    type: 'k8s-cluster',
    name: 'Kubernetes cluster',
    category: 'k8s',
    use: 'implicit',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs({ name: str, loadbalancer: str }),
  },
  {
    type: 'k8s-namespace',
    name: 'Kubernetes namespace',
    category: 'k8s',
    use: 'implicit',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs({ namespace: str }),
  },
  {
    type: 'tls-cert',
    name: 'TLS certificate',
    category: 'dns',
    use: 'indirect',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs({ tls_secret_name: str }),
  },
  {
    type: 'logging',
    name: 'Logging',
    category: 'k8s',
    use: 'implicit',
    inputs_schema: { type: 'object' },
    outputs_schema: { type: 'object' },
  },
  {
    type: 'base-env',
    name: 'Base environment',
    category: 'k8s',
    use: 'implicit',
    inputs_schema: { type: 'object' },
    outputs_schema: { type: 'object' },
  },
  {
    type: 'workload',
    name: 'Workload',
    category: 'k8s',
    use: 'implicit',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs({ id: str }),
  },
  {
    type: 'agent',
    name: 'Humanitec Agent',
    category: 'k8s',
    use: 'implicit',
    inputs_schema: { type: 'object' },
    outputs_schema: outputs({ id: str, url: str }),
  },
];
