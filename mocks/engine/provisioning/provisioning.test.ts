import { describe, expect, it } from 'vitest';
import type { DeltaInput, JsonObject } from '../core/model/spec';
import {
  deployAndFinish,
  ORG,
  refusal,
  shopBench,
  workload,
  type Bench,
} from '../../fixtures/test-engine';

/** A workload reading the database's host and a shared postgres `db` with `params`. */
function withDatabase(params: JsonObject = {}): DeltaInput {
  return {
    modules: {
      add: {
        api: {
          ...workload('reg/api:1'),
          spec: {
            containers: {
              main: {
                image: 'reg/api:1',
                variables: { DB_HOST: '${shared.db.host}' },
              },
            },
          },
        },
      },
    },
    shared: [{ op: 'add', path: '/db', value: { type: 'postgres', params } }],
  };
}

const SECRET = 'planted-definition-secret-7c41';

/** A staging postgres definition and a catch-all one, as a platform engineer would write them. */
function definePostgres(b: Bench) {
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'pg-staging',
    name: 'Postgres for staging',
    type: 'postgres',
    driver_type: 'humanitec/postgres',
    driver_inputs: {
      values: { version: '15' },
      secrets: { password: SECRET },
    },
    criteria: [{ env_type: 'staging' }],
  });
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'pg-any',
    name: 'Postgres anywhere',
    type: 'postgres',
    driver_type: 'humanitec/postgres',
    driver_inputs: { values: { version: '16' } },
    criteria: [{}],
  });
}

function stagingBench() {
  const b = shopBench();
  b.engine.createEnv(b.admin, ORG, 'shop', {
    id: 'staging',
    name: 'Staging',
    type: 'staging',
  });
  return b;
}

