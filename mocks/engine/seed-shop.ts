/** The `shop` app of the demo organisation (see the table in `seed.ts`). */
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
  setImage,
  workload,
} from './seed-workloads';

/** Seeds app history (see the table in `seed.ts`). */
export function seedShop(s: SeedScript, admin: Actor, dev: Actor): void {
  s.at(1, '09:30').app(admin, 'shop', 'Shop');
  s.at(1, '09:40').deploy(
    admin,
    'shop',
    'development',
    'Initial deployment of the shop',
    {
      modules: addWorkloads({
        frontend: workload(
          [
            container('frontend', image('shop', 'frontend', '3.1.0'), {
              variables: {
                API_URL: 'https://${shared.dns.host}/api',
                NODE_ENV: 'production',
              },
              probePort: 3000,
            }),
          ],
          { port: 3000, ingressPath: '/' },
        ),
        api: workload(
          [
            container('api', image('shop', 'api', '1.3.0'), {
              variables: { ...postgresVariables('db'), LOG_LEVEL: 'info' },
              cpu: ['250m', '1'],
              memory: ['256Mi', '512Mi'],
              probePort: 8080,
            }),
          ],
          { replicas: 2, port: 8080, ingressPath: '/api' },
        ),
      }),
      shared: [
        addShared('/db', { type: 'postgres', params: { version: '15' } }),
        addShared('/dns', { type: 'dns' }),
      ],
    },
  );
  s.at(2, '10:15').deploy(
    dev,
    'shop',
    'development',
    'Add worker and Redis cache',
    {
      modules: addWorkloads({
        worker: workload(
          [
            container('worker', image('shop', 'worker', '1.3.0'), {
              command: ['node', 'dist/worker.js'],
              variables: {
                ...postgresVariables('db'),
                REDIS_URL: 'redis://${shared.cache.host}:${shared.cache.port}',
                EXPORT_BUCKET: '${externals.exports.bucket}',
              },
            }),
          ],
          {
            externals: {
              exports: { type: 's3', params: { versioning: true } },
            },
          },
        ),
      }),
      shared: [addShared('/cache', { type: 'redis' })],
    },
  );
  const api131 = s
    .at(4, '14:05')
    .deploy(dev, 'shop', 'development', 'Bump api to 1.3.1', {
      modules: {
        update: { api: [setImage('api', image('shop', 'api', '1.3.1'))] },
      },
    });
  s.at(5, '11:00').promoteNew(
    admin,
    'shop',
    STAGING,
    api131,
    'Create staging from development',
  );
  const cart = s
    .at(8, '09:30')
    .deploy(dev, 'shop', 'development', 'Add cart service', {
      modules: addWorkloads({
        cart: workload(
          [
            container('cart', image('shop', 'cart', '1.0.4'), {
              variables: {
                REDIS_URL: 'redis://${shared.cache.host}:${shared.cache.port}',
                SESSION_TTL: '3600',
              },
              probePort: 8081,
            }),
          ],
          { replicas: 2, port: 8081, ingressPath: '/cart' },
        ),
      }),
    });
  const staged = s
    .at(9, '16:20')
    .redeploy(dev, 'shop', 'staging', 'Add cart service', cart);
  s.at(12, '10:00').promoteNew(
    admin,
    'shop',
    PRODUCTION,
    staged,
    'Create production from staging',
  );
  s.at(12, '10:30').deploy(
    admin,
    'shop',
    'production',
    'Scale api to 3 replicas for production traffic',
    {
      modules: {
        update: { api: [{ op: 'replace', path: '/spec/replicas', value: 3 }] },
      },
    },
  );
  const api142 = s
    .at(16, '09:10')
    .deploy(dev, 'shop', 'development', 'Bump api to 1.4.2', {
      modules: {
        update: { api: [setImage('api', image('shop', 'api', '1.4.2'))] },
      },
    });
  s.at(18, '13:45').redeploy(
    dev,
    'shop',
    'staging',
    'Bump api to 1.4.2',
    api142,
  );
  s.at(20, '10:05').redeploy(
    admin,
    'shop',
    'production',
    'Bump api to 1.4.2',
    api142,
  );
  const fe320 = s
    .at(22, '15:30')
    .deploy(dev, 'shop', 'development', 'Bump frontend to 3.2.0', {
      modules: {
        update: {
          frontend: [setImage('frontend', image('shop', 'frontend', '3.2.0'))],
        },
      },
    });
  s.at(23, '11:10').redeploy(
    dev,
    'shop',
    'staging',
    'Bump frontend to 3.2.0',
    fe320,
  );
  s.at(24, '09:45').redeploy(
    admin,
    'shop',
    'production',
    'Bump frontend to 3.2.0',
    fe320,
  );
  s.at(26, '11:20').deploy(
    dev,
    'shop',
    'staging',
    'Try cart 1.1.0-rc.1 with the new checkout flow',
    {
      modules: {
        update: {
          cart: [
            setImage('cart', image('shop', 'cart', '1.1.0-rc.1')),
            {
              op: 'add',
              path: '/spec/containers/cart/command',
              value: ['/bin/sh', '-c', './cart --check-config || exit 1'],
            },
          ],
        },
      },
    },
  );
  s.at(27, '09:50').deploy(
    dev,
    'shop',
    'development',
    'Try the frontend 3.3.0 preview build',
    {
      modules: {
        update: {
          frontend: [
            setImage('frontend', image('shop', 'frontend', '3.3.0-missing')),
          ],
        },
      },
    },
  );
}
