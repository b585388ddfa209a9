import { describe, expect, it } from 'vitest';
import { diffExports, diffExportsCached, splitExport } from './export-diff';

const doc = (kind: string, name: string, body = '', namespace?: string) =>
  [
    'apiVersion: humanitec.io/v1alpha1',
    `kind: ${kind}`,
    'metadata:',
    '  labels:',
    '    app.humanitec.io/name: "not-the-name"',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    `  name: nested-not-metadata`,
    body,
  ]
    .filter((l) => l !== '')
    .join('\n');

const stream = (...docs: string[]) => docs.map((d) => `---\n${d}\n`).join('');

describe('splitExport', () => {
  it('reads each document’s kind, name and namespace, not names nested elsewhere', () => {
    const docs = splitExport(
      stream(
        doc('Namespace', 'shop-preview'),
        doc('Workload', 'api', '  replicas: 1', 'shop-preview'),
      ),
    );
    expect(docs.map((d) => [d.key, d.kind, d.name, d.namespace])).toEqual([
      ['Namespace//shop-preview', 'Namespace', 'shop-preview', undefined],
      ['Workload/shop-preview/api', 'Workload', 'api', 'shop-preview'],
    ]);
    expect(docs[1]?.text).toContain('replicas: 1');
    expect(docs[1]?.text.startsWith('apiVersion')).toBe(true);
  });

  it('skips empty and comment-only documents, reads quoted names and keeps repeated identities apart', () => {
    const docs = splitExport(
      [
        '# generated',
        '---',
        'kind: Resource',
        'metadata:',
        '  name: "db" # the database',
        '---',
        '',
        '---',
        'kind: Resource',
        'metadata:',
        "  name: 'db'",
        '...',
      ].join('\n'),
    );
    expect(docs.map((d) => d.key)).toEqual(['Resource//db', 'Resource//db#2']);
  });

  it('names a document without kind or name by its place', () => {
    const [only] = splitExport('foo: bar\n');
    expect(only?.kind).toBe('Object');
    expect(only?.name).toBe('document 1');
  });
});

describe('diffExports', () => {
  const a = doc('Workload', 'api', '  replicas: 1');
  const b = doc('Workload', 'cart', '  replicas: 1');
  const c = doc('Resource', 'db', '  type: postgres');

  it('finds added, removed and changed objects and counts the unchanged', () => {
    const before = stream(a, b, c);
    const after = stream(
      doc('Workload', 'api', '  replicas: 3'),
      c,
      doc('Workload', 'web'),
    );
    const diff = diffExports(before, after);
    expect(diff.counts).toEqual({
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 1,
    });
    expect(diff.total).toBe(3);
    expect(diff.entries.map((e) => [e.change, e.kind, e.name])).toEqual([
      ['changed', 'Workload', 'api'],
      ['added', 'Workload', 'web'],
      ['removed', 'Workload', 'cart'],
    ]);
    const changed = diff.entries[0];
    expect(changed?.before).toContain('replicas: 1');
    expect(changed?.after).toContain('replicas: 3');
  });

  it('treats every object of a first export as added', () => {
    const diff = diffExports(undefined, stream(a, c));
    expect(diff.counts.added).toBe(2);
    expect(diff.entries.every((e) => e.change === 'added')).toBe(true);
  });

  it('finds no change between the same export written twice, whatever the trailing whitespace', () => {
    const diff = diffExports(stream(a, b), `${stream(a, b)}\n\n`);
    expect(diff.entries).toEqual([]);
    expect(diff.counts.unchanged).toBe(2);
  });

  it('does not count the labels and annotations naming the deployment and set as a change', () => {
    const stamped = (deploy: string, replicas: number) =>
      [
        '---',
        'apiVersion: humanitec.io/v1alpha1',
        'kind: Workload',
        'metadata:',
        '  annotations:',
        `    humanitec.io/deployment-id: ${deploy}`,
        `    humanitec.io/set-id: set-${deploy}`,
        '  labels:',
        '    humanitec.io/app: shop',
        `    humanitec.io/deployment: ${deploy}`,
        `    humanitec.io/set: set-${deploy}`,
        '  name: api',
        'spec:',
        `  replicas: ${replicas}`,
      ].join('\n');
    expect(diffExports(stamped('a1', 1), stamped('b2', 1)).counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 1,
    });
    const [changed] = diffExports(stamped('a1', 1), stamped('b2', 2)).entries;
    expect(changed?.change).toBe('changed');
    // The text shown keeps the stamps.
    expect(changed?.after).toContain('humanitec.io/deployment: b2');
  });

  it('compares two 500-workload exports, finding the 40 changed objects among 2,000', () => {
    const big = (replicas: (i: number) => number) =>
      stream(
        ...Array.from({ length: 2000 }, (_, i) =>
          doc(
            ['Workload', 'Resource', 'SecretMapping', 'ResourceDefinition'][
              i % 4
            ]!,
            `object-${i}`,
            `  replicas: ${replicas(i)}\n  image: registry.acme.dev/shop/api:${i}\n  env:\n    A: "1"\n    B: "2"`,
          ),
        ),
      );
    const before = big(() => 1);
    const after = big((i) => (i % 50 === 0 ? 2 : 1));
    const diff = diffExports(before, after);
    expect(diff.counts.changed).toBe(40);
    // Its speed is a budget of `npm run bench` (the gitops part), not of a test: a timed test fails on a busy machine.
  });
});

describe('diffExportsCached', () => {
  it('answers the same comparison again without computing it, and a new pair anew', () => {
    const before = stream(doc('Workload', 'api', '  image: a:1'));
    const after = stream(doc('Workload', 'api', '  image: a:2'));
    const first = diffExportsCached(before, after);
    expect(first.counts.changed).toBe(1);
    expect(diffExportsCached(before, after)).toBe(first);
    const other = diffExportsCached(after, after);
    expect(other).not.toBe(first);
    expect(other.counts).toMatchObject({ changed: 0, unchanged: 1 });
    expect(diffExportsCached(undefined, after).counts.added).toBe(1);
  });
});
