import { describe, expect, it } from 'vitest';
import { issueLinks } from './issue-links';

const ctx = { orgId: 'acme', appId: 'shop', envId: 'staging' };

describe('issueLinks', () => {
  it('puts the logs first for a crash loop', () => {
    const links = issueLinks(
      {
        state: 'Failed',
        scope: 'workload',
        code: 'CrashLoopBackOff',
        message: 'm',
        workload_id: 'cart',
        container_id: 'cart',
        pod_name: 'p',
      },
      ctx,
    );
    expect(links).toEqual([
      {
        to: '/orgs/acme/apps/shop/envs/staging?workload=cart&container=cart',
        label: 'Show logs of cart',
      },
      {
        to: '/orgs/acme/apps/shop/envs/staging/workloads/cart',
        label: 'Open workload cart',
      },
      {
        to: '/orgs/acme/apps/shop/envs/staging/stream?only=cart%2Fcart&level=warn',
        label: 'Lines and events of cart',
      },
    ]);
  });

  it('puts the workload first for out of memory', () => {
    const links = issueLinks(
      {
        state: 'Failed',
        scope: 'workload',
        code: 'OOMKilled',
        message: 'm',
        workload_id: 'w',
        container_id: 'c',
      },
      ctx,
    );
    expect(links.map((l) => l.label)).toEqual([
      'Open workload w',
      'Show logs of c',
      'Lines and events of c',
    ]);
  });

  it('puts the app’s values first for a value the environment does not define or a secret that cannot be read', () => {
    for (const code of ['WL-VAL-001', 'WL-VAL-002']) {
      const links = issueLinks(
        {
          state: 'Failed',
          scope: 'workload',
          code,
          message: 'm',
          workload_id: 'w',
          deploy_id: 'd1',
        },
        ctx,
      );
      expect(links[0]).toEqual({
        to: '/orgs/acme/apps/shop/values',
        label: 'Open the app’s values',
      });
      expect(links.map((l) => l.label)).toContain('Open workload w');
    }
  });

  it('links a failed deployment to the diff against its base (in its own environment) and to itself', () => {
    const lastDeploy = {
      id: 'd2',
      status: 'failed' as const,
      comment: '',
      created_at: '',
      created_by: '',
      status_changed_at: '',
      from_id: 'd1',
      from_env_id: 'development',
    };
    const links = issueLinks(
      {
        state: 'Failed',
        scope: 'resource',
        code: 'RES-PROV-001',
        message: 'm',
        deploy_id: 'd2',
        resource_id: 'shared.db',
      },
      { ...ctx, lastDeploy },
    );
    expect(links).toEqual([
      {
        to: '/orgs/acme/apps/shop/diff?from=development/d1&to=staging/d2',
        label: 'Compare with the previous deployment',
      },
      {
        to: '/orgs/acme/apps/shop/envs/staging/deploys/d2',
        label: 'Open deployment d2',
      },
    ]);
  });

  it('links a failed resource to the definition that matched it and to "Which definition matches?"', () => {
    const links = issueLinks(
      {
        state: 'Failed',
        scope: 'resource',
        code: 'RES-PROV-001',
        message: 'm',
        deploy_id: 'd2',
        resource_id: 'shared.db',
        resource_type: 'postgres',
        resource_class: 'default',
        definition_id: 'pg-staging',
        driver_type: 'humanitec/postgres',
      },
      ctx,
    );
    expect(links.map((l) => l.label)).toEqual([
      'Open deployment d2',
      'Open definition pg-staging',
      'Which definition matches?',
    ]);
    expect(links[1].to).toBe('/orgs/acme/resources/definitions/pg-staging');
    expect(links[2].to).toBe(
      '/orgs/acme/resources/match?app=shop&env=staging&type=postgres&class=default&res=shared.db',
    );
  });

  it('offers "Which definition matches?" first when no definition matched', () => {
    const links = issueLinks(
      {
        state: 'Failed',
        scope: 'resource',
        code: 'RES-MATCH-001',
        message: 'm',
        deploy_id: 'd2',
        resource_id: 'modules.api.externals.cache',
        resource_type: 'redis',
        workload_id: 'api',
      },
      ctx,
    );
    expect(links[0].label).toBe('Which definition matches?');
    expect(links.map((l) => l.label)).not.toContain(
      expect.stringMatching(/^Open definition/),
    );
  });
});
