import { describe, expect, it } from 'vitest';
import { parseScoreText, ScoreTextError } from './parse';
import { scoreResources } from './resources';

describe('the Score page helpers', () => {
  it('lists the private resources, then the shared ones, with their ids in the set and default classes', () => {
    expect(
      scoreResources(
        {
          modules: {
            web: {
              externals: {
                db: { type: 'postgres', class: 'sensitive' },
                cache: { type: 'redis' },
              },
            },
          },
          shared: { dns: { type: 'dns', class: 'default' } },
        },
        'web',
      ),
    ).toEqual([
      { resId: 'modules.web.externals.cache', type: 'redis', class: 'default' },
      {
        resId: 'modules.web.externals.db',
        type: 'postgres',
        class: 'sensitive',
      },
      { resId: 'shared.dns', type: 'dns', class: 'default' },
    ]);
  });

  it('reads YAML mappings and says where broken YAML breaks', () => {
    expect(
      parseScoreText('apiVersion: score.dev/v1b1\n', 'Score file'),
    ).toEqual({
      apiVersion: 'score.dev/v1b1',
    });
    expect(() => parseScoreText('a: [1,\nb', 'Score file')).toThrow(
      /^The Score file is not valid YAML \(line \d+, column \d+\)/,
    );
    // The position once, and no colon left over from the excerpt yaml puts after it.
    expect(() =>
      parseScoreText('containers:\n  web: a: b\n', 'Score file'),
    ).toThrow(
      /^The Score file is not valid YAML \(line 2, column 8\): [A-Z][^:]*\.$/,
    );
    expect(() => parseScoreText('- a\n- b\n', 'extensions file')).toThrow(
      ScoreTextError,
    );
  });
});
