import { describe, expect, it } from 'vitest';
import { currentPlace } from './current-place';

const names = {
  app: (id: string) => (id === 'shop' ? 'Shop' : undefined),
  env: () => 'Staging',
};

describe('currentPlace', () => {
  it('names the deepest place of the URL with keys the palette uses', () => {
    const base = { orgId: 'acme', appId: 'shop', envId: 'staging' };
    expect(
      currentPlace(
        { orgId: 'acme', appId: 'shop' },
        '/orgs/acme/apps/shop',
        names,
      ),
    ).toEqual({
      key: 'app:shop',
      kind: 'app',
      label: 'Shop',
      to: '/orgs/acme/apps/shop',
    });
    expect(currentPlace(base, '', names)).toMatchObject({
      key: 'env:shop/staging',
      label: 'Staging',
      detail: 'Shop',
    });
    expect(
      currentPlace({ ...base, deployId: '67f1619a57d' }, '', names),
    ).toMatchObject({
      key: 'deployment:shop/staging/67f1619a57d',
      label: 'Deployment 67f1619a',
      to: '/orgs/acme/apps/shop/envs/staging/deploys/67f1619a57d',
    });
    expect(
      currentPlace({ ...base, workloadId: 'api' }, '', names),
    ).toMatchObject({
      key: 'workload:shop/staging/api',
      detail: 'Shop · Staging',
    });
  });

  it('knows the settings and profiles pages, and nothing else without an app', () => {
    expect(currentPlace({ orgId: 'acme' }, '/orgs/acme/settings')?.key).toBe(
      'page:settings',
    );
    expect(
      currentPlace({ orgId: 'acme' }, '/orgs/acme/workload-profiles')?.key,
    ).toBe('page:profiles');
    expect(currentPlace({ orgId: 'acme' }, '/orgs/acme/apps')).toBeUndefined();
    expect(
      currentPlace({ orgId: 'acme', profileId: 'acme/web-service' }, ''),
    ).toMatchObject({
      key: 'profile:acme/web-service',
      to: '/orgs/acme/workload-profiles/acme%2Fweb-service',
    });
    expect(currentPlace({}, '/')).toBeUndefined();
  });

  it('falls back to ids when names are unknown', () => {
    expect(
      currentPlace({ orgId: 'acme', appId: 'x', envId: 'dev' }, ''),
    ).toMatchObject({ label: 'dev', detail: 'x' });
  });
});
