import { describe, expect, it } from 'vitest';
import { diffJson } from './json-patch';

describe('diffJson', () => {
  it('adds, removes and replaces, key by key, under a base path', () => {
    const before = {
      containers: { api: { image: 'a:1', variables: { A: '1', B: '2' } } },
      replicas: 2,
    };
    const after = {
      containers: { api: { image: 'a:2', variables: { A: '1', 'C/D': '3' } } },
      service: { ports: { http: { port: 80 } } },
    };
    expect(diffJson(before, after, '/spec')).toEqual([
      { op: 'remove', path: '/spec/replicas' },
      { op: 'replace', path: '/spec/containers/api/image', value: 'a:2' },
      { op: 'remove', path: '/spec/containers/api/variables/B' },
      { op: 'add', path: '/spec/containers/api/variables/C~1D', value: '3' },
      {
        op: 'add',
        path: '/spec/service',
        value: { ports: { http: { port: 80 } } },
      },
    ]);
  });

  it('replaces lists whole and ignores empty containers the form created', () => {
    expect(
      diffJson(
        { args: ['a'] },
        { args: ['a', 'b'], labels: {}, nested: { x: [] } },
      ),
    ).toEqual([{ op: 'replace', path: '/args', value: ['a', 'b'] }]);
    expect(diffJson({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('adds an empty value the user made (keepEmpty), however deep', () => {
    const keep = (path: string) =>
      ['/spec/containers/worker', '/spec/containers'].includes(path);
    expect(
      diffJson(
        { containers: { api: { image: 'a' } } },
        { containers: { api: { image: 'a' }, worker: {} }, labels: {} },
        '/spec',
        keep,
      ),
    ).toEqual([{ op: 'add', path: '/spec/containers/worker', value: {} }]);
    expect(diffJson({}, { containers: { worker: {} } }, '/spec', keep)).toEqual(
      [{ op: 'add', path: '/spec/containers', value: { worker: {} } }],
    );
  });
});
