import { describe, expect, it } from 'vitest';
import {
  entryItem,
  parseEntries,
  pushRecent,
  togglePin,
  type NavEntry,
} from './nav-entries';

const entry = (key: string): NavEntry => ({
  key,
  kind: 'app',
  label: key,
  to: `/orgs/acme/apps/${key}`,
});

describe('pushRecent', () => {
  it('puts the entry first, drops its older copy and keeps at most max', () => {
    let list: NavEntry[] = [];
    for (const key of ['a', 'b', 'c', 'b'])
      list = pushRecent(list, entry(key), 3);
    expect(list.map((e) => e.key)).toEqual(['b', 'c', 'a']);
    list = pushRecent(list, entry('d'), 3);
    expect(list.map((e) => e.key)).toEqual(['d', 'b', 'c']);
  });
});

describe('togglePin', () => {
  it('pins at the end and unpins when pinned', () => {
    let pins = togglePin([], entry('a'));
    pins = togglePin(pins, entry('b'));
    expect(pins.map((e) => e.key)).toEqual(['a', 'b']);
    expect(togglePin(pins, entry('a')).map((e) => e.key)).toEqual(['b']);
  });
});

describe('parseEntries', () => {
  it('keeps only well-formed entries with in-app links', () => {
    const stored = [
      entry('a'),
      { key: 'x' },
      null,
      { ...entry('b'), to: 'https://evil.example' },
    ];
    expect(parseEntries(stored).map((e) => e.key)).toEqual(['a']);
    expect(parseEntries('nope')).toEqual([]);
  });
});

describe('entryItem', () => {
  it('prefers the live item and falls back to the stored entry', () => {
    const live = new Map([
      [
        'a',
        {
          key: 'a',
          kind: 'app' as const,
          label: 'Fresh',
          text: 'fresh',
          to: '/x',
        },
      ],
    ]);
    expect(entryItem(entry('a'), live).label).toBe('Fresh');
    expect(entryItem(entry('b'), live)).toMatchObject({
      label: 'b',
      text: 'b',
      to: '/orgs/acme/apps/b',
    });
  });
});
