import { describe, expect, it } from 'vitest';
import { readView, writeView } from '@/lib/diff/view-options';
import { parseRef, readableQuery } from './diff-params';

describe('diff URL params', () => {
  it('reads `env/deploy` refs and refuses anything else', () => {
    expect(parseRef('production/3f2a')).toEqual({
      envId: 'production',
      deployId: '3f2a',
    });
    for (const bad of [null, '', 'production', '/3f2a', 'production/'])
      expect(parseRef(bad)).toBeNull();
  });

  it('round-trips the view options and leaves defaults out of the URL', () => {
    const params = new URLSearchParams('from=a/1&to=b/2');
    expect(readView(params)).toEqual({
      layout: 'unified',
      context: 'compact',
      changedOnly: true,
      query: '',
    });
    const written = writeView(params, {
      layout: 'split',
      context: 'full',
      changedOnly: false,
      query: 'api',
    });
    expect(written.toString()).toBe(
      'from=a%2F1&to=b%2F2&layout=split&context=full&all=1&q=api',
    );
    expect(readView(written)).toEqual({
      layout: 'split',
      context: 'full',
      changedOnly: false,
      query: 'api',
    });
    expect(writeView(written, readView(params)).toString()).toBe(
      'from=a%2F1&to=b%2F2',
    );
    expect(readableQuery(written)).toBe(
      'from=a/1&to=b/2&layout=split&context=full&all=1&q=api',
    );
    expect(
      readView(
        new URLSearchParams(
          readableQuery(
            writeView(params, { ...readView(params), query: 'a/b %2F' }),
          ),
        ),
      ),
    ).toMatchObject({ query: 'a/b %2F' });
  });
});