describe('provisioning at deploy time (read, match, create)', () => {
  it('matches each resource to the most specific definition, creates it, and records it', () => {
    const b = stagingBench();
    definePostgres(b);
    const done = deployAndFinish(b, 'shop', 'staging', withDatabase());
    expect(done.status).toBe('succeeded');

    const active = b.engine.listActiveResources(
      b.admin,
      ORG,
      'shop',
      'staging',
    );
    const db = active.find((r) => r.res_id === 'shared.db')!;
    expect(db).toMatchObject({
      type: 'postgres',
      class: 'default',
      def_id: 'pg-staging',
      driver_type: 'humanitec/postgres',
      env_type: 'staging',
      deploy_id: done.id,
      status: 'active',
      resource: { port: 5432 },
    });
    // Secret outputs are references, never values.
    expect(Object.keys(db.secret_refs).sort()).toEqual([
      'password',
      'username',
    ]);
    expect(JSON.stringify(active)).not.toContain(SECRET);
    // The implicit cluster and namespace come from the orchestrator's defaults here.
    expect(active.map((r) => [r.res_id, r.def_id]).sort()).toEqual([
      ['k8s-cluster', 'default-k8s-cluster'],
      ['k8s-namespace', 'default-k8s-namespace'],
      ['shared.db', 'pg-staging'],
    ]);

    // The graph: the workload needs the database and the namespace; the namespace needs the cluster.
    const graph = b.engine.getDependencyGraph(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.dependency_graph_id!,
    );
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const guresid = (id: string) => byId.get(id)!.guresid;
    expect(byId.get('api')!.depends_on.sort()).toEqual(
      [guresid('k8s-namespace'), guresid('shared.db')].sort(),
    );
    expect(byId.get('k8s-namespace')!.depends_on).toEqual([
      guresid('k8s-cluster'),
    ]);
    expect(JSON.stringify(graph)).not.toContain(SECRET);

    // The step of the database shows the definition and the driver's log.
    const steps = b.engine.getDeploySteps(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    const step = steps.steps.find((s) => s.object_id === 'shared.db')!;
    expect(step.definition).toMatchObject({
      def_id: 'pg-staging',
      driver_type: 'humanitec/postgres',
    });
    expect(step.log?.join('\n')).toContain('Creating PostgreSQL 15 database');
    expect(JSON.stringify(steps)).not.toContain(SECRET);
  });

  it('fails the deploy with RES-MATCH-001 naming the nearest candidates when no definition matches', () => {
    const b = stagingBench();
    b.engine.createResourceDefinition(b.admin, ORG, {
      id: 'pg-production',
      name: 'Postgres for production',
      type: 'postgres',
      driver_type: 'humanitec/postgres',
      criteria: [{ env_type: 'production' }],
    });
    const done = deployAndFinish(b, 'shop', 'staging', withDatabase());
    expect(done.status).toBe('failed');
    const [error] = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    expect(error).toMatchObject({
      scope: 'resource',
      object_id: 'shared.db',
      code: 'RES-MATCH-001',
    });
    expect(error.message).toContain('`pg-production`');
    expect(error.message).toContain('env_type');
  });

  it('fails the deploy with the driver message, the definition, its version and the criteria when the driver refuses its inputs', () => {
    const b = stagingBench();
    definePostgres(b);
    b.engine.patchResourceDefinition(b.admin, ORG, 'pg-staging', {
      driver_inputs: { values: { version: '9' } },
    });
    const broken = b.engine.getResourceDefinition(b.admin, ORG, 'pg-staging');
    const done = deployAndFinish(b, 'shop', 'staging', withDatabase());
    expect(done.status).toBe('failed');
    const errors = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      object_id: 'shared.db',
      code: 'RES-PROV-001',
    });
    expect(errors[0].message).toContain('PostgreSQL version "9"');
    expect(errors[0].message).toContain('`pg-staging`');
    expect(errors[0].message).toContain(broken.active_version_id);
    expect(errors[0].message).toContain('{"env_type":"staging"}');
    expect(errors[0].message).not.toContain(SECRET);

    // The environment's health names the definition, driver and criteria as the root cause.
    const health = b.engine.getEnvHealth(b.admin, ORG, 'shop', 'staging');
    const staging = broken.criteria!.find(
      (rule) => rule.env_type === 'staging',
    )!;
    expect(health.state).toBe('Failed');
    expect(health.issues[0]).toMatchObject({
      scope: 'resource',
      code: 'RES-PROV-001',
      resource_id: 'shared.db',
      resource_type: 'postgres',
      resource_class: 'default',
      definition_id: 'pg-staging',
      definition_version_id: broken.active_version_id,
      driver_type: 'humanitec/postgres',
      criteria_id: staging.id,
    });
  });

  it('fills the workloads’ placeholders from the outputs, keeps secret outputs as references, and fails on an output the driver did not give', () => {
    const b = stagingBench();
    definePostgres(b);
    const delta = withDatabase();
    delta.modules!.add!.api!.spec = {
      containers: {
        main: {
          image: 'reg/api:1',
          variables: {
            DB_HOST: '${shared.db.host}',
            DB_URL:
              'postgres://${shared.db.host}:${shared.db.port}/${shared.db.name}',
            DB_PASSWORD: '${shared.db.password}',
            WHERE: '${context.app.id}/${context.env.id}',
            ESCAPED: '$${shared.db.host}',
          },
        },
      },
    };
    const done = deployAndFinish(b, 'shop', 'staging', delta);
    expect(done.status).toBe('succeeded');
    const db = b.engine
      .listActiveResources(b.admin, ORG, 'shop', 'staging')
      .find((r) => r.res_id === 'shared.db')!;
    const host = String(db.resource.host);
    const filled = b.engine.getDeployPlaceholders(
      b.viewer,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    const byField = Object.fromEntries(filled.map((f) => [f.field, f]));
    const vars = 'spec.containers.main.variables';
    expect(byField[`${vars}.DB_HOST`]).toEqual({
      workload_id: 'api',
      field: `${vars}.DB_HOST`,
      template: '${shared.db.host}',
      value: host,
      secret: false,
      resources: ['shared.db'],
    });
    expect(byField[`${vars}.DB_URL`].value).toBe(
      `postgres://${host}:${String(db.resource.port)}/${String(db.resource.name)}`,
    );
    expect(byField[`${vars}.WHERE`].value).toBe('shop/staging');
    expect(byField[`${vars}.ESCAPED`]).toBeUndefined();
    // A secret output: a reference, never the value.
    const password = byField[`${vars}.DB_PASSWORD`];
    expect(password).toMatchObject({ secret: true, resources: ['shared.db'] });
    expect(password.value).toBeUndefined();
    expect(password.secret_refs).toEqual([
      (db.secret_refs.password as { ref: string }).ref,
    ]);
    expect(JSON.stringify(filled)).not.toContain(SECRET);

    // An output the postgres driver does not give, and a shared resource the set does not have.
    const broken = deployAndFinish(b, 'shop', 'staging', {
      modules: {
        update: {
          api: [
            {
              op: 'add',
              path: '/spec/containers/main/variables/DB_USER',
              value: '${shared.db.user}',
            },
            {
              op: 'add',
              path: '/spec/containers/main/variables/CACHE',
              value: '${shared.cache.host}',
            },
          ],
        },
      },
    });
    expect(broken.status).toBe('failed');
    const [error] = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      broken.id,
    );
    expect(error).toMatchObject({
      scope: 'workload',
      object_id: 'api',
      code: 'WL-RES-002',
    });
    expect(error.message).toContain('output `user` of `shared.db`');
    expect(error.message).toContain('`host`, `name`, `password`, `port`');
    expect(error.message).toContain(`\`${vars}.DB_USER\``);
    expect(error.message).toContain('shared resource `cache`');
  });

  it('makes a workload need the DNS resource its ingress rules are keyed by, and fails when the set lacks it', () => {
    const b = stagingBench();
    b.engine.createResourceDefinition(b.admin, ORG, {
      id: 'dns-staging',
      name: 'Wildcard DNS',
      type: 'dns',
      driver_type: 'humanitec/dns-wildcard',
      driver_inputs: { values: { domain: 'staging.example.com' } },
      criteria: [{}],
    });
    const web = {
      ...workload('reg/web:1'),
      spec: {
        containers: { main: { image: 'reg/web:1' } },
        ingress: {
          rules: {
            'shared.dns': { http: { '/': { type: 'prefix', port: 80 } } },
          },
        },
      },
    };
    const done = deployAndFinish(b, 'shop', 'staging', {
      modules: { add: { web } },
      shared: [{ op: 'add', path: '/dns', value: { type: 'dns' } }],
    });
    expect(done.status).toBe('succeeded');
    const graph = b.engine.getDependencyGraph(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.dependency_graph_id!,
    );
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('web')!.depends_on).toContain(
      byId.get('shared.dns')!.guresid,
    );

    const broken = deployAndFinish(b, 'shop', 'staging', {
      shared: [{ op: 'remove', path: '/dns' }],
    });
    expect(broken.status).toBe('failed');
    const [error] = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      broken.id,
    );
    expect(error).toMatchObject({ object_id: 'web', code: 'WL-RES-002' });
    expect(error.message).toContain(
      'the ingress rule `shared.dns` names a DNS resource the set does not have',
    );
  });

  it("lets a resource's params override the definition's inputs of the same name", () => {
    const b = stagingBench();
    definePostgres(b);
    const done = deployAndFinish(
      b,
      'shop',
      'staging',
      withDatabase({ version: '18' }),
    );
    expect(done.status).toBe('failed');
    const [error] = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    expect(error.message).toContain('PostgreSQL version "18"');
  });

  it("fills ${context.*} in a definition's inputs before any driver runs (an echo definition included)", () => {
    const b = stagingBench();
    b.engine.createResourceDefinition(b.admin, ORG, {
      id: 'bucket',
      name: 'Bucket',
      type: 's3',
      driver_type: 'humanitec/echo',
      driver_inputs: {
        values: {
          bucket: 'acme-${context.app.id}-${context.env.id}',
          where: '${ context.org.id }/${context.env.type}/${context.res.id}',
          class: '${context.res.class}',
          literal: '$${context.app.id}',
          unknown: '${context.app.name}',
        },
      },
      criteria: [{}],
    });
    const delta: DeltaInput = {
      shared: [{ op: 'add', path: '/files', value: { type: 's3' } }],
    };
    expect(deployAndFinish(b, 'shop', 'staging', delta).status).toBe(
      'succeeded',
    );
    const bucket = b.engine
      .listActiveResources(b.admin, ORG, 'shop', 'staging')
      .find((r) => r.res_id === 'shared.files')!;
    expect(bucket.resource).toEqual({
      bucket: 'acme-shop-staging',
      where: `${ORG}/staging/shared.files`,
      class: 'default',
      literal: '$${context.app.id}',
      unknown: '${context.app.name}',
    });
  });

  it('keeps a pinned resource on its definition version after the definition changes', () => {
    const b = stagingBench();
    definePostgres(b);
    const first = b.engine.getResourceDefinition(b.admin, ORG, 'pg-staging');
    deployAndFinish(b, 'shop', 'staging', withDatabase());
    const pinned = b.engine.pinActiveResource(
      b.admin,
      ORG,
      'shop',
      'staging',
      'postgres',
      'shared.db',
      { target_def_version_id: first.active_version_id },
    );
    expect(pinned.target_def_version_id).toBe(first.active_version_id);
    b.engine.patchResourceDefinition(b.admin, ORG, 'pg-staging', {
      driver_inputs: { values: { version: '9' } },
    });
    // The broken new version is not used: the pinned one is.
    const again = deployAndFinish(b, 'shop', 'staging', {
      modules: { add: { worker: workload('reg/worker:1') } },
    });
    expect(again.status).toBe('succeeded');
    const db = b.engine
      .listActiveResources(b.admin, ORG, 'shop', 'staging')
      .find((r) => r.res_id === 'shared.db')!;
    expect(db.def_version_id).toBe(first.active_version_id);
    // An unknown version is refused; null unpins.
    expect(
      refusal(() =>
        b.engine.pinActiveResource(
          b.admin,
          ORG,
          'shop',
          'staging',
          'postgres',
          'shared.db',
          { target_def_version_id: 'nope' },
        ),
      ).code,
    ).toBe('invalid');
    const unpinned = b.engine.pinActiveResource(
      b.admin,
      ORG,
      'shop',
      'staging',
      'postgres',
      'shared.db',
      { target_def_version_id: null },
    );
    expect(unpinned.target_def_version_id).toBeUndefined();
  });

  it('provisions a definition’s dependencies first and hands their outputs to its driver', () => {
    const b = stagingBench();
    b.engine.createResourceDefinition(b.admin, ORG, {
      id: 'dns-any',
      name: 'DNS',
      type: 'dns',
      driver_type: 'humanitec/dns-wildcard',
      driver_inputs: { values: { domain: 'acme.example' } },
      criteria: [{}],
    });
    b.engine.createResourceDefinition(b.admin, ORG, {
      id: 'route-any',
      name: 'Route',
      type: 'route',
      driver_type: 'humanitec/template',
      driver_inputs: {
        values: {
          templates: { outputs: 'url: https://${resources.dns.outputs.host}' },
        },
      },
      provision: { dns: { is_dependent: false } },
      criteria: [{}],
    });
    const done = deployAndFinish(b, 'shop', 'staging', {
      modules: { add: { web: workload('reg/web:1') } },
      shared: [{ op: 'add', path: '/route', value: { type: 'route' } }],
    });
    const errors = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    expect(errors).toEqual([]);
    const active = b.engine.listActiveResources(
      b.admin,
      ORG,
      'shop',
      'staging',
    );
    const dns = active.find((r) => r.type === 'dns')!;
    const route = active.find((r) => r.type === 'route')!;
    expect(dns.res_id).toBe('shared.route');
    expect(route.resource.url).toBe(`https://${String(dns.resource.host)}`);
  });

  it('computes a graph for resources without deploying, and refuses what cannot be matched', () => {
    const b = stagingBench();
    definePostgres(b);
    const graph = b.engine.computeDependencyGraph(
      b.admin,
      ORG,
      'shop',
      'staging',
      [{ id: 'shared.db', type: 'postgres' }],
      true,
    );
    expect(graph.nodes.map((n) => [n.id, n.def_id])).toEqual([
      ['shared.db', 'pg-staging'],
    ]);
    expect(
      b.engine.getDependencyGraph(b.admin, ORG, 'shop', 'staging', graph.id)
        .nodes,
    ).toEqual(graph.nodes);
    expect(
      b.engine.listActiveResources(b.admin, ORG, 'shop', 'staging'),
    ).toEqual([]);
    expect(
      refusal(() =>
        b.engine.computeDependencyGraph(
          b.admin,
          ORG,
          'shop',
          'staging',
          [{ id: 'shared.cache', type: 'redis' }],
          false,
        ),
      ).message,
    ).toContain('No resource definition matches');
    expect(
      refusal(() =>
        b.engine.getDependencyGraph(b.admin, ORG, 'shop', 'staging', 'nope'),
      ).code,
    ).toBe('not_found');
  });

  it('deletes active resources a deploy no longer needs, and lets a developer delete one only where she deploys', () => {
    const b = stagingBench();
    definePostgres(b);
    deployAndFinish(b, 'shop', 'staging', withDatabase());
    deployAndFinish(b, 'shop', 'staging', {
      modules: { remove: ['api'] },
      shared: [{ op: 'remove', path: '/db' }],
    });
    expect(
      b.engine
        .listActiveResources(b.admin, ORG, 'shop', 'staging')
        .map((r) => r.res_id),
    ).toEqual(['k8s-cluster', 'k8s-namespace']);
    expect(
      refusal(() =>
        b.engine.deleteActiveResource(
          b.viewer,
          ORG,
          'shop',
          'staging',
          'k8s-namespace',
          'k8s-namespace',
        ),
      ).code,
    ).toBe('forbidden');
    b.engine.deleteActiveResource(
      b.admin,
      ORG,
      'shop',
      'staging',
      'k8s-namespace',
      'k8s-namespace',
    );
    expect(
      b.engine
        .listActiveResources(b.admin, ORG, 'shop', 'staging')
        .map((r) => r.res_id),
    ).toEqual(['k8s-cluster']);
  });
});
