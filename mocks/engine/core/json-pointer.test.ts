import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from './errors';
import {
  applyPatchOps,
  escapePointerToken,
  formatPointer,
  isPointerWithin,
  parsePointer,
} from './json-pointer';
import type { JsonObject, PatchOp } from './model/spec';

describe('JSON pointer tokens', () => {
  it.each([
    ['a/b', 'a~1b'],
    ['x~y', 'x~0y'],
    ['~1', '~01'],
    ['/', '~1'],
    ['', ''],
  ])('escapes %j as %j', (token, escaped) => {
    expect(escapePointerToken(token)).toBe(escaped);
    expect(parsePointer(`/${escaped}`)).toEqual([token]);
  });

  it('round-trips any token list (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 5 }),
        (tokens) => {
          expect(parsePointer(formatPointer(tokens))).toEqual(tokens);
        },
      ),
    );
  });

  it.each(['a/b', '/a~2', '/~'])('rejects the malformed pointer %j', (path) => {
    expect(parsePointer(path)).toBeUndefined();
  });

  it('knows ancestors', () => {
    expect(isPointerWithin(['a', 'b'], ['a'])).toBe(true);
    expect(isPointerWithin(['a'], ['a'])).toBe(true);
    expect(isPointerWithin(['a'], ['a', 'b'])).toBe(false);
    expect(isPointerWithin(['ab'], ['a'])).toBe(false);
  });
});

