/**
 * JSON schemas of the Operator's custom resources as this engine renders
 * them (`humanitec.io/v1alpha1`), the check every exported object passes
 * before it is written. The built-in kinds (the Namespace) are checked with
 * the Kubernetes API's own schemas (kubernetes-models) in validate.ts; the
 * metadata rules (names, label values) are Kubernetes' and apply to every
 * kind.
 */
import type { JsonObject } from '../core/model/spec';

/** A DNS-1123 subdomain (object names). */
const SUBDOMAIN =
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** A DNS-1123 label (namespaces). */
const LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** A label value: empty, or alphanumeric at both ends with `-_.` inside, at most 63. */
const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';

const str = { type: 'string' };
const obj = (
  properties: JsonObject,
  required: string[],
  additionalProperties: boolean | JsonObject = false,
): JsonObject => ({
  type: 'object',
  properties,
  required,
  additionalProperties,
});

/** Kubernetes metadata rules shared by every kind. */
export const METADATA_SCHEMA: JsonObject = obj(
  {
    name: { type: 'string', maxLength: 253, pattern: SUBDOMAIN },
    namespace: { type: 'string', maxLength: 63, pattern: LABEL },
    labels: {
      type: 'object',
      additionalProperties: {
        type: 'string',
        maxLength: 63,
        pattern: LABEL_VALUE,
      },
    },
    annotations: { type: 'object', additionalProperties: str },
  },
  ['name', 'labels'],
);

const secretRefs = {
  type: 'object',
  additionalProperties: obj(
    { store: { ...str, minLength: 1 }, ref: { ...str, minLength: 1 } },
    ['store', 'ref'],
  ),
};
const driverInputs = obj({ values: { type: 'object' }, secretRefs }, [
  'values',
]);

const crd = (kind: string, spec: JsonObject): JsonObject =>
  obj(
    {
      apiVersion: { const: 'humanitec.io/v1alpha1' },
      kind: { const: kind },
      metadata: {
        ...METADATA_SCHEMA,
        required: ['name', 'namespace', 'labels'],
      },
      spec,
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  );

/** The Operator's kinds and the Operator version that first serves each (older CRDs refuse them). */
export const OPERATOR_KINDS: Record<
  string,
  { schema: JsonObject; since: string }
> = {
  ResourceDefinition: {
    since: '0.3.0',
    schema: crd(
      'ResourceDefinition',
      obj(
        {
          type: { ...str, minLength: 1 },
          driverType: { ...str, minLength: 1 },
          driverInputs,
          criteria: { type: 'array', items: { type: 'object' } },
        },
        ['type', 'driverType', 'driverInputs'],
      ),
    ),
  },
  Resource: {
    since: '0.3.0',
    schema: crd(
      'Resource',
      obj(
        {
          id: { ...str, minLength: 1 },
          type: { ...str, minLength: 1 },
          class: { ...str, minLength: 1 },
          definition: { ...str, minLength: 1 },
          driverType: { ...str, minLength: 1 },
          driverInputs,
        },
        ['id', 'type', 'class', 'definition', 'driverType', 'driverInputs'],
      ),
    ),
  },
  Workload: {
    since: '0.7.0',
    schema: crd(
      'Workload',
      obj(
        {
          id: { ...str, minLength: 1 },
          profile: { ...str, minLength: 1 },
          replicas: { type: 'integer', minimum: 0 },
          externals: { type: 'object' },
        },
        ['id', 'profile', 'replicas'],
        true,
      ),
    ),
  },
};

/** The Operator version an in-cluster (custom) driver needs. */
export const IN_CLUSTER_DRIVERS_SINCE = '0.9.0';
