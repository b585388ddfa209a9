import { describe, expect, it } from 'vitest';
import { withFieldTitles } from '@/lib/json-schema/labels';
import { compileAnnotations } from '@/lib/schema-annotations';
import { fieldIndex, searchFields } from './schema-field-index';

const schema = {
  type: 'object',
  properties: {
    containers: {
      type: 'object',
      title: 'Containers',
      additionalProperties: {
        type: 'object',
        properties: {
          image: { type: 'string', title: 'Image' },
          cpu: { type: 'string', 'x-console-widget': 'cpu' },
        },
      },
    },
    sidecars: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string', title: 'Name' } },
      },
    },
    endpoint: {
      type: 'object',
      properties: {
        public: { type: 'boolean', 'x-console-order': 2 },
        host: {
          type: 'string',
          title: 'Host name',
          'x-console-order': 1,
          'x-console-visible-if': {
            properties: { public: { const: true } },
            required: ['public'],
          },
        },
        internal_id: { type: 'string', 'x-console-hidden': true },
      },
    },
  },
};
const uiSchema = withFieldTitles(schema, compileAnnotations(schema).uiSchema);
const index = (formData: unknown) =>
  fieldIndex({ schema, uiSchema, formData, idPrefix: 'spec' });

describe('fieldIndex', () => {
  it('lists the fields the form shows for the data, with their ids, labels, sections and paths', () => {
    const entries = index({
      containers: { api: { image: 'x' } },
      sidecars: [{ name: 'proxy' }],
      endpoint: { public: false },
    });
    expect(entries.map((e) => e.path)).toEqual([
      'containers',
      'containers.api',
      'containers.api.image',
      'containers.api.cpu',
      'sidecars',
      'sidecars.0.name',
      'endpoint',
      'endpoint.public',
    ]);
    expect(entries.find((e) => e.path === 'containers.api.image')).toEqual({
      id: 'spec_containers_api_image',
      label: 'Image',
      trail: ['Containers', 'api'],
      path: 'containers.api.image',
    });
    expect(entries.find((e) => e.path === 'containers.api.cpu')?.label).toBe(
      'CPU',
    );
    expect(entries.find((e) => e.path === 'sidecars.0.name')?.trail).toEqual([
      'Sidecars',
      '1',
    ]);
  });

  it('follows x-console-visible-if and x-console-order as the form does; hidden fields are not listed', () => {
    const paths = index({ endpoint: { public: true } })
      .map((e) => e.path)
      .filter((p) => p.startsWith('endpoint.'));
    expect(paths).toEqual(['endpoint.host', 'endpoint.public']);
  });
});

describe('searchFields', () => {
  const entries = index({ containers: { api: { image: 'x' } } });

  it('ranks the label equal to the query first, then labels starting with it, then paths', () => {
    expect(searchFields(entries, 'image').map((e) => e.path)).toEqual([
      'containers.api.image',
    ]);
    expect(searchFields(entries, 'con').map((e) => e.path)[0]).toBe(
      'containers',
    );
    expect(
      searchFields(entries, 'containers/api/image').map((e) => e.path),
    ).toEqual(['containers.api.image']);
  });

  it('needs every word, in the label, its sections or its path', () => {
    expect(searchFields(entries, 'api cpu').map((e) => e.label)).toEqual([
      'CPU',
    ]);
    expect(searchFields(entries, 'api nothing')).toEqual([]);
    expect(searchFields(entries, '   ')).toEqual([]);
  });
});
