import type {
  SpecDefinition,
  SpecDefinitionProperty,
  WorkloadProfileFeature,
} from '@/api/types';
import { checkSchema } from '@/lib/json-schema/check';
import { escapeSegment, type SchemaObject } from '@/lib/json-schema/validate';
import {
  compileAnnotations,
  type AnnotationProblem,
} from '@/lib/schema-annotations';
import { isObject } from '@/lib/json-schema/pointer';

/**
 * The designer edits one JSON Schema of the whole workload `spec`. Each
 * top-level property becomes a property of the profile's `spec_definition`:
 * `{"x-console-feature": "humanitec/containers"}` a `feature` property, any
 * other schema a `schema` property; `title`, `x-console-order` and
 * `x-console-hidden` become the property's `title` and `ui_hints`. Root
 * keywords other than `properties` (required, if/then/else, $defs, …) go to
 * the definition's `x-console-root` extension.
 */
export type DesignerDocument = SchemaObject;

const KEPT_BESIDE_FEATURE = new Set([
  'x-console-feature',
  'title',
  'x-console-order',
  'x-console-hidden',
  'description',
]);

function uiHints(schema: SchemaObject) {
  const hints: { order?: number; hidden?: boolean } = {};
  if (typeof schema['x-console-order'] === 'number')
    hints.order = schema['x-console-order'];
  if (schema['x-console-hidden'] === true) hints.hidden = true;
  return Object.keys(hints).length > 0 ? { ui_hints: hints } : {};
}

/**
 * The spec_definition a designer document publishes as. `runtime` carries the
 * profile's runtime properties over (they describe what the console shows at
 * run time, not the spec, so the document does not hold them).
 */
export function specDefinitionFromDocument(
  document: DesignerDocument,
  runtime: SpecDefinition['runtime_properties'] = [],
): SpecDefinition {
  const properties: Record<string, SpecDefinitionProperty> = {};
  for (const [name, raw] of Object.entries(
    isObject(document.properties) ? document.properties : {},
  )) {
    if (!isObject(raw)) continue;
    const title = typeof raw.title === 'string' ? { title: raw.title } : {};
    if (typeof raw['x-console-feature'] === 'string') {
      properties[name] = {
        type: 'feature',
        feature_name: raw['x-console-feature'],
        ...title,
        ...uiHints(raw),
      };
    } else {
      const {
        'x-console-order': _order,
        'x-console-hidden': _hidden,
        ...schema
      } = raw;
      properties[name] = { type: 'schema', ...title, ...uiHints(raw), schema };
    }
  }
  // `$schema` stays in the root: it is the dialect (draft-07 or 2020-12) the engine enforces the profile with.
  const { properties: _p, type: _t, ...root } = document;
  return {
    properties,
    ...(runtime && runtime.length > 0 ? { runtime_properties: runtime } : {}),
    ...(Object.keys(root).length > 0 ? { 'x-console-root': root } : {}),
  } as SpecDefinition;
}

/** The designer document of a profile: its definition, with collections inlined from the derived `spec_schema`. */
export function documentFromProfile(profile: {
  spec_definition: SpecDefinition;
  spec_schema?: unknown;
}): DesignerDocument {
  const derived =
    isObject(profile.spec_schema) && isObject(profile.spec_schema.properties)
      ? profile.spec_schema.properties
      : {};
  const root =
    (profile.spec_definition as { 'x-console-root'?: SchemaObject })[
      'x-console-root'
    ] ?? {};
  const properties: Record<string, SchemaObject> = {};
  for (const [name, property] of Object.entries(
    profile.spec_definition.properties ?? {},
  )) {
    const hints = {
      ...(property.ui_hints?.order !== undefined
        ? { 'x-console-order': property.ui_hints.order }
        : {}),
      ...(property.ui_hints?.hidden ? { 'x-console-hidden': true } : {}),
    };
    const title = property.title ? { title: property.title } : {};
    if (property.type === 'feature')
      properties[name] = {
        'x-console-feature': property.feature_name ?? '',
        ...title,
        ...hints,
      };
    else if (property.type === 'schema')
      properties[name] = { ...(property.schema ?? {}), ...title, ...hints };
    else
      properties[name] = isObject(derived[name])
        ? (derived[name] as SchemaObject)
        : { type: 'object' };
  }
  return { type: 'object', ...root, properties };
}

/** The document with feature references replaced by the features' schemas: what the preview renders. */
export function resolveFeatures(
  document: DesignerDocument,
  features: WorkloadProfileFeature[],
): DesignerDocument {
  if (!isObject(document.properties)) return document;
  const properties = Object.fromEntries(
    Object.entries(document.properties).map(([name, raw]) => {
      if (!isObject(raw) || typeof raw['x-console-feature'] !== 'string')
        return [name, raw];
      const feature = features.find((f) => f.id === raw['x-console-feature']);
      const { 'x-console-feature': _f, ...rest } = raw;
      return [name, { ...(feature?.schema ?? {}), ...rest }];
    }),
  );
  return { ...document, properties };
}

/** Every problem of a designer document: the schema, its annotations, and its feature references. */
export function documentProblems(
  document: unknown,
  features: WorkloadProfileFeature[],
): AnnotationProblem[] {
  if (!isObject(document))
    return [
      {
        path: '',
        message: 'The profile schema must be a JSON object.',
        severity: 'error',
      },
    ];
  const problems: AnnotationProblem[] = [];
  if (document.type !== undefined && document.type !== 'object') {
    problems.push({
      path: '/type',
      message:
        'A workload spec is an object: use "type": "object" at the root.',
      severity: 'error',
    });
  }
  if (
    !isObject(document.properties) ||
    Object.keys(document.properties).length === 0
  ) {
    problems.push({
      path: '',
      message:
        'Add "properties": each one becomes a part of the workload spec (e.g. containers).',
      severity: 'error',
    });
  }
  for (const [name, raw] of Object.entries(
    isObject(document.properties) ? document.properties : {},
  )) {
    if (!isObject(raw) || typeof raw['x-console-feature'] !== 'string')
      continue;
    const at = `/properties/${escapeSegment(name)}`;
    if (!features.some((f) => f.id === raw['x-console-feature'])) {
      problems.push({
        path: `${at}/x-console-feature`,
        message: `Unknown feature "${raw['x-console-feature']}". Known: ${features.map((f) => f.id).join(', ')}.`,
        severity: 'error',
      });
    }
    for (const key of Object.keys(raw).filter(
      (k) => !KEPT_BESIDE_FEATURE.has(k),
    )) {
      problems.push({
        path: `${at}/${escapeSegment(key)}`,
        message: `\`${key}\` is ignored next to x-console-feature: the feature's schema is used as it is.`,
        severity: 'warning',
      });
    }
  }
  problems.push(
    ...checkSchema(document),
    ...compileAnnotations(document).problems,
  );
  return [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity === 'warning'),
  ];
}
