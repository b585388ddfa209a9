import { describe, expect, it } from 'vitest';
import type { NavigationIndex } from '@/api/navigation';
import { environmentHealth } from './environment-health';
import { createRanker } from './rank';
import {
  approvalItems,
  buildSearchItems,
  itemDetail,
  itemHref,
  pageItems,
} from './search-items';

const index: NavigationIndex = {
  org_id: 'acme',
  deploys_per_env: 5,
  profiles: ['humanitec/default-module'],
  apps: [
    {
      id: 'shop',
      name: 'Shop',
      envs: [
        {
          id: 'staging',
          name: 'Staging',
          type: 'staging',
          workloads: ['api', 'cart'],
          last_deploy: {
            id: '67f1619a57d',
            status: 'failed',
            created_at: '2026-01-01T00:00:00Z',
          },
        },
        { id: 'qa', name: 'QA', type: 'development', workloads: [] },
      ],
    },
  ],
  deployments: [
    {
      id: '67f1619a57d',
      app_id: 'shop',
      env_id: 'staging',
      comment: 'Bump cart',
      status: 'failed',
      created_at: '2026-01-01T00:00:00Z',
      created_by: 'dana',
    },
  ],
};

describe('buildSearchItems', () => {
  const items = buildSearchItems('acme', index);
  const byKey = new Map(items.map((i) => [i.key, i]));

  const href = (key: string) => itemHref('acme', byKey.get(key)!);

  it('has a real link for every navigable item', () => {
    expect(href('app:shop')).toBe('/orgs/acme/apps/shop');
    expect(href('env:shop/staging')).toBe('/orgs/acme/apps/shop/envs/staging');
    expect(href('workload:shop/staging/cart')).toBe(
      '/orgs/acme/apps/shop/envs/staging/workloads/cart',
    );
    expect(href('deployment:shop/staging/67f1619a57d')).toBe(
      '/orgs/acme/apps/shop/envs/staging/deploys/67f1619a57d',
    );
    expect(href('page:settings')).toBe('/orgs/acme/settings');
    expect(href('profile:humanitec/default-module')).toBe(
      '/orgs/acme/workload-profiles/humanitec%2Fdefault-module',
    );
    expect(
      items
        .filter((i) => i.kind !== 'action')
        .every((i) => itemHref('acme', i)?.startsWith('/')),
    ).toBe(true);
  });

  it('says where an item lives', () => {
    expect(itemDetail(byKey.get('env:shop/staging')!)).toBe('Shop');
    expect(itemDetail(byKey.get('workload:shop/staging/cart')!)).toBe(
      'Shop · Staging',
    );
    expect(itemDetail(byKey.get('deployment:shop/staging/67f1619a57d')!)).toBe(
      '67f1619a · shop · staging',
    );
  });

  it('searches deployments by id and comment, with their status', () => {
    const d = byKey.get('deployment:shop/staging/67f1619a57d')!;
    expect(d.text).toContain('67f1619a57d');
    expect(d.text).toContain('bump cart');
    expect(d.status).toEqual({ tone: 'failure', label: 'Failed' });
  });

  it('offers the four task actions', () => {
    expect(
      items.filter((i) => i.kind === 'action').map((i) => i.label),
    ).toEqual(
      expect.arrayContaining([
        'Deploy…',
        'Compare deployments…',
        'Clone to…',
        'Create environment',
      ]),
    );
  });
});

describe('environmentHealth', () => {
  it('follows the last deployment, and says when there was none', () => {
    expect(environmentHealth({ last_deploy: { status: 'succeeded' } })).toEqual(
      { tone: 'success', label: 'Succeeded' },
    );
    expect(
      environmentHealth({ last_deploy: { status: 'in progress' } }).tone,
    ).toBe('progress');
    expect(environmentHealth({})).toEqual({
      tone: 'unknown',
      label: 'Never deployed',
    });
  });
});

describe('pageItems', () => {
  it("gives each page the sidebar's icon, the settings and their sections the gear", () => {
    const icons = Object.fromEntries(
      pageItems('acme', true).map((item) => [item.label, item.icon]),
    );
    expect(icons).toMatchObject({
      Applications: 'apps',
      'Workload profiles': 'profiles',
      Pipelines: 'pipelines',
      Artefacts: 'artefacts',
      'Resource definitions': 'resources',
      'Which definition matches?': 'resources',
      Agents: 'agents',
      Fleet: 'fleet',
      'Team performance': 'metrics',
      'Audit log': 'audit',
      'Organisation settings': 'settings',
      'API tokens': 'settings',
      'Environment types': 'settings',
    });
  });
});

describe('approvalItems', () => {
  const rows = [
    {
      app_id: 'shop',
      app_name: 'Shop',
      env_id: 'staging',
      env_name: 'Staging',
      env_type: 'staging',
      summary:
        'A run of Deploy, test and promote to staging waits for your approval to deploy to shop / staging.',
      since: '2026-01-01T00:00:00Z',
      approval: {
        id: 'a1',
        pipeline_id: 'promote-to-staging',
        pipeline_name: 'Deploy, test and promote to staging',
        run_id: '0123456789abcdef',
        job_id: 'promote-staging',
        message: 'Promote?',
      },
    },
    {
      app_id: 'shop',
      app_name: 'Shop',
      env_id: 'development',
      env_name: 'Development',
      env_type: 'development',
      state: 'Failed' as const,
      summary: 'Broken.',
    },
  ];

  it('makes a row of each waiting approval (not of the environments), leading to its run', () => {
    const items = approvalItems('acme', rows);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'approval',
      label: 'Deploy to shop / staging',
      detail: 'Run 01234567 of Deploy, test and promote to staging',
      status: { tone: 'progress', label: 'Approval needed' },
    });
    expect(itemHref('acme', items[0])).toBe(
      '/orgs/acme/apps/shop/pipelines/promote-to-staging/runs/0123456789abcdef',
    );
  });

  it('is found by "approval", by the app and environment, and by the pipeline, in a group of its own first', () => {
    const items = [
      ...buildSearchItems('acme', index),
      ...approvalItems('acme', rows),
    ];
    const rank = createRanker();
    for (const query of ['approval', 'approve', 'shop staging', 'promote'])
      expect(
        rank(items, query)
          .find((g) => g.id === 'approval')
          ?.items.map((i) => i.label),
        query,
      ).toEqual(['Deploy to shop / staging']);
    expect(rank(items, 'approval')[0].label).toBe('Waiting for your approval');
  });

  it('finds the GitOps setup by sync and drift, and the pipelines by canary', () => {
    const items = buildSearchItems('acme', index);
    const rank = createRanker();
    const labels = (query: string) =>
      rank(items, query).flatMap((g) => g.items.map((i) => i.label));
    expect(labels('sync')).toContain('Operator and GitOps setup');
    expect(labels('drift')).toContain('Operator and GitOps setup');
    expect(labels('canary')).toContain('Pipelines');
  });
});
