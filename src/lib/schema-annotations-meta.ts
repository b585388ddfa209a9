/**
 * A JSON Schema describing "a JSON Schema with console annotations", for the
 * profile designer's editor: Monaco's JSON language service reads it for
 * completion and hover documentation of the `x-console-*` keywords (and of
 * the common JSON Schema keywords). Problems themselves are reported by
 * checkSchema and compileAnnotations, the same checks the engine runs.
 */
import { COMPARE_AS, COMPARE_OPS, RULE_KINDS } from './json-schema/rules';
import { ANNOTATIONS, WIDGETS } from './schema-annotations';

/** The id the designer's editor associates the meta-schema with. */
export const ANNOTATED_SCHEMA_META_ID =
  'https://console.local/schemas/annotated-json-schema.json';

const ref = { $ref: '#/definitions/schema' };
/** Resource types offered as examples (the console's picker lists the organisation's own). */
const RESOURCE_TYPES = ['postgres', 'mysql', 'redis', 'amqp', 's3', 'dns'];
const doc = (key: string) =>
  `${ANNOTATIONS[key].description} (${ANNOTATIONS[key].value})`;

const annotationProperties = {
  'x-console-widget': {
    description: doc('x-console-widget'),
    enum: Object.keys(WIDGETS),
    enumDescriptions: Object.values(WIDGETS).map(
      (w) => `${w.description} Fits: ${w.types.join(', ')}.`,
    ),
  },
  'x-console-order': { type: 'number', description: doc('x-console-order') },
  'x-console-group': { type: 'string', description: doc('x-console-group') },
  'x-console-help': { type: 'string', description: doc('x-console-help') },
  'x-console-placeholder': {
    type: 'string',
    description: doc('x-console-placeholder'),
  },
  'x-console-hidden': { type: 'boolean', description: doc('x-console-hidden') },
  'x-console-readonly': {
    type: 'boolean',
    description: doc('x-console-readonly'),
  },
  'x-console-enum-labels': {
    description: doc('x-console-enum-labels'),
    anyOf: [
      { type: 'object', additionalProperties: { type: 'string' } },
      { type: 'array', items: { type: 'string' } },
    ],
  },
  'x-console-errors': {
    description: doc('x-console-errors'),
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        properties: Object.fromEntries(
          [
            'required',
            'type',
            'enum',
            'pattern',
            'format',
            'minimum',
            'maximum',
            'minLength',
            'maxLength',
            'minItems',
            'maxItems',
            'propertyNames',
            'uniqueItems',
            'x-console-unique-by',
            'const',
            'oneOf',
            'anyOf',
          ].map((k) => [
            k,
            { type: 'string', description: `Message when \`${k}\` fails.` },
          ]),
        ),
        additionalProperties: { type: 'string' },
      },
    ],
  },
  'x-console-visible-if': { ...ref, description: doc('x-console-visible-if') },
  'x-console-resource-type': {
    description: doc('x-console-resource-type'),
    anyOf: [
      { type: 'string', examples: RESOURCE_TYPES },
      { type: 'array', items: { type: 'string', examples: RESOURCE_TYPES } },
    ],
  },
  'x-console-resource-class': {
    type: 'string',
    description: doc('x-console-resource-class'),
    examples: ['default', 'ha'],
  },
  'x-console-resource-output': {
    type: 'string',
    description: doc('x-console-resource-output'),
    examples: ['host', 'port', 'name', 'url', 'username'],
  },
  'x-console-item-title': {
    type: 'string',
    description: doc('x-console-item-title'),
    examples: ['name', 'id'],
  },
  'x-console-unique-by': {
    description: doc('x-console-unique-by'),
    anyOf: [
      { type: 'string', examples: ['name'] },
      { type: 'array', items: { type: 'string' }, minItems: 1 },
    ],
  },
  'x-console-rules': {
    description: doc('x-console-rules'),
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['rule'],
      additionalProperties: false,
      properties: {
        rule: {
          enum: Object.keys(RULE_KINDS),
          enumDescriptions: [
            'The field compared with another (op, than; as cpu, memory or number).',
            'Exactly one of the fields is set.',
            'At most one of the fields is set.',
            'At least one of the fields is set.',
          ],
        },
        field: {
          type: 'string',
          pattern: '^/',
          description:
            'The field the rule is about: a JSON pointer relative to this object, e.g. /limits/cpu.',
        },
        op: { enum: [...COMPARE_OPS] },
        than: {
          type: 'string',
          pattern: '^/',
          description: 'The field it is compared with, e.g. /requests/cpu.',
        },
        as: {
          enum: [...COMPARE_AS],
          description:
            'Compare as numbers (default), CPU quantities (250m, 0.5) or memory quantities (512Mi, 1G).',
        },
        fields: {
          type: 'array',
          minItems: 2,
          items: { type: 'string', pattern: '^/' },
          description:
            'The fields the rule counts, e.g. ["/image", "/script"].',
        },
        message: {
          type: 'string',
          description: 'Shown at the field instead of the generic message.',
        },
      },
    },
    defaultSnippets: [
      {
        label: 'Limit at least the request',
        body: [
          {
            rule: 'compare',
            field: '/limits/${1:cpu}',
            op: '>=',
            than: '/requests/${1:cpu}',
            as: '${1:cpu}',
          },
        ],
      },
      {
        label: 'Exactly one of two fields',
        body: [{ rule: 'exactly-one', fields: ['/$1', '/$2'] }],
      },
    ],
  },
  'x-console-feature': {
    type: 'string',
    description: doc('x-console-feature'),
    examples: ['humanitec/containers', 'humanitec/service'],
  },
};

