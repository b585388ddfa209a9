import { describe, expect, it } from 'vitest';
import {
  MASKED_SECRET,
  parseDotenv,
  resolveValueReferences,
  valueChanges,
} from './values';

const plain = (key: string, value: string) => ({
  key,
  value,
  is_secret: false,
  secret_version: null,
});
const secret = (key: string, version: string) => ({
  key,
  value: '',
  is_secret: true,
  secret_version: version,
});

describe('valueChanges', () => {
  it('lists added, removed and changed keys; a secret only as changed', () => {
    const changes = valueChanges(
      {
        A: plain('A', '1'),
        B: plain('B', '2'),
        S: secret('S', '1'),
        T: secret('T', '4'),
      },
      {
        A: plain('A', '10'),
        C: plain('C', '3'),
        S: secret('S', '2'),
        T: secret('T', '4'),
      },
    );
    expect(changes.map((c) => [c.label, c.kind, c.from, c.to])).toEqual([
      ['A', 'changed', '1', '10'],
      ['B', 'removed', '2', undefined],
      ['C', 'added', undefined, '3'],
      ['S', 'changed', MASKED_SECRET, `${MASKED_SECRET}, changed`],
    ]);
  });
});

describe('parseDotenv', () => {
  it('reads KEY=value lines, quotes, export and comments; names bad lines without their value', () => {
    const { entries, problems } = parseDotenv(
      [
        '# a comment',
        'export API_URL=https://api.example # trailing',
        'GREETING="hello world"',
        "QUOTED='a#b'",
        'not a line with s3cret',
        'bad key=x',
        '',
        'API_URL=override',
      ].join('\n'),
    );
    expect(entries).toEqual([
      { key: 'API_URL', value: 'override' },
      { key: 'GREETING', value: 'hello world' },
      { key: 'QUOTED', value: 'a#b' },
    ]);
    expect(problems.map((p) => p.line)).toEqual([5, 6]);
    expect(JSON.stringify(problems)).not.toContain('s3cret');
  });
});

describe('resolveValueReferences', () => {
  it('fills in values, masks secrets and keeps unknown references', () => {
    expect(
      resolveValueReferences('${values.A}/${values.S}/${values.X}', {
        A: plain('A', 'one'),
        S: secret('S', '1'),
      }),
    ).toEqual({ text: `one/${MASKED_SECRET}/\${values.X}`, used: ['A', 'S'] });
  });
});
