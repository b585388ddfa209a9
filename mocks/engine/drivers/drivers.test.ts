import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors';
import type { StateV1 } from '../core/state';
import { bench, ORG } from '../../fixtures/test-engine';
import type { DriverRun } from './inputs';
import { driverExists, getDriver } from './ops';
import { runDriver } from './run';

const CONTEXT = {
  org: { id: ORG },
  app: { id: 'shop' },
  env: { id: 'staging', type: 'staging' },
  res: { id: 'shared.db', type: 'postgres', class: 'default' },
};
const PLANTED = 'planted-driver-secret-7c1d';

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError)
      return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

function stateOf(b: ReturnType<typeof bench>): StateV1 {
  return b.engine.snapshot() as StateV1;
}

function run(driver: string, request: DriverRun, b = bench()) {
  return runDriver(stateOf(b), ORG, driver, request);
}

/** The run's log and message, to look for a secret in. */
function printed(result: ReturnType<typeof runDriver>): string {
  return [...result.log, result.ok ? '' : result.message].join('\n');
}

describe('built-in drivers', () => {
  it('lists the built-ins of the humanitec organisation before the organisation’s own', () => {
    const { engine, viewer } = bench();
    const ids = engine
      .listResourceDrivers(viewer, ORG)
      .map((d) => `${d.org_id}/${d.id}`);
    expect(ids).toEqual([
      'humanitec/echo',
      'humanitec/template',
      'humanitec/k8s-cluster',
      'humanitec/k8s-namespace',
      'humanitec/agent',
      'humanitec/dns-wildcard',
      'humanitec/postgres',
      'humanitec/terraform',
    ]);
    expect(engine.getResourceDriver(viewer, ORG, 'postgres')).toMatchObject({
      org_id: 'humanitec',
      type: 'postgres',
      account_types: expect.arrayContaining(['aws', 'gcp']),
    });
  });

  it('echo: outputs are its inputs, secrets as secrets, and no secret in the log', () => {
    const result = run('humanitec/echo', {
      inputs: {
        values: { host: 'db.example' },
        secrets: { password: PLANTED },
      },
    });
    expect(result).toMatchObject({
      ok: true,
      outputs: {
        values: { host: 'db.example' },
        secrets: { password: PLANTED },
      },
    });
    expect(printed(result)).not.toContain(PLANTED);
  });

  it('postgres: host, port and name from the context, secret credentials, deterministic', () => {
    const request = { inputs: { values: { version: '15' } }, context: CONTEXT };
    const first = run('humanitec/postgres', request);
    const again = run('humanitec/postgres', request);
    expect(first).toEqual(again);
    expect(first).toMatchObject({
      ok: true,
      outputs: {
        values: {
          host: 'shop-staging-shared-db.postgres.internal',
          port: 5432,
          name: 'shop_staging_shared_db',
        },
        secrets: {
          username: 'shop_staging_shared_db_owner',
          password: expect.stringMatching(/^[0-9a-f]{24}$/),
        },
      },
    });
    const password = first.ok ? String(first.outputs.secrets.password) : '';
    expect(first.log.join('\n')).not.toContain(password);
    expect(first.log).toContain(
      'Creating PostgreSQL 15 database shop_staging_shared_db on shop-staging-shared-db.postgres.internal:5432',
    );
  });

  it.each(['9.6', '11', 17, 'latest'])(
    'postgres: version %s is the driver’s error, naming the supported majors',
    (version) => {
      const result = run('humanitec/postgres', {
        inputs: { values: { version } },
        context: CONTEXT,
      });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(
        /PostgreSQL version ".*" is not supported: set `values.version` to a major version from 12 to 16/,
      );
    },
  );

  it('postgres: a value of the wrong type fails the schema check, naming the field', () => {
    const result = run('humanitec/postgres', {
      inputs: { values: { port: 'five' } },
    });
    expect(!result.ok && result.message).toMatch(
      /inputs of driver `humanitec\/postgres` do not match its schema: `values.port`/,
    );
  });

  it('k8-cluster needs a name and a load balancer; k8s-namespace names itself after the app and environment', () => {
    expect(
      run('humanitec/k8s-cluster', { inputs: { values: { name: 'prod' } } }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/`values.loadbalancer`/),
    });
    expect(
      run('humanitec/k8s-cluster', {
        inputs: { values: { name: 'prod', loadbalancer: '10.0.0.1' } },
      }),
    ).toMatchObject({
      ok: true,
      outputs: { values: { name: 'prod', loadbalancer: '10.0.0.1' } },
    });
    expect(
      run('humanitec/k8s-namespace', { inputs: {}, context: CONTEXT }),
    ).toMatchObject({
      ok: true,
      outputs: { values: { namespace: 'shop-staging' } },
    });
    expect(run('humanitec/k8s-namespace', { inputs: {} })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/needs `values.namespace`/),
    });
  });

  it('dns-wildcard: a host under the domain, named by its template', () => {
    expect(
      run('humanitec/dns-wildcard', {
        inputs: { values: { domain: 'acme.dev' } },
        context: CONTEXT,
      }),
    ).toMatchObject({
      ok: true,
      outputs: { values: { host: 'shop-staging.acme.dev' } },
    });
    expect(
      run('humanitec/dns-wildcard', {
        inputs: {
          values: { domain: 'acme.dev', template: 'api-${context.env.id}' },
        },
        context: CONTEXT,
      }),
    ).toMatchObject({
      ok: true,
      outputs: { values: { host: 'api-staging.acme.dev' } },
    });
  });
});