/** The meta-schema (draft-07, recursive). */
export const ANNOTATED_SCHEMA_META = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: ANNOTATED_SCHEMA_META_ID,
  title: 'JSON Schema with console annotations',
  definitions: {
    schema: {
      type: ['object', 'boolean'],
      properties: {
        type: {
          description: 'The JSON type of the value.',
          anyOf: [
            {
              enum: [
                'string',
                'number',
                'integer',
                'boolean',
                'object',
                'array',
                'null',
              ],
            },
            {
              type: 'array',
              items: {
                enum: [
                  'string',
                  'number',
                  'integer',
                  'boolean',
                  'object',
                  'array',
                  'null',
                ],
              },
            },
          ],
        },
        title: { type: 'string', description: 'The label of the field.' },
        description: {
          type: 'string',
          description: 'Text shown under the label.',
        },
        default: { description: 'The value a new field starts with.' },
        enum: { type: 'array', description: 'The allowed values.' },
        const: { description: 'The only allowed value.' },
        properties: {
          type: 'object',
          description: 'The fields of an object.',
          additionalProperties: ref,
        },
        required: {
          type: 'array',
          items: { type: 'string' },
          description: 'Names of the fields that must be set.',
        },
        additionalProperties: {
          ...ref,
          description:
            'The schema of values under other names (a map), or false.',
        },
        patternProperties: { type: 'object', additionalProperties: ref },
        propertyNames: {
          ...ref,
          description: 'A schema every name of the object must match.',
        },
        items: { ...ref, description: 'The schema of every item of a list.' },
        minItems: { type: 'integer', minimum: 0 },
        maxItems: { type: 'integer', minimum: 0 },
        uniqueItems: { type: 'boolean' },
        minLength: { type: 'integer', minimum: 0 },
        maxLength: { type: 'integer', minimum: 0 },
        pattern: {
          type: 'string',
          format: 'regex',
          description: 'A regular expression the string must match.',
        },
        format: {
          type: 'string',
          examples: ['hostname', 'email', 'uri', 'date-time', 'ipv4', 'uuid'],
        },
        minimum: { type: 'number' },
        maximum: { type: 'number' },
        multipleOf: { type: 'number', exclusiveMinimum: 0 },
        allOf: { type: 'array', items: ref },
        anyOf: { type: 'array', items: ref },
        oneOf: {
          type: 'array',
          items: ref,
          description:
            'Exactly one of these schemas; the form offers a choice.',
        },
        not: ref,
        if: {
          ...ref,
          description:
            'A condition: when it matches, `then` applies, else `else`.',
        },
        then: ref,
        else: ref,
        dependencies: {
          type: 'object',
          additionalProperties: {
            anyOf: [ref, { type: 'array', items: { type: 'string' } }],
          },
        },
        $defs: { type: 'object', additionalProperties: ref },
        definitions: { type: 'object', additionalProperties: ref },
        $ref: {
          type: 'string',
          description: 'A reference such as #/$defs/name.',
        },
        ...annotationProperties,
      },
      defaultSnippets: [
        {
          label: 'New text field',
          body: { type: 'string', title: '$1', 'x-console-help': '$2' },
        },
        {
          label: 'New slider',
          body: {
            type: 'integer',
            title: '$1',
            minimum: 0,
            maximum: 100,
            'x-console-widget': 'range',
          },
        },
        {
          label: 'New resource reference',
          body: {
            type: 'string',
            title: '$1',
            'x-console-widget': 'resource-ref',
            'x-console-resource-type': '${2:postgres}',
            'x-console-resource-output': '${3:host}',
          },
        },
        {
          label: 'New choice',
          body: {
            type: 'string',
            title: '$1',
            enum: ['$2'],
            'x-console-enum-labels': {},
          },
        },
      ],
    },
  },
  $ref: '#/definitions/schema',
};
