import { describe, expect, it } from 'vitest';
import {
  withoutUnchangedDefaults,
  pruneHiddenValues,
  mapEntryPointers,
  pruneNewEmptyObjects,
  selectOption,
} from './schema-prune';

describe('pruneHiddenValues', () => {
  const probe = {
    type: 'object',
    properties: {
      kind: { enum: ['http', 'exec'] },
      timeout: { type: 'integer' },
    },
    if: { properties: { kind: { const: 'http' } } },
    then: {
      properties: { path: { type: 'string' }, port: { type: 'integer' } },
    },
    else: { properties: { command: { type: 'string' } } },
  };

  it('drops the values of the inactive if/then/else branch and keeps the active one', () => {
    expect(
      pruneHiddenValues(probe, {
        kind: 'http',
        path: '/healthz',
        port: 80,
        command: 'curl',
        timeout: 5,
      }),
    ).toEqual({
      kind: 'http',
      path: '/healthz',
      port: 80,
      timeout: 5,
    });
    expect(
      pruneHiddenValues(probe, {
        kind: 'exec',
        path: '/healthz',
        command: 'curl',
      }),
    ).toEqual({ kind: 'exec', command: 'curl' });
  });

  it('drops values of fields whose x-console-visible-if does not match, at any depth', () => {
    const schema = {
      type: 'object',
      properties: {
        ingress: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            host: {
              type: 'string',
              'x-console-visible-if': {
                properties: { enabled: { const: true } },
                required: ['enabled'],
              },
            },
          },
        },
      },
    };
    expect(
      pruneHiddenValues(schema, {
        ingress: { enabled: false, host: 'a.example' },
      }),
    ).toEqual({ ingress: { enabled: false } });
    expect(
      pruneHiddenValues(schema, {
        ingress: { enabled: true, host: 'a.example' },
      }),
    ).toEqual({ ingress: { enabled: true, host: 'a.example' } });
  });

  it('keeps x-console-hidden values and values the schema does not know', () => {
    const schema = {
      type: 'object',
      properties: { secret: { type: 'string', 'x-console-hidden': true } },
    };
    expect(
      pruneHiddenValues(schema, { secret: 's', legacy: { any: 1 } }),
    ).toEqual({ secret: 's', legacy: { any: 1 } });
  });

  it('drops values of unselected oneOf options and of unmet dependencies', () => {
    const schema = {
      type: 'object',
      properties: { tls: { type: 'boolean' } },
      dependencies: { tls: { properties: { cert: { type: 'string' } } } },
      oneOf: [
        {
          properties: { mode: { const: 'a' }, a: { type: 'string' } },
          required: ['mode'],
        },
        {
          properties: { mode: { const: 'b' }, b: { type: 'string' } },
          required: ['mode'],
        },
      ],
    };
    expect(
      pruneHiddenValues(schema, { mode: 'b', a: 'x', b: 'y', cert: 'c' }),
    ).toEqual({ mode: 'b', b: 'y' });
    expect(
      pruneHiddenValues(schema, { mode: 'a', a: 'x', tls: true, cert: 'c' }),
    ).toEqual({ mode: 'a', a: 'x', tls: true, cert: 'c' });
  });

  it('recurses through arrays, maps and $refs', () => {
    const schema = {
      $defs: { probe },
      type: 'object',
      properties: {
        probes: { type: 'array', items: { $ref: '#/$defs/probe' } },
      },
      additionalProperties: { $ref: '#/$defs/probe' },
    };
    expect(
      pruneHiddenValues(schema, {
        probes: [{ kind: 'exec', port: 1, command: 'x' }],
        extra: { kind: 'http', command: 'y' },
      }),
    ).toEqual({
      probes: [{ kind: 'exec', command: 'x' }],
      extra: { kind: 'http' },
    });
  });

  it('selects the first valid option, else the one sharing most names', () => {
    const options = [
      { properties: { a: {} }, required: ['a'] },
      { properties: { b: {}, c: {} }, required: ['b', 'x'] },
    ];
    expect(selectOption(options, { a: 1 }, {})).toBe(0);
    expect(selectOption(options, { b: 1, c: 2 }, {})).toBe(1);
  });
});