describe('humanitec/template', () => {
  const dependencies = {
    postgres: {
      values: { host: 'db.internal', port: 5432 },
      secrets: { password: PLANTED },
    },
  };

  it('renders outputs and secrets from the inputs, the context and the dependencies', () => {
    const result = run('humanitec/template', {
      inputs: {
        values: {
          templates: {
            outputs: {
              url: 'postgres://${resources.postgres.outputs.host}:${resources.postgres.outputs.port}/${context.app.id}',
              port: '${resources.postgres.outputs.port}',
              class: '${context.res.class}',
            },
            secrets:
              'password: ${resources.postgres.outputs.password}\ntoken: "${driver.secrets.token}"',
          },
        },
        secrets: { token: 't-1' },
      },
      context: CONTEXT,
      dependencies,
    });
    expect(result).toEqual({
      ok: true,
      outputs: {
        values: {
          url: 'postgres://db.internal:5432/shop',
          port: 5432,
          class: 'default',
        },
        secrets: { password: PLANTED, token: 't-1' },
      },
      log: expect.any(Array),
    });
    expect(printed(result)).not.toContain(PLANTED);
  });

  it('a missing placeholder is a clear error listing the ones there are', () => {
    const result = run('humanitec/template', {
      inputs: {
        values: {
          templates: { outputs: { host: '${resources.mysql.outputs.host}' } },
        },
      },
      context: { app: { id: 'shop' } },
      dependencies,
    });
    expect(!result.ok && result.message).toMatch(
      /templates.outputs.host: `\$\{resources.mysql.outputs.host\}` has no value here; the placeholders there are .*\$\{context.app.id\}.*\$\{resources.postgres.outputs.host\}/,
    );
  });

  it('refuses a secret in a non-secret output, without printing it', () => {
    const result = run('humanitec/template', {
      inputs: {
        values: {
          templates: {
            outputs: { dsn: 'pw=${resources.postgres.outputs.password}' },
          },
        },
      },
      dependencies,
    });
    expect(!result.ok && result.message).toMatch(
      /templates.outputs.dsn reads a secret .* may only go into templates.secrets/,
    );
    expect(printed(result)).not.toContain(PLANTED);
  });

  it('refuses expressions and unclosed placeholders; $${ is a literal', () => {
    const render = (template: string) =>
      run('humanitec/template', {
        inputs: { values: { templates: { outputs: { x: template } } } },
        context: CONTEXT,
      });
    expect(render('${context.app.id | upper}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is not a placeholder: only dotted paths/),
    });
    expect(render('${context.app.id')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is not closed/),
    });
    expect(render('$${context.app.id} ${context.app.id}')).toMatchObject({
      ok: true,
      outputs: { values: { x: '${context.app.id} shop' } },
    });
  });
});

describe('humanitec/terraform', () => {
  const SCRIPT = `
variable "bucket" {}
variable "region" {
  default = "eu-west-1"
}
variable "key" {}
resource "aws_s3_bucket" "main" {
  bucket = var.bucket
}
resource "aws_iam_user" "reader" {}
output "bucket" {
  value = var.bucket
}
output "region" {
  value = var.region
}
output "key" {
  value     = var.key
  sensitive = true
}
`;

  it('plans and applies the script’s resources and gives its outputs', () => {
    const result = run('humanitec/terraform', {
      inputs: {
        values: { script: SCRIPT, variables: { bucket: 'acme-assets' } },
        secrets: { variables: { key: PLANTED } },
      },
    });
    expect(result).toMatchObject({
      ok: true,
      outputs: {
        values: { bucket: 'acme-assets', region: 'eu-west-1' },
        secrets: { key: PLANTED },
      },
    });
    expect(result.log).toEqual(
      expect.arrayContaining([
        'Terraform will perform the following actions:',
        '  + resource "aws_s3_bucket" "main" {}',
        '  + resource "aws_iam_user" "reader" {}',
        'Plan: 2 to add, 0 to change, 0 to destroy.',
        'Apply complete! Resources: 2 added, 0 changed, 0 destroyed.',
        '  key = <sensitive>',
      ]),
    );
    expect(printed(result)).not.toContain(PLANTED);
  });

  it('a required variable without a value fails the run, naming it', () => {
    const result = run('humanitec/terraform', {
      inputs: { values: { script: SCRIPT, variables: { bucket: 'b' } } },
    });
    expect(!result.ok && result.message).toMatch(
      /no value for required variable "key"/,
    );
  });

  it('needs a script or a source', () => {
    expect(run('humanitec/terraform', { inputs: { values: {} } }).ok).toBe(
      false,
    );
  });
});

