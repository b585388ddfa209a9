import { describe, expect, it } from 'vitest';
import { createRanker, rankItems, topK } from './rank';
import type { ItemKind, SearchItem } from './search-items';

const item = (kind: ItemKind, label: string, extra = ''): SearchItem => ({
  key: `${kind}:${label}`,
  kind,
  label,
  text: `${label} ${extra}`.toLowerCase().trim(),
  to: `/${label}`,
});

const items: SearchItem[] = [
  item('app', 'payments'),
  item('app', 'shop'),
  item('env', 'production', 'shop'),
  item('env', 'staging', 'payments'),
  item('deployment', 'Release 1.2.0', 'payments staging 67f1619a57d'),
  item('action', 'Deploy…', 'deploy'),
  item('page', 'Organisation settings'),
];

const labels = (groups: ReturnType<typeof rankItems>['groups']) =>
  groups.map((g) => `${g.id}: ${g.items.map((i) => i.label).join(', ')}`);

describe('rankItems', () => {
  it('browses pinned, recent, actions, pages and apps for the empty query', () => {
    const { groups } = rankItems(items, '', {
      recent: [items[3]],
      pinned: [items[1]],
    });
    expect(labels(groups)).toEqual([
      'pinned: shop',
      'recent: staging',
      'action: Deploy…',
      'page: Organisation settings',
      'app: payments, shop',
    ]);
  });

  it('groups matches by kind, best group first, best item first', () => {
    const { groups } = rankItems(items, 'pay');
    expect(groups[0]).toMatchObject({ id: 'app', total: 1 });
    expect(labels(groups)).toEqual([
      'app: payments',
      'env: staging',
      'deployment: Release 1.2.0',
    ]);
  });

  it('puts what is named exactly the query before pages that start with it', () => {
    const workload: SearchItem = {
      ...item('workload', 'api', 'shop development'),
      primary: 3,
    };
    const { groups } = rankItems(
      [
        item('page', 'API connection', 'base url token sign in'),
        item('page', 'Agents', 'private cluster api key'),
        workload,
      ],
      'api',
    );
    expect(labels(groups)[0]).toBe('workload: api');
  });

  it('with more words, ranks what they name together over a workload named one of them', () => {
    const workload: SearchItem = {
      ...item('workload', 'api', 'billing-api production'),
      primary: 3,
    };
    const env: SearchItem = {
      ...item('env', 'production', 'billing api billing-api'),
      primary: 'production'.length,
    };
    const { groups } = rankItems([workload, env], 'billing api prod');
    expect(labels(groups)[0]).toBe('env: production');
  });

  it('ranks what the query names above what merely lives there', () => {
    const envOfPayments: SearchItem = {
      ...item('env', 'staging', 'payments'),
      primary: 'staging'.length,
    };
    const workloadOfPayments: SearchItem = {
      ...item('workload', 'api', 'payments staging'),
      primary: 3,
    };
    const named: SearchItem = {
      ...item('workload', 'payment-worker', 'shop staging'),
      primary: 14,
    };
    const groups = rankItems(
      [workloadOfPayments, envOfPayments, named],
      'pay',
    ).groups;
    expect(labels(groups)).toEqual([
      'workload: payment-worker, api',
      'env: staging',
    ]);
    expect(
      labels(rankItems([workloadOfPayments, envOfPayments], 'pay').groups),
    ).toEqual(['env: staging', 'workload: api']);
  });

  it('finds a deployment by id and by comment', () => {
    expect(labels(rankItems(items, '67f16').groups)).toEqual([
      'deployment: Release 1.2.0',
    ]);
    expect(labels(rankItems(items, 'release').groups)).toEqual([
      'deployment: Release 1.2.0',
    ]);
  });

  it('puts matching recent and pinned items first, without repeating them', () => {
    const { groups } = rankItems(items, 'pay', {
      recent: [items[3]],
      pinned: [items[4]],
    });
    expect(labels(groups)).toEqual([
      'pinned: Release 1.2.0',
      'recent: staging',
      'app: payments',
    ]);
  });

  it('matches multi-word queries across label and context', () => {
    expect(labels(rankItems(items, 'shop prod').groups)).toEqual([
      'env: production',
    ]);
    expect(rankItems(items, 'shop zzz').groups).toEqual([]);
  });

  it('caps each group and reports the total', () => {
    const many = Array.from({ length: 30 }, (_, i) => item('app', `api-${i}`));
    const [apps] = rankItems(many, 'api', { limit: 5 }).groups;
    expect(apps.items).toHaveLength(5);
    expect(apps.total).toBe(30);
  });
});

describe('topK', () => {
  it('returns the k best indices, best first, ties in list order', () => {
    const scores = Float64Array.from([5, 9, 1, 9, 7, 3]);
    expect(topK([0, 1, 2, 3, 4, 5], scores, 3)).toEqual([1, 3, 4]);
    expect(topK([2, 5, 0], scores, 10)).toEqual([0, 5, 2]);
    const big = Float64Array.from(
      { length: 1000 },
      (_, i) => (i * 7919) % 1000,
    );
    const all = [...big.keys()];
    expect(topK(all, big, 20)).toEqual(
      [...all].sort((a, b) => big[b] - big[a] || a - b).slice(0, 20),
    );
  });
});

describe('createRanker', () => {
  it('gives the same result when refining a query as from scratch', () => {
    const rank = createRanker();
    const steps = [
      'p',
      'pa',
      'pay',
      'paym',
      'pa',
      's',
      'sh',
      'shop',
      'shop ',
      'shop p',
    ];
    for (const q of steps)
      expect(labels(rank(items, q))).toEqual(
        labels(rankItems(items, q).groups),
      );
  });

  it('starts over when the items change', () => {
    const rank = createRanker();
    rank(items, 'shop');
    const more = [...items, item('app', 'shopfront')];
    expect(labels(rank(more, 'shopf'))).toEqual(['app: shopfront']);
  });
});
