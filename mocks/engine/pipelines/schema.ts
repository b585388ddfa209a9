/**
 * The organisation's pipeline definition schema (served by
 * `GET /orgs/{orgId}/pipeline-schemas/latest`): JSON Schema draft-07 of the
 * YAML pipelines/parse.ts accepts. The console validates the editor's YAML
 * with it (ajv); the engine re-checks with parsePipeline on save.
 */
import { PIPELINE_ACTIONS, PIPELINE_TRIGGERS } from './parse';

const stepVariants = Object.entries(PIPELINE_ACTIONS).map(
  ([action, required]) => ({
    if: { properties: { uses: { const: `actions/humanitec/${action}@v1` } } },
    then: {
      required: ['with'],
      properties: { with: { type: 'object', required: [...required] } },
    },
  }),
);

/** The pipeline definition schema (JSON Schema draft-07). */
export const PIPELINE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Humanitec pipeline (console subset)',
  type: 'object',
  required: ['name', 'on', 'jobs'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]([a-z0-9_-]{0,48}[a-z0-9])?$' },
    name: {
      type: 'string',
      minLength: 1,
      description: 'The name shown in lists.',
    },
    metadata: { type: 'object', additionalProperties: { type: 'string' } },
    'timeout-minutes': {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1440,
      default: 60,
    },
    on: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: {
        ...Object.fromEntries(
          PIPELINE_TRIGGERS.map((t) => [t, { type: ['object', 'null'] }]),
        ),
        pipeline_call: {
          type: ['object', 'null'],
          description:
            'Runs started by a call (the console’s Run pipeline, or POST …/pipelines/{pipelineId}/runs).',
          properties: {
            inputs: {
              type: ['object', 'null'],
              description:
                'The inputs a call passes, used as `${{ inputs.<name> }}` in steps.',
              propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
              additionalProperties: {
                type: ['object', 'null'],
                properties: {
                  type: { enum: ['string', 'number', 'boolean'] },
                  description: { type: 'string' },
                  required: { type: 'boolean' },
                  default: { type: ['string', 'number', 'boolean'] },
                },
                // The default is of the input's type (string when it names none), as the engine checks on save.
                allOf: (['string', 'number', 'boolean'] as const).map(
                  (type) => ({
                    if: {
                      properties: { type: { const: type } },
                      ...(type === 'string' ? {} : { required: ['type'] }),
                    },
                    then: { properties: { default: { type } } },
                  }),
                ),
              },
            },
          },
        },
      },
    },
    jobs: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[a-z0-9]([a-z0-9_-]{0,48}[a-z0-9])?$' },
      additionalProperties: {
        type: 'object',
        required: ['steps'],
        properties: {
          needs: {
            oneOf: [
              { type: 'string' },
              { type: 'array', items: { type: 'string' } },
            ],
          },
          'timeout-minutes': {
            type: 'number',
            exclusiveMinimum: 0,
            maximum: 1440,
          },
          steps: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['uses'],
              properties: {
                name: { type: 'string' },
                uses: {
                  type: 'string',
                  enum: Object.keys(PIPELINE_ACTIONS).map(
                    (a) => `actions/humanitec/${a}@v1`,
                  ),
                },
                with: { type: 'object' },
                if: {
                  type: 'string',
                  pattern:
                    '^(\\$\\{\\{\\s*)?(success|failure|always)\\(\\)(\\s*\\}\\})?$',
                },
              },
              allOf: stepVariants,
            },
          },
        },
      },
    },
  },
} as const;