describe('custom drivers', () => {
  const MINE = {
    id: 'acme-queue',
    type: 'amqp',
    target: 'https://drivers.acme.example/queue/',
    account_types: ['aws'],
    inputs_schema: {
      type: 'object',
      properties: {
        values: {
          type: 'object',
          properties: { vhost: { type: 'string', minLength: 1 } },
          required: ['vhost'],
        },
      },
    },
  };

  it('registers, reads, replaces and deletes a driver; runs it from its schema', () => {
    const b = bench();
    const created = b.engine.createResourceDriver(b.admin, ORG, MINE);
    expect(created).toEqual({ org_id: ORG, ...MINE });
    expect(b.engine.getResourceDriver(b.viewer, ORG, 'acme-queue')).toEqual(
      created,
    );
    expect(driverExists(stateOf(b), ORG, `${ORG}/acme-queue`)).toBe(true);

    expect(
      run(
        'acme/acme-queue',
        {
          inputs: {
            values: { vhost: '/shop' },
            secrets: { password: PLANTED },
          },
        },
        b,
      ),
    ).toMatchObject({
      ok: true,
      outputs: { values: { vhost: '/shop' }, secrets: { password: PLANTED } },
    });
    expect(run('acme-queue', { inputs: { values: {} } }, b)).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /inputs of driver `acme\/acme-queue` do not match its schema: `values.vhost`/,
      ),
    });

    const { id: _id, ...rest } = MINE;
    const replaced = b.engine.updateResourceDriver(b.admin, ORG, 'acme-queue', {
      ...rest,
      target: 'driver://humanitec/echo',
    });
    expect(replaced.target).toBe('driver://humanitec/echo');
    expect(
      run('acme-queue', { inputs: { values: { vhost: '/x' } } }, b),
    ).toMatchObject({
      ok: true,
      log: expect.arrayContaining(['Passing the inputs on to humanitec/echo']),
    });

    b.engine.deleteResourceDriver(b.admin, ORG, 'acme-queue');
    expect(
      refusal(() => b.engine.getResourceDriver(b.admin, ORG, 'acme-queue')),
    ).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(
        /Driver `acme-queue` does not exist .*`humanitec\/echo`/,
      ),
    });
  });

  it('refuses built-in ids, bad targets, unknown types and account types, invalid schemas', () => {
    const { engine, admin } = bench();
    const create = (patch: object) =>
      refusal(() =>
        engine.createResourceDriver(admin, ORG, { ...MINE, ...patch }),
      );
    expect(create({ id: 'postgres' })).toMatchObject({ code: 'conflict' });
    expect(create({ target: 'http://insecure.example' }).message).toMatch(
      /https URL/,
    );
    expect(create({ target: 'driver://acme/nothing' }).message).toMatch(
      /does not exist/,
    );
    expect(create({ type: 'no-such-type' }).message).toMatch(
      /resource type the driver provisions/,
    );
    expect(create({ account_types: ['oracle'] }).message).toMatch(
      /unknown account type\(s\) `oracle`/,
    );
    expect(
      create({ inputs_schema: { type: 'object', properties: 5 } }).message,
    ).toMatch(/not a valid JSON Schema/);
    expect(create({ id: 'Bad_Id' }).message).toMatch(
      /Driver id "Bad_Id" is not valid/,
    );
  });

  it('built-ins cannot be changed or deleted; members may not register drivers', () => {
    const { engine, admin, dev } = bench();
    const { id: _id, ...rest } = MINE;
    expect(
      refusal(() => engine.updateResourceDriver(admin, ORG, 'echo', rest)),
    ).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(
        /`humanitec\/echo` is built in and cannot be changed/,
      ),
    });
    expect(
      refusal(() => engine.deleteResourceDriver(admin, ORG, 'echo')),
    ).toMatchObject({
      code: 'conflict',
    });
    expect(
      refusal(() => engine.createResourceDriver(dev, ORG, MINE)),
    ).toMatchObject({
      code: 'forbidden',
    });
  });

  it('a driver a virtual driver wraps cannot be deleted', () => {
    const { engine, admin } = bench();
    engine.createResourceDriver(admin, ORG, MINE);
    engine.createResourceDriver(admin, ORG, {
      ...MINE,
      id: 'wrapper',
      target: 'driver://acme/acme-queue',
    });
    expect(
      refusal(() => engine.deleteResourceDriver(admin, ORG, 'acme-queue')),
    ).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /target of virtual driver\(s\) `acme\/wrapper`/,
      ),
    });
  });

  it('getDriver names unknown drivers with the list', () => {
    const b = bench();
    expect(getDriver(stateOf(b), ORG, 'humanitec/echo').id).toBe('echo');
    expect(run('humanitec/nothing', { inputs: {} }, b)).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /Driver `humanitec\/nothing` does not exist/,
      ),
    });
  });
});