describe('applyPatchOps', () => {
  const doc: JsonObject = {
    a: { b: 1 },
    list: ['x', 'y'],
    'k/l': { '~': true },
  };
  const target = { subject: 'Doc' };

  it.each<[string, PatchOp[], JsonObject]>([
    [
      'add a key',
      [{ op: 'add', path: '/a/c', value: 2 }],
      { a: { b: 1, c: 2 } },
    ],
    [
      'add replaces an existing key',
      [{ op: 'add', path: '/a/b', value: 5 }],
      { a: { b: 5 } },
    ],
    [
      'replace a key',
      [{ op: 'replace', path: '/a/b', value: [1] }],
      { a: { b: [1] } },
    ],
    ['remove a key', [{ op: 'remove', path: '/a/b' }], { a: {} }],
    [
      'insert into an array',
      [{ op: 'add', path: '/list/0', value: 'w' }],
      { list: ['w', 'x', 'y'] },
    ],
    [
      'insert at the end index',
      [{ op: 'add', path: '/list/2', value: 'z' }],
      { list: ['x', 'y', 'z'] },
    ],
    [
      'append with -',
      [{ op: 'add', path: '/list/-', value: 'z' }],
      { list: ['x', 'y', 'z'] },
    ],
    [
      'replace an element',
      [{ op: 'replace', path: '/list/1', value: 'Y' }],
      { list: ['x', 'Y'] },
    ],
    ['remove an element', [{ op: 'remove', path: '/list/0' }], { list: ['y'] }],
    [
      'escaped tokens',
      [{ op: 'replace', path: '/k~1l/~0', value: false }],
      { 'k/l': { '~': false } },
    ],
    [
      'a delta-scoped remove is a no-op',
      [{ op: 'remove', path: '/nope', value: { scope: 'delta' } }],
      {},
    ],
  ])('%s', (_name, ops, expected) => {
    for (const share of [false, true]) {
      const before = JSON.stringify(doc);
      expect(applyPatchOps(doc, ops, target, { share })).toEqual({
        ...doc,
        ...expected,
      });
      expect(JSON.stringify(doc)).toBe(before);
    }
  });

  it("with share, copies only what lies on the ops' paths", () => {
    const source: JsonObject = {
      a: { b: { c: 1 }, big: { x: [1, 2] } },
      list: [{ n: 1 }, { n: 2 }],
      other: { y: true },
    };
    const before = JSON.stringify(source);
    const out = applyPatchOps(
      source,
      [
        { op: 'replace', path: '/a/b/c', value: 2 },
        { op: 'add', path: '/a/b/d', value: 3 },
        { op: 'replace', path: '/list/1/n', value: 3 },
      ],
      target,
      { share: true },
    );
    expect(out).toEqual({
      a: { b: { c: 2, d: 3 }, big: { x: [1, 2] } },
      list: [{ n: 1 }, { n: 3 }],
      other: { y: true },
    });
    expect(JSON.stringify(source)).toBe(before);
    const a = out.a as JsonObject;
    const list = out.list as JsonObject[];
    const sourceA = source.a as JsonObject;
    const sourceList = source.list as JsonObject[];
    // Untouched parts are the source's own; the touched path is new.
    expect(out.other).toBe(source.other);
    expect(a.big).toBe(sourceA.big);
    expect(list[0]).toBe(sourceList[0]);
    expect(a).not.toBe(sourceA);
    expect(a.b).not.toBe(sourceA.b);
    expect(list).not.toBe(sourceList);
    expect(list[1]).not.toBe(sourceList[1]);
  });

  it('with share, a key added or removed below the root gives a new node in the same order, later ops landing on it', () => {
    // Such a node is rebuilt instead of changed with `delete` (which leaves V8 a slow dictionary object).
    const vars: JsonObject = Object.fromEntries(
      Array.from({ length: 24 }, (_, i) => [`K${i}`, `v${i}`]),
    );
    const source: JsonObject = { spec: { vars, keep: { k: 1 } } };
    const before = JSON.stringify(source);
    const out = applyPatchOps(
      source,
      [
        { op: 'remove', path: '/spec/vars/K3' },
        { op: 'add', path: '/spec/vars/__proto__', value: { p: 1 } },
        { op: 'replace', path: '/spec/vars/K4', value: 'four' },
        { op: 'add', path: '/spec/vars/NEW', value: 'new' },
        { op: 'remove', path: '/spec/vars/K5' },
        { op: 'add', path: '/spec/vars/K6', value: 'six' },
        { op: 'add', path: '/spec/vars/__proto__/q', value: 2 },
      ],
      target,
      { share: true },
    );
    expect(JSON.stringify(source)).toBe(before);
    const spec = out.spec as JsonObject;
    const result = spec.vars as JsonObject;
    expect(spec.keep).toBe((source.spec as JsonObject).keep);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.keys(result)).toEqual([
      ...Object.keys(vars).filter((k) => k !== 'K3' && k !== 'K5'),
      '__proto__',
      'NEW',
    ]);
    expect(result.__proto__).toEqual({ p: 1, q: 2 });
    expect([result.K4, result.K6, result.NEW]).toEqual(['four', 'six', 'new']);
  });

  it("with ownValues, puts the ops' values in place as they are, and still never changes one a later op goes beneath (share)", () => {
    const value: JsonObject = { x: 1 };
    const ops: PatchOp[] = [
      { op: 'add', path: '/v', value },
      { op: 'add', path: '/v/y', value: 2 },
    ];
    const shared = applyPatchOps({}, ops, target, {
      share: true,
      ownValues: true,
    });
    expect(shared).toEqual({ v: { x: 1, y: 2 } });
    expect(value).toEqual({ x: 1 });
    const placed = applyPatchOps({}, [ops[0]], target, { ownValues: true });
    expect(placed.v).toBe(value);
    expect(applyPatchOps({}, [ops[0]], target).v).not.toBe(value);
  });

  it('sets __proto__ as an own key, never as the prototype', () => {
    const out = applyPatchOps(
      {},
      [{ op: 'add', path: '/__proto__', value: { polluted: true } }],
      target,
    );
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    // Copying a node that holds such a key (share) keeps it a key.
    const shared = applyPatchOps(
      out,
      [{ op: 'add', path: '/__proto__/more', value: 1 }],
      target,
      { share: true },
    );
    expect(Object.hasOwn(shared, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(shared)).toBe(Object.prototype);
    expect(shared.__proto__).toEqual({ polluted: true, more: 1 });
    expect(out.__proto__).toEqual({ polluted: true });
  });

  it.each<[string, PatchOp, string]>([
    [
      'replace of a missing key',
      { op: 'replace', path: '/a/zz', value: 1 },
      'Doc: cannot replace `/a/zz`: the path does not exist.',
    ],
    [
      'remove of a missing key',
      { op: 'remove', path: '/zz' },
      'Doc: cannot remove `/zz`: the path does not exist.',
    ],
    [
      'a missing parent',
      { op: 'add', path: '/q/r', value: 1 },
      'Doc: cannot add `/q/r`: `/q` does not exist.',
    ],
    [
      'a non-index token on an array',
      { op: 'add', path: '/list/x', value: 1 },
      '`x` is not an array index',
    ],
    [
      'a leading zero index',
      { op: 'replace', path: '/list/01', value: 1 },
      '`01` is not an array index',
    ],
    [
      'remove past the end',
      { op: 'remove', path: '/list/2' },
      'index 2 is out of range (the array has 2 items)',
    ],
    [
      'the root path',
      { op: 'replace', path: '', value: {} },
      'the whole document cannot be patched',
    ],
    [
      'add without a value',
      { op: 'add', path: '/a/c' },
      'the op needs a `value`',
    ],
  ])('rejects %s', (_name, op, message) => {
    for (const share of [false, true]) {
      let error: unknown;
      try {
        applyPatchOps(
          doc,
          [op],
          { subject: 'Doc', details: { workload: 'w' } },
          { share },
        );
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).code).toBe('invalid');
      expect((error as EngineError).message).toContain(message);
      expect((error as EngineError).details).toEqual({
        workload: 'w',
        path: op.path,
      });
    }
  });
});
