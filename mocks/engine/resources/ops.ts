/**
 * The resource types the platform offers (the spec's ResourceTypeResponse):
 * what a workload can ask for in `externals` / `shared`. Inputs and outputs
 * are the JSON Schemas of what a resource takes and what it gives the
 * workload (placeholders such as `${shared.db.host}` read outputs).
 */
import { requireOrg } from '../core/lookup';
import type { JsonObject } from '../core/model/spec';
import type { OpContext } from '../core/lookup';

/** A resource type, as the API returns it. */
export interface ResourceType {
  type: string;
  name: string;
  category: string;
  /** `direct` (a workload uses it), `indirect` (another resource does) or `implicit` (always there). */
  use: 'direct' | 'indirect' | 'implicit';
  inputs_schema: JsonObject;
  outputs_schema: JsonObject;
}

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

const CATALOGUE: ResourceType[] = [
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
];

/** The organisation's resource types, by type. */
export function listResourceTypes(
  ctx: OpContext,
  orgId: string,
): ResourceType[] {
  requireOrg(ctx.state, orgId);
  return structuredClone(CATALOGUE);
}
