import { describe, expect, it } from 'vitest';
import { locateJson } from './json-locations';

const TEXT = `{
  "type": "object",
  "properties": {
    "image": { "type": "strin" },
    "a/b": [1, {"x": true}]
  }
}`;

describe('locateJson', () => {
  it('finds the property name of a pointer, on its line', () => {
    const locate = locateJson(TEXT)!;
    expect(locate('/properties/image/type')).toEqual({
      startLine: 4,
      startColumn: 16,
      endLine: 4,
      endColumn: 22,
    });
    expect(locate('/type')).toMatchObject({ startLine: 2, startColumn: 3 });
  });

  it('handles escaped segments, arrays and the root', () => {
    const locate = locateJson(TEXT)!;
    expect(locate('/properties/a~1b/1/x')).toMatchObject({
      startLine: 5,
      startColumn: 17,
    });
    expect(locate('/properties/a~1b/0')).toMatchObject({
      startLine: 5,
      startColumn: 13,
      endColumn: 14,
    });
    expect(locate('')).toMatchObject({
      startLine: 1,
      startColumn: 1,
      endLine: 7,
    });
  });

  it('falls back to the nearest written ancestor', () => {
    const locate = locateJson(TEXT)!;
    expect(locate('/properties/image/missing/deeper')).toEqual(
      locate('/properties/image'),
    );
  });

  it('returns null for text that is not JSON', () => {
    expect(locateJson('{"a": ')).toBeNull();
  });
});
