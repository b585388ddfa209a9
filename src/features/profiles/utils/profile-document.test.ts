import { describe, expect, it } from 'vitest';
import {
  documentFromProfile,
  specDefinitionFromDocument,
} from './profile-document';

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

describe('the designer document and the published definition', () => {
  it('keeps the dialect: a 2020-12 document publishes its $schema and opens again with it (issue 18)', () => {
    const document = {
      $schema: DRAFT_2020,
      type: 'object',
      dependentRequired: { tls: ['host'] },
      properties: {
        args: {
          type: 'array',
          prefixItems: [{ type: 'string' }, { type: 'integer' }],
        },
      },
    };
    const definition = specDefinitionFromDocument(document);
    expect(definition).toMatchObject({
      'x-console-root': {
        $schema: DRAFT_2020,
        dependentRequired: { tls: ['host'] },
      },
    });
    expect(documentFromProfile({ spec_definition: definition })).toMatchObject({
      $schema: DRAFT_2020,
    });
  });
});