describe('pruneNewEmptyObjects', () => {
  const container = {
    type: 'object',
    required: ['image'],
    properties: {
      image: { type: 'string' },
      variables: { type: 'object', additionalProperties: { type: 'string' } },
      resources: {
        type: 'object',
        properties: {
          requests: { type: 'object', properties: { cpu: { type: 'string' } } },
          limits: { type: 'object', properties: { cpu: { type: 'string' } } },
        },
      },
      probe: {
        type: 'object',
        required: ['type'],
        properties: { type: { type: 'string' } },
      },
      settings: { type: 'object', properties: {} },
    },
  };
  const schema = {
    type: 'object',
    required: ['settings'],
    properties: {
      containers: { type: 'object', additionalProperties: container },
      settings: { type: 'object' },
    },
  } as const;

  it('drops the empty objects a new container gained, keeps what has content', () => {
    const filled = {
      settings: {},
      containers: {
        api: {
          image: 'reg/api:1',
          variables: {},
          resources: { requests: { cpu: '100m' }, limits: {} },
          probe: {},
        },
      },
    };
    expect(pruneNewEmptyObjects(schema as never, filled, {})).toEqual({
      settings: {},
      containers: {
        api: { image: 'reg/api:1', resources: { requests: { cpu: '100m' } } },
      },
    });
  });

  it('keeps a map entry the user added, however empty, and prunes inside it', () => {
    expect(
      pruneNewEmptyObjects(
        schema as never,
        {
          settings: {},
          containers: {
            api: { image: 'a' },
            container: { variables: {}, resources: { limits: {} } },
          },
        },
        { settings: {}, containers: { api: { image: 'a' } } },
      ),
    ).toEqual({
      settings: {},
      containers: { api: { image: 'a' }, container: {} },
    });
  });

  it('prunes an empty object a branch declares (then, allOf, dependencies) as it does a property', () => {
    const branched = {
      type: 'object',
      properties: { kind: { type: 'string' } },
      if: { properties: { kind: { const: 'web' } } },
      then: { properties: { cert: { type: 'object', properties: {} } } },
      allOf: [{ properties: { probe: { type: 'object', properties: {} } } }],
      dependencies: {
        kind: { properties: { extra: { type: 'object', properties: {} } } },
      },
    };
    const data = { kind: 'web', cert: {}, probe: {}, extra: {} };
    expect(pruneNewEmptyObjects(branched as never, data, {})).toEqual({
      kind: 'web',
    });
    expect(mapEntryPointers(branched as never, data)).toEqual([]);
  });

  it('keeps empty objects the data had when the form opened', () => {
    const original = { containers: { api: { image: 'a', variables: {} } } };
    expect(
      pruneNewEmptyObjects(
        schema as never,
        { containers: { api: { image: 'b', variables: {}, probe: {} } } },
        original,
      ),
    ).toEqual({ containers: { api: { image: 'b', variables: {} } } });
  });
});

describe('mapEntryPointers', () => {
  it('lists every key its object does not declare, escaped, at any depth', () => {
    const schema = {
      type: 'object',
      properties: {
        containers: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: {
              image: { type: 'string' },
              variables: {
                type: 'object',
                additionalProperties: { type: 'string' },
              },
            },
          },
        },
      },
    };
    expect(
      mapEntryPointers(schema as never, {
        containers: {
          api: { image: 'a', variables: { 'A/B': '1' } },
          'w~1': {},
        },
      }),
    ).toEqual([
      '/containers/api',
      '/containers/api/variables/A~1B',
      '/containers/w~01',
    ]);
  });
});

describe('withoutUnchangedDefaults', () => {
  const original = { containers: { api: { image: 'a:1' } }, ports: [{ n: 1 }] };
  const filled = {
    containers: { api: { image: 'a:1', pull: 'Always' } },
    concurrency: 4,
    endpoint: { visibility: 'internal' },
    ports: [{ n: 1, protocol: 'TCP' }],
  };

  it('leaves out what the form filled in and nobody changed', () => {
    expect(withoutUnchangedDefaults(filled, filled, original)).toEqual(
      original,
    );
  });

  it('keeps a default the user changed, and every stored value', () => {
    const data = {
      ...filled,
      concurrency: 8,
      endpoint: { visibility: 'public', host: 'x.dev' },
      ports: [{ n: 1, protocol: 'UDP' }, { n: 2 }],
    };
    expect(withoutUnchangedDefaults(data, filled, original)).toEqual({
      containers: { api: { image: 'a:1' } },
      concurrency: 8,
      endpoint: { visibility: 'public', host: 'x.dev' },
      ports: [{ n: 1, protocol: 'UDP' }, { n: 2 }],
    });
  });

  it('keeps a stored value equal to its default', () => {
    const stored = { concurrency: 4 };
    expect(
      withoutUnchangedDefaults({ concurrency: 4 }, { concurrency: 4 }, stored),
    ).toEqual({ concurrency: 4 });
  });
});
