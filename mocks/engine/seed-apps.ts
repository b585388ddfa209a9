/** The `identity`, `analytics` and `docs-site` apps of the demo organisation (see the table in `seed.ts`). */
import type { Actor } from './engine-api';
import type { SeedScript } from './seed-script';
import {
  PRODUCTION,
  STAGING,
  addShared,
  addWorkloads,
  container,
  image,
  postgresVariables,
  setVariable,
  workload,
} from './seed-workloads';

/** Seeds app history (see the table in `seed.ts`). */
export function seedIdentity(s: SeedScript, admin: Actor, dev: Actor): void {
  s.at(7, '09:00').app(admin, 'identity', 'Identity');
  const init = s
    .at(7, '09:25')
    .deploy(dev, 'identity', 'development', 'Initial identity deployment', {
      modules: addWorkloads({
        'auth-api': workload(
          [
            container('auth-api', image('identity', 'auth-api', '5.2.0'), {
              variables: {
                ...postgresVariables('users-db'),
                OIDC_ISSUER: 'https://${shared.dns.host}/auth',
                SESSION_SECRET: '${secrets.session-secret}',
              },
              probePort: 8080,
            }),
          ],
          { replicas: 2, port: 8080, ingressPath: '/auth' },
        ),
        'user-sync': workload(
          [
            container('user-sync', image('identity', 'user-sync', '1.8.0'), {
              args: ['--source', 'ldap', '--full'],
              variables: {
                ...postgresVariables('users-db'),
                LDAP_PASSWORD: '${secrets.ldap-bind-password}',
              },
            }),
          ],
          { profile: 'humanitec/default-job' },
        ),
      }),
      shared: [
        addShared('/users-db', { type: 'postgres', params: { version: '16' } }),
        addShared('/dns', { type: 'dns' }),
      ],
    });
  s.at(11, '10:20').promoteNew(
    dev,
    'identity',
    STAGING,
    init,
    'Create staging from development',
  );
  s.at(25, '13:15').deploy(
    dev,
    'identity',
    'development',
    'Read the OIDC client secret from the secret store',
    {
      modules: {
        update: {
          'auth-api': [
            setVariable(
              'auth-api',
              'OIDC_CLIENT_SECRET',
              '${secrets.missing-oidc-client-secret}',
            ),
          ],
        },
      },
    },
  );
}

/** Seeds app history (see the table in `seed.ts`). */
export function seedAnalytics(s: SeedScript, admin: Actor, dev: Actor): void {
  s.at(13, '10:00').app(admin, 'analytics', 'Analytics');
  const init = s
    .at(13, '10:30')
    .deploy(admin, 'analytics', 'development', 'Initial analytics deployment', {
      modules: addWorkloads({
        collector: workload(
          [
            container('collector', image('analytics', 'collector', '0.98.0'), {
              args: ['--config', '/etc/collector/config.yaml'],
              variables: { EVENTS_BUCKET: '${externals.events.bucket}' },
              memory: ['256Mi', '1Gi'],
              probePort: 13133,
            }),
          ],
          {
            replicas: 2,
            port: 4318,
            ingressPath: '/collect',
            externals: {
              events: { type: 's3', params: { retention_days: 90 } },
            },
          },
        ),
        dashboard: workload(
          [
            container('dashboard', image('analytics', 'dashboard', '11.2.1'), {
              probePort: 3000,
            }),
          ],
          { profile: 'acme/web-service', port: 3000, ingressPath: '/' },
        ),
      }),
      shared: [addShared('/dns', { type: 'dns' })],
    });
  s.at(15, '11:00').promoteNew(
    admin,
    'analytics',
    PRODUCTION,
    init,
    'Create production from development',
  );
  s.at(19, '15:00').deploy(
    dev,
    'analytics',
    'production',
    'Scale collector to 3 replicas; chaos-test one of them',
    {
      modules: {
        update: {
          collector: [
            { op: 'replace', path: '/spec/replicas', value: 3 },
            setVariable('collector', 'FLAKY_REPLICAS', '1'),
          ],
        },
      },
    },
  );
}

/** Seeds app history (see the table in `seed.ts`). */
export function seedDocs(s: SeedScript, admin: Actor, dev: Actor): void {
  s.at(17, '09:30').app(admin, 'docs-site', 'Docs Site');
  const init = s
    .at(17, '09:45')
    .deploy(admin, 'docs-site', 'development', 'Publish the docs site', {
      modules: addWorkloads({
        docs: workload(
          [
            container('docs', image('docs', 'site', '2024.11.2'), {
              cpu: ['50m', '200m'],
              memory: ['64Mi', '128Mi'],
              probePort: 8080,
            }),
          ],
          { port: 8080, ingressPath: '/' },
        ),
      }),
      shared: [addShared('/dns', { type: 'dns' })],
    });
  s.at(18, '10:00').promoteNew(
    admin,
    'docs-site',
    PRODUCTION,
    init,
    'Publish the docs site to production',
  );
  s.at(29, '10:30').deploy(
    dev,
    'docs-site',
    'development',
    'Move docs to the static-site profile',
    {
      modules: {
        update: {
          docs: [
            { op: 'replace', path: '/profile', value: 'acme/static-site' },
          ],
        },
      },
    },
    'failed',
  );
}
