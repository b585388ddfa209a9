import { describe, expect, it } from 'vitest';
import { apiFilters, filtersFromSearch, searchOfFilters } from './filters';
import { describeAuditPath, verbOf } from './object';

describe('the object of an audit entry', () => {
  it.each([
    ['/orgs/acme/apps', 'apps of acme', '/orgs/acme/apps'],
    ['/orgs/acme/apps/shop', 'app shop', '/orgs/acme/apps/shop'],
    [
      '/orgs/acme/apps/shop/deltas/abc',
      'changes (deltas) of app shop',
      '/orgs/acme/apps/shop',
    ],
    [
      '/orgs/acme/apps/shop/envs/production',
      'environment shop / production',
      '/orgs/acme/apps/shop/envs/production',
    ],
    [
      '/orgs/acme/apps/shop/envs/production/deploys',
      'deployments of shop / production',
      '/orgs/acme/apps/shop/envs/production',
    ],
    [
      '/orgs/acme/apps/shop/envs/production/runtime/api/replicas',
      'workload api in shop / production',
      '/orgs/acme/apps/shop/envs/production/workloads/api',
    ],
    [
      '/orgs/acme/apps/shop/pipelines/ci/runs/r1/cancel',
      'run r1 of pipeline shop / ci',
      '/orgs/acme/apps/shop/pipelines/ci/runs/r1',
    ],
    [
      '/orgs/acme/workload-profiles/acme%2Fweb-service',
      'workload profile acme/web-service',
      '/orgs/acme/workload-profiles/acme%2Fweb-service',
    ],
    [
      '/orgs/acme/users/dana-dev',
      'member dana-dev',
      '/orgs/acme/settings#members-heading',
    ],
    [
      '/orgs/acme/artefact-versions',
      'artefact versions',
      '/orgs/acme/artefacts',
    ],
    [
      '/orgs/acme/artefacts/a1/versions/v2',
      'version v2 of artefact a1',
      '/orgs/acme/artefacts',
    ],
    ['/orgs/acme/agents', 'agents', '/orgs/acme/agents'],
    [
      '/orgs/acme/agents/edge-eu/keys',
      'keys of agent edge-eu',
      '/orgs/acme/agents',
    ],
    [
      '/orgs/acme/resources/defs/postgres-default',
      'resource definition postgres-default',
      '/orgs/acme/resources/definitions/postgres-default',
    ],
    ['/users/dana-dev/tokens/ci', 'API tokens of dana-dev', undefined],
    ['/console/demo/reset', 'the demo data', undefined],
  ])('%s is %s', (path, label, to) => {
    expect(describeAuditPath(path)).toEqual(to ? { label, to } : { label });
  });

  it('says what a method did', () => {
    expect(verbOf('DELETE')).toBe('Deleted');
    expect(verbOf('patch')).toBe('Changed');
    expect(verbOf('POST', '/orgs/acme/apps')).toBe('Created');
    expect(verbOf('POST', '/orgs/acme/apps/shop/envs/staging/deploys')).toBe(
      'Deployed',
    );
    expect(
      verbOf('POST', '/orgs/acme/apps/shop/value-set-versions/v1/restore/KEY'),
    ).toBe('Restored');
    expect(
      verbOf(
        'POST',
        '/orgs/acme/resources/defs/db/versions/v2/actions/promote',
      ),
    ).toBe('Promoted');
  });
});

describe('the filters of the audit log page', () => {
  it('round-trip through the URL and become the API’s', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'from=2026-01-01&to=2026-01-31&user=dana-dev&app=shop&env=production',
      ),
    );
    expect(filters).toEqual({
      range: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      user: 'dana-dev',
      app: 'shop',
      env: 'production',
    });
    expect(
      filtersFromSearch(
        new URLSearchParams(
          Object.entries(searchOfFilters(filters)).filter(
            (e): e is [string, string] => !!e[1],
          ),
        ),
      ),
    ).toEqual(filters);
    expect(apiFilters('acme', filters, 0)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      userId: 'dana-dev',
      pathPrefix: '/orgs/acme/apps/shop/envs/production',
    });
    const now = Date.UTC(2026, 0, 2, 12, 30, 45);
    expect(apiFilters('acme', { range: '24h' }, now)).toEqual({
      from: '2026-01-01T12:30:00.000Z',
    });
    expect(
      filtersFromSearch(new URLSearchParams('env=production&range=nope')),
    ).toEqual({ range: '' });
  });
});
