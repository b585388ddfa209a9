import { parse } from 'yaml';
import type { SchemaObject } from '@/lib/json-schema/validate';
import { SCORE_SAMPLES } from '@/lib/score/samples';
import { SCORE_V1B1_SCHEMA as schema } from '@/lib/score/schema';

/** The Score samples (shared with "Deploy a Score file": src/lib/score/SOURCE.md). */
export { SCORE_SAMPLES };

/** A Score sample as JSON. */
export async function scoreSample(
  name: keyof typeof SCORE_SAMPLES,
): Promise<unknown> {
  return parse(SCORE_SAMPLES[name]);
}

/** Console annotations laid over the Score schema (by JSON pointer); the schema itself is unchanged. */
const OVERLAY: [string, SchemaObject][] = [
  [
    '/properties/apiVersion',
    {
      default: 'score.dev/v1b1',
      'x-console-order': 1,
      'x-console-errors': {
        pattern: 'Score files of this version say score.dev/v1b1.',
      },
    },
  ],
  ['/properties/metadata', { 'x-console-order': 2 }],
  ['/properties/containers', { 'x-console-order': 3 }],
  ['/properties/service', { 'x-console-order': 4 }],
  ['/properties/resources', { 'x-console-order': 5 }],
  ['/properties/service/properties/ports', { 'x-console-widget': 'ports' }],
  [
    '/$defs/container/properties/image',
    { 'x-console-widget': 'image', 'x-console-order': 1 },
  ],
  [
    '/$defs/container/properties/variables',
    { 'x-console-widget': 'key-value', 'x-console-order': 4 },
  ],
  ['/$defs/resourcesLimits/properties/cpu', { 'x-console-widget': 'cpu' }],
  [
    '/$defs/resourcesLimits/properties/memory',
    { 'x-console-widget': 'memory' },
  ],
];

/** The Score workload schema with the overlay applied, as a designer document. */
export function scoreDocument(): SchemaObject {
  const document = structuredClone(schema) as SchemaObject;
  for (const [pointer, annotations] of OVERLAY) {
    let node: unknown = document;
    for (const segment of pointer.split('/').slice(1))
      node = (node as SchemaObject | undefined)?.[segment];
    if (node && typeof node === 'object') Object.assign(node, annotations);
  }
  return document;
}
