import { describe, expect, it } from 'vitest';
import { apiFilters, filtersFromSearch, searchOfFilters } from './filters';
import { describeAuditEntry, describeAuditPath, verbOf } from './object';

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
      '/orgs/acme/console/agents/edge-frankfurt/connectivity',
      'agent edge-frankfurt',
      '/orgs/acme/agents',
    ],
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

describe('an entry in words', () => {
  const entry = (
    method: string,
    path: string,
    extra: Partial<Parameters<typeof describeAuditEntry>[0]> = {},
  ) => ({
    at: '2026-01-01T00:00:00Z',
    user_id: 'alex-admin',
    request_method: method,
    request_path: path,
    response_status: 200,
    ...extra,
  });

  it('says which environment an approval and a deployment request deploy to, and names the run a request started', () => {
    const approve =
      '/orgs/acme/apps/shop/pipelines/promote-to-staging/runs/r1/jobs/promote-staging/approvals/a1/approve';
    expect(
      describeAuditEntry(
        entry('POST', approve, {
          env_paths: ['/orgs/acme/apps/shop/envs/staging'],
        }),
      ),
    ).toEqual({
      verb: 'Approved',
      object: {
        label: 'run r1 of pipeline shop / promote-to-staging',
        to: '/orgs/acme/apps/shop/pipelines/promote-to-staging/runs/r1',
      },
      envs: {
        lead: 'deployment to',
        list: [
          { label: 'shop / staging', to: '/orgs/acme/apps/shop/envs/staging' },
        ],
      },
    });
    const request = describeAuditEntry(
      entry('POST', '/orgs/acme/apps/shop/pipeline-runs', {
        object_path:
          '/orgs/acme/apps/shop/pipelines/promote-to-staging/runs/r2',
        env_paths: [
          '/orgs/acme/apps/shop/envs/development',
          '/orgs/acme/apps/shop/envs/staging',
        ],
      }),
    );
    expect(request.object.label).toBe(
      'run r2 of pipeline shop / promote-to-staging',
    );
    expect(request.envs?.lead).toBe('deploys to');
    expect(request.envs?.list.map((env) => env.label)).toEqual([
      'shop / development',
      'shop / staging',
    ]);
  });

  it('names an artefact version as the engine recorded it and says what a call did', () => {
    const path = '/orgs/acme/artefacts/695038b2-0000/versions/24ef9203-0000';
    expect(
      describeAuditEntry(
        entry('PATCH', path, {
          object_name: 'registry.acme.dev/shop/api:1.3.0',
          action: 'archived',
        }),
      ),
    ).toEqual({
      verb: 'Archived',
      object: {
        label: 'artefact version registry.acme.dev/shop/api:1.3.0',
        to: '/orgs/acme/artefacts',
      },
    });
    expect(
      describeAuditEntry(entry('PATCH', path, { action: 'restored' })).verb,
    ).toBe('Restored');
    const gitops = '/orgs/acme/apps/shop/envs/preview/console/gitops';
    expect(describeAuditEntry(entry('POST', `${gitops}/resync`)).verb).toBe(
      'Resynced',
    );
    expect(describeAuditEntry(entry('POST', `${gitops}/drift`)).verb).toBe(
      'Simulated drift in',
    );
    expect(
      describeAuditEntry(entry('POST', `${gitops}/secret-fault`)).verb,
    ).toBe('Simulated a secret fault in');
    expect(
      describeAuditEntry(
        entry('PUT', '/orgs/acme/console/agents/edge-frankfurt/connectivity', {
          action: 'cut_off',
        }),
      ),
    ).toEqual({
      verb: 'Cut off',
      object: { label: 'agent edge-frankfurt', to: '/orgs/acme/agents' },
    });
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
