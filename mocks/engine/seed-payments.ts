/** The `payments` app of the demo organisation (see the table in `seed.ts`). */
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
export function seedPayments(s: SeedScript, admin: Actor, dev: Actor): void {
  s.at(3, '10:00').app(admin, 'payments', 'Payments');
  const init = s
    .at(3, '10:20')
    .deploy(admin, 'payments', 'development', 'Initial payments deployment', {
      modules: addWorkloads({
        api: workload(
          [
            container('api', image('payments', 'api', '2.0.3'), {
              variables: {
                ...postgresVariables('ledger-db'),
                PSP_ENDPOINT: 'https://psp.example.com/v2',
              },
              memory: ['256Mi', '512Mi'],
              probePort: 8080,
            }),
          ],
          { replicas: 2, port: 8080, ingressPath: '/payments' },
        ),
        'ledger-worker': workload([
          container(
            'ledger-worker',
            image('payments', 'ledger-worker', '2.0.3'),
            {
              command: ['java', '-jar', '/app/ledger-worker.jar'],
              variables: {
                ...postgresVariables('ledger-db'),
                MEMORY_NEEDED: '384Mi',
              },
              cpu: ['250m', '1'],
              memory: ['384Mi', '512Mi'],
            },
          ),
        ]),
        'fraud-checker': workload(
          [
            container(
              'fraud-checker',
              image('payments', 'fraud-checker', '0.7.1'),
              {
                args: ['--window', '15m'],
                variables: postgresVariables('ledger-db'),
              },
            ),
          ],
          { profile: 'humanitec/default-cronjob', schedule: '*/15 * * * *' },
        ),
      }),
      shared: [
        addShared('/ledger-db', {
          type: 'postgres',
          params: { version: '14' },
        }),
        addShared('/dns', { type: 'dns' }),
      ],
    });
  s.at(6, '11:30').promoteNew(
    dev,
    'payments',
    STAGING,
    init,
    'Create staging from development',
  );
  s.at(10, '15:00').promoteNew(
    admin,
    'payments',
    PRODUCTION,
    init,
    'First production release',
  );
  const api210 = s
    .at(14, '10:45')
    .deploy(dev, 'payments', 'development', 'Bump payments api to 2.1.0', {
      modules: {
        update: { api: [setImage('api', image('payments', 'api', '2.1.0'))] },
      },
    });
  s.at(15, '09:15').redeploy(
    dev,
    'payments',
    'staging',
    'Bump payments api to 2.1.0',
    api210,
  );
  s.at(17, '16:00').redeploy(
    admin,
    'payments',
    'production',
    'Bump payments api to 2.1.0',
    api210,
  );
  s.at(21, '14:10').deploy(
    dev,
    'payments',
    'development',
    'Lower ledger-worker memory limit to 128Mi',
    {
      modules: {
        update: {
          'ledger-worker': [
            {
              op: 'replace',
              path: '/spec/containers/ledger-worker/resources/limits/memory',
              value: '128Mi',
            },
            {
              op: 'replace',
              path: '/spec/containers/ledger-worker/resources/requests/memory',
              value: '128Mi',
            },
          ],
        },
      },
    },
  );
  s.at(28, '16:40').deploy(
    admin,
    'payments',
    'staging',
    'Upgrade ledger-db to PostgreSQL 18',
    {
      shared: [
        { op: 'replace', path: '/ledger-db/params/version', value: '18' },
      ],
    },
    'failed',
  );
}
