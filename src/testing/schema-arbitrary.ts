/**
 * fast-check arbitraries of data for a JSON Schema, valid and invalid: for
 * each field, values of its type and of other types, enum values and others,
 * numbers around its bounds, strings that match its pattern and strings that
 * do not, samples of what its widget edits (cron, CPU, memory, secrets), and
 * objects with properties missing, extra, or taken from each conditional
 * branch and option. Test code only (the form/engine agreement test).
 */
import fc from 'fast-check';
import {
  isObject,
  resolveRef,
  type SchemaObject,
} from '@/lib/json-schema/pointer';

type Arb = fc.Arbitrary<unknown>;

/** Samples of what a widget edits, good and bad. */
const WIDGET_SAMPLES: Record<string, unknown[]> = {
  cron: [
    '*/15 * * * *',
    '0 3 * * 1-5',
    '0 0 1 JAN,JUL *',
    '30 2 * * SUN',
    '99 * * * *',
    '* * * *',
    'a b c d e',
    '*/0 * * * *',
    '0 24 * * *',
    '@daily',
    '',
  ],
  cpu: ['250m', '0.5', '2', '1.5m', '100', '1Gi', 'abc', '', 2, 0.25],
  memory: [
    '512Mi',
    '1Gi',
    '256M',
    '1.5Gi',
    '64Ki',
    '2T',
    '1000',
    '12Q',
    'Mi',
    '',
  ],
  image: ['registry.acme.dev/team/app:1.0.0', 'nginx', '', 'app@sha256:abc'],
  secret: ['${secrets.token}', 's3cr3t', '${secrets.x y}', ''],
  'resource-ref': ['${shared.db.host}', 'postgres', ''],
};

/** Names of map entries: good and bad for the usual name patterns. */
const KEYS = [
  'api',
  'worker-1',
  'Bad Name',
  'shared.dns',
  '/etc/app.conf',
  'HTTP_PORT',
  '1st',
  'a.b',
  'x~y/z',
];

/** Values of any type, for wrong-type cases. */
const anyValue: Arb = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 70000 }),
  fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
  fc.constant([]),
  fc.constant({}),
);

const patternOf = (source: string): RegExp | undefined => {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
};

interface Context {
  root: SchemaObject;
  depth: number;
  refs: string[];
}

/** Data for `schema` (valid or invalid), with `root` resolving `$ref`s. */
export function schemaArbitrary(
  schema: unknown,
  root: SchemaObject = schema as SchemaObject,
): Arb {
  return arbitrary(schema, { root, depth: 0, refs: [] });
}

function arbitrary(schema: unknown, ctx: Context): Arb {
  if (!isObject(schema) || ctx.depth > 6) return anyValue;
  if (typeof schema.$ref === 'string') {
    if (ctx.refs.filter((r) => r === schema.$ref).length > 1) return anyValue;
    const target = resolveRef(schema.$ref, ctx.root);
    const { $ref: _ref, ...rest } = schema;
    return arbitrary(isObject(target) ? { ...target, ...rest } : rest, {
      ...ctx,
      refs: [...ctx.refs, schema.$ref],
    });
  }
  const options = [
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
  ];
  if (options.length > 0 && !schema.properties && !schema.type) {
    return fc.oneof(
      { weight: 1, arbitrary: anyValue },
      ...options.map((option) => ({
        weight: 3,
        arbitrary: arbitrary(option, { ...ctx, depth: ctx.depth + 1 }),
      })),
    );
  }
  const good = ofType(schema, ctx);
  return fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 1, arbitrary: anyValue },
  );
}

function typeOf(schema: SchemaObject): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type) && typeof schema.type[0] === 'string')
    return schema.type[0];
  if (schema.properties || schema.additionalProperties || schema.required)
    return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function ofType(schema: SchemaObject, ctx: Context): Arb {
  const values: Arb[] = [];
  if (Array.isArray(schema.enum))
    values.push(fc.constantFrom(...(schema.enum as unknown[])));
  if (schema.const !== undefined) values.push(fc.constant(schema.const));
  if (schema.default !== undefined) values.push(fc.constant(schema.default));
  const widget = schema['x-console-widget'];
  if (typeof widget === 'string' && WIDGET_SAMPLES[widget])
    values.push(fc.constantFrom(...WIDGET_SAMPLES[widget]));
  switch (typeOf(schema)) {
    case 'string':
      values.push(strings(schema));
      break;
    case 'integer':
    case 'number':
      values.push(numbers(schema));
      break;
    case 'boolean':
      values.push(fc.boolean());
      break;
    case 'array':
      values.push(
        fc.array(arbitrary(schema.items, { ...ctx, depth: ctx.depth + 1 }), {
          maxLength: 3,
        }),
      );
      break;
    case 'object':
      values.push(objects(schema, ctx));
      break;
    default:
      values.push(anyValue);
  }
  return fc.oneof(...values);
}

function strings(schema: SchemaObject): Arb {
  const out: Arb[] = [fc.string({ maxLength: 8 }), fc.constant('')];
  const pattern =
    typeof schema.pattern === 'string' ? patternOf(schema.pattern) : undefined;
  if (pattern) out.push(fc.stringMatching(pattern, { size: 'xsmall' }));
  if (typeof schema.maxLength === 'number')
    out.push(fc.constant('x'.repeat(schema.maxLength + 1)));
  if (schema.format === 'hostname')
    out.push(fc.constantFrom('shop.acme.dev', 'not a host', '-x-.dev'));
  return fc.oneof(...out);
}

function numbers(schema: SchemaObject): Arb {
  const edges: number[] = [0, 1, -1, 1.5];
  for (const key of [
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
  ]) {
    const n = schema[key];
    if (typeof n === 'number') edges.push(n - 1, n, n + 1);
  }
  return fc.oneof(fc.constantFrom(...edges), fc.integer({ min: -5, max: 100 }));
}

/** Properties of an object and of its conditional branches and options. */
function propertiesOf(
  schema: SchemaObject,
  ctx: Context,
): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  const collect = (owner: unknown, depth = 0) => {
    if (!isObject(owner) || depth > 4) return;
    if (typeof owner.$ref === 'string')
      collect(resolveRef(owner.$ref, ctx.root), depth + 1);
    if (isObject(owner.properties))
      for (const [name, child] of Object.entries(owner.properties))
        found.set(name, [...(found.get(name) ?? []), child]);
    for (const key of ['then', 'else', 'if']) collect(owner[key], depth + 1);
    for (const key of ['allOf', 'oneOf', 'anyOf'])
      if (Array.isArray(owner[key]))
        for (const sub of owner[key] as unknown[]) collect(sub, depth + 1);
  };
  collect(schema);
  return found;
}

function objects(schema: SchemaObject, ctx: Context): Arb {
  const next = { ...ctx, depth: ctx.depth + 1 };
  const model: Record<string, Arb> = {};
  for (const [name, schemas] of propertiesOf(schema, ctx))
    model[name] = fc.oneof(...schemas.map((s) => arbitrary(s, next)));
  const parts: Arb[] = [fc.record(model, { requiredKeys: [] })];
  const additional = schema.additionalProperties;
  const entries = fc.dictionary(
    fc.constantFrom(...KEYS),
    isObject(additional) ? arbitrary(additional, next) : anyValue,
    { maxKeys: isObject(additional) ? 3 : 1 },
  );
  parts.push(
    isObject(additional) || additional === undefined || additional === true
      ? entries
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: entries },
        ),
  );
  return fc
    .tuple(...parts)
    .map(([own, extra]) => ({ ...(extra as object), ...(own as object) }));
}
