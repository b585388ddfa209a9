import { describe, expect, it } from 'vitest';
import type { DeltaInput } from '../core/model/spec';
import {
  ORG,
  refusal,
  shopBench,
  workload,
  T0,
  type Bench,
} from '../../fixtures/test-engine';
import { DEMO_TOKENS, createEngine } from '../../fixtures';
import { createManualClock, createSequentialIds } from '../core/clock';

const SECRET = 'planted-operator-secret-5d1e';

/** A cluster definition for the development environment of shop in `mode`. */
function cluster(b: Bench, mode: string, extra: Record<string, unknown> = {}) {
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: `cluster-${mode}`,
    name: `Cluster (${mode})`,
    type: 'k8s-cluster',
    driver_type: 'humanitec/k8s-cluster',
    driver_inputs: {
      values: {
        name: 'test',
        loadbalancer: '10.0.0.9',
        deployment_mode: mode,
        gitops_sync_delay_seconds: 10,
        ...extra,
      },
    },
    criteria: [{ app_id: 'shop', env_id: 'development' }],
  });
}

function postgres(b: Bench) {
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'pg-dev',
    name: 'Postgres',
    type: 'postgres',
    driver_type: 'humanitec/postgres',
    driver_inputs: {
      values: { version: '16' },
      secrets: { password: SECRET },
    },
    criteria: [{}],
  });
}

const withDb: DeltaInput = {
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
      web: workload('reg/web:1'),
    },
  },
  shared: [{ op: 'add', path: '/db', value: { type: 'postgres' } }],
};

function deploy(
  b: Bench,
  delta: DeltaInput,
  extra: Record<string, unknown> = {},
) {
  const d = b.engine.createDelta(b.admin, ORG, 'shop', delta);
  return b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
    delta_id: d.id,
    comment: 'Ship it',
    ...extra,
  });
}

/** A GitOps development environment whose deployment (api and web with a database) the cluster runs. */
function runningGitops(): Bench {
  const b = shopBench();
  cluster(b, 'gitops');
  postgres(b);
  deploy(b, withDb);
  b.clock.advance(30_000);
  return b;
}

/** Records the first pending GitOps export as committed with `sha` (what a repository port does); its deployment id. */
function recordPendingCommit(b: Bench, sha: string): string {
  const [pending] = b.engine.pendingGitopsCommits();
  b.engine.recordGitopsCommit(pending!, {
    sha,
    message: pending!.message,
    author_name: pending!.authorName,
    author_email: pending!.authorEmail,
    committed_at: new Date(pending!.atMs).toISOString(),
    files: [],
  });
  return pending!.deployId;
}

const status = (b: Bench) =>
  b.engine.getEnvironmentGitops(b.admin, ORG, 'shop', 'development');

describe('modes', () => {
  it('deploys directly without a deployment_mode, and exports nothing', () => {
    const b = shopBench();
    const d = deploy(b, withDb);
    b.clock.advance(10_000);
    expect(status(b)).toMatchObject({ mode: 'direct', repository: null });
    expect(d.export_status).toBe('');
    expect(
      refusal(() =>
        b.engine.getDeploymentExport(b.admin, ORG, 'shop', 'development', d.id),
      ).code,
    ).toBe('not_found');
  });

  it('takes the mode, Operator version and repository folder from the matched k8s-cluster definition', () => {
    const b = shopBench();
    cluster(b, 'gitops', { operator_version: '0.9.2' });
    expect(status(b)).toMatchObject({
      mode: 'gitops',
      operator_version: '0.9.2',
      cluster: { def_id: 'cluster-gitops' },
      repository: { branch: 'main', path: `${ORG}/shop/development` },
      sync: { status: 'Unknown' },
    });
  });
});

describe('export', () => {
  it('renders the Operator resources deterministically, sorted and labelled, with secret references only', async () => {
    const b = shopBench();
    cluster(b, 'operator');
    postgres(b);
    const d = deploy(b, withDb);
    expect(d).toMatchObject({
      export_status: 'pending',
      export_file: `humanitec-export-${d.id}.yaml`,
      operator_version: '0.9.0',
      mode: 'full',
    });
    expect(
      refusal(() =>
        b.engine.getDeploymentExport(b.admin, ORG, 'shop', 'development', d.id),
      ).code,
    ).toBe('conflict');
    b.clock.advance(1500);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', d.id)
        .export_status,
    ).toBe('succeeded');
    const { yaml } = b.engine.getDeploymentExport(
      b.admin,
      ORG,
      'shop',
      'development',
      d.id,
    );
    expect(yaml).not.toContain(SECRET);
    expect(yaml).toContain('secretRefs');
    expect(yaml.match(/^kind: /gm)).toEqual([
      'kind: ',
      'kind: ',
      'kind: ',
      'kind: ',
      'kind: ',
    ]);
    await expect(yaml).toMatchFileSnapshot(
      '__golden__/export-full.yaml.golden',
    );
    // The same deployment renders the same bytes.
    expect(
      b.engine.getDeploymentExport(b.admin, ORG, 'shop', 'development', d.id)
        .yaml,
    ).toBe(yaml);
  });

  it('exports only what changed for mode incremental; the full view keeps every object', async () => {
    const b = shopBench();
    cluster(b, 'operator');
    postgres(b);
    deploy(b, withDb);
    b.clock.advance(20_000);
    const next = deploy(
      b,
      {
        modules: {
          update: {
            web: [
              {
                op: 'replace',
                path: '/spec/containers/main/image',
                value: 'reg/web:2',
              },
            ],
          },
        },
      },
      { mode: 'incremental' },
    );
    b.clock.advance(20_000);
    const file = b.engine.getDeploymentExport(
      b.admin,
      ORG,
      'shop',
      'development',
      next.id,
    ).yaml;
    const full = b.engine.getDeploymentExport(
      b.admin,
      ORG,
      'shop',
      'development',
      next.id,
      'full',
    ).yaml;
    // Only the workload whose image changed.
    expect(file.match(/^kind: .*$/gm)).toEqual(['kind: Workload']);
    expect(file).toContain('reg/web:2');
    expect(full.split('---\n').length).toBe(6);
    await expect(file).toMatchFileSnapshot(
      '__golden__/export-incremental.yaml.golden',
    );
  });

  it('names the objects an incremental deployment deleted in its export, and its commit drops their files', () => {
    const b = shopBench();
    cluster(b, 'gitops');
    postgres(b);
    deploy(b, withDb);
    b.clock.advance(20_000);
    recordPendingCommit(b, 'b'.repeat(40));
    const next = deploy(b, { modules: { remove: ['web'] } } as DeltaInput, {
      mode: 'incremental',
    });
    b.clock.advance(20_000);
    const file = b.engine.getDeploymentExport(
      b.admin,
      ORG,
      'shop',
      'development',
      next.id,
    ).yaml;
    expect(file).toMatch(/^# deleted: Workload\/web \(workload-web\.yaml\)$/m);
    expect(file).not.toMatch(/^name: web$/m);
    const [commit] = b.engine.pendingGitopsCommits();
    expect(commit!.deployId).toBe(next.id);
    expect(Object.keys(commit!.files)).toContain('workload-api.yaml');
    expect(Object.keys(commit!.files)).not.toContain('workload-web.yaml');
  });

  it('rewrites only the files whose object changed: no object names its deployment, the commit does', () => {
    const b = shopBench();
    cluster(b, 'gitops');
    postgres(b);
    const first = deploy(b, withDb);
    b.clock.advance(20_000);
    const [firstCommit] = b.engine.pendingGitopsCommits();
    recordPendingCommit(b, 'c'.repeat(40));
    const next = deploy(b, {
      modules: {
        update: {
          api: [
            {
              op: 'replace',
              path: '/spec/containers/main/image',
              value: 'reg/api:2',
            },
          ],
        },
      },
    });
    b.clock.advance(20_000);
    const [commit] = b.engine.pendingGitopsCommits();
    expect(commit!.deployId).toBe(next.id);
    // The same files; only the api's text differs, and in its image alone.
    const before = firstCommit!.files;
    expect(Object.keys(commit!.files)).toEqual(Object.keys(before));
    const rewritten = Object.keys(commit!.files).filter(
      (name) => commit!.files[name] !== before[name],
    );
    expect(rewritten).toEqual(['workload-api.yaml']);
    expect(commit!.files['workload-api.yaml']).toBe(
      before['workload-api.yaml']!.replace('reg/api:1', 'reg/api:2'),
    );
    // No object names a deployment or a set; the commit's trailers do.
    const yaml = Object.values(commit!.files).join('');
    for (const id of [first.id, next.id, first.set_id, next.set_id])
      expect(yaml).not.toContain(id);
    expect(commit!.message).toBe(
      `Ship it\n\nDeployment: ${next.id}\nDeployment-Set: ${next.set_id}\n`,
    );
    // The full export (what the manifest diff compares) agrees: one document differs.
    const full = (id: string) =>
      b.engine
        .getDeploymentExport(b.admin, ORG, 'shop', 'development', id, 'full')
        .yaml.split('---\n');
    const [was, is] = [full(first.id), full(next.id)];
    expect(is.filter((doc, i) => doc !== was[i])).toEqual([
      commit!.files['workload-api.yaml'],
    ]);
  });

  it('fails the deployment with OP-EXPORT-001 naming the object and field when a rendering is invalid', () => {
    const b = shopBench();
    cluster(b, 'operator');
    const d = deploy(b, {
      modules: {
        add: {
          api: {
            ...workload('reg/api:1'),
            spec: { replicas: 'three', containers: { main: { image: 'x' } } },
          },
        },
      },
    });
    b.clock.advance(20_000);
    const done = b.engine.getDeploy(b.admin, ORG, 'shop', 'development', d.id);
    expect(done).toMatchObject({ status: 'failed', export_status: 'failed' });
    const errors = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'development',
      d.id,
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'OP-EXPORT-001',
        object_id: 'Workload/api',
        message: expect.stringContaining(
          'field `spec.replicas` must be a whole number',
        ),
      }),
    ]);
  });
});

describe('reconciliation (GitOps controller and Operator on the clock)', () => {
  it('syncs the newest commit after the delay, then every resource goes Pending -> Ready and the deployment succeeds', () => {
    const b = shopBench();
    cluster(b, 'gitops');
    postgres(b);
    const d = deploy(b, withDb);
    b.clock.advance(2000);
    expect(status(b).sync).toMatchObject({
      status: 'OutOfSync',
      revision: null,
      next_sync_at: new Date(
        b.clock.now() - 2000 + 1000 + 10_000,
      ).toISOString(),
    });
    b.clock.advance(9500);
    const progressing = status(b);
    expect(progressing.sync.status).toBe('Progressing');
    expect(progressing.resources.map((r) => r.status)).toEqual([
      'Pending',
      'Pending',
      'Pending',
    ]);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', d.id).status,
    ).toBe('in progress');
    b.clock.advance(5000);
    const synced = status(b);
    // No repository committed the export here: the controller synced it, but no commit can be named.
    expect(synced.sync).toMatchObject({ status: 'Synced', revision: null });
    expect(synced.resources.map((r) => [r.kind, r.name, r.status])).toEqual([
      ['Resource', 'postgres.shared.db', 'Ready'],
      ['Workload', 'api', 'Ready'],
      ['Workload', 'web', 'Ready'],
    ]);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', d.id).status,
    ).toBe('succeeded');
    expect(
      b.engine.getEnvHealth(b.admin, ORG, 'shop', 'development').issues,
    ).toEqual([]);
  });

  it("names the commit the cluster runs as the sync's revision once the repository recorded it", () => {
    const b = shopBench();
    cluster(b, 'gitops');
    postgres(b);
    const d = deploy(b, withDb);
    b.clock.advance(30_000);
    const sha = 'a'.repeat(40);
    expect(recordPendingCommit(b, sha)).toBe(d.id);
    const synced = status(b);
    expect(synced.sync).toMatchObject({ status: 'Synced', revision: sha });
    expect(synced.last_commit?.sha).toBe(sha);
  });

  it('shows drift as Out of sync with the field-level difference, and resync restores git', () => {
    const b = runningGitops();
    const drifted = b.engine.causeGitopsDrift(
      b.dev,
      ORG,
      'shop',
      'development',
      { workload_id: 'api' },
    );
    expect(drifted.sync.status).toBe('OutOfSync');
    expect(drifted.drift).toEqual([
      {
        kind: 'Workload',
        name: 'api',
        field: 'spec.replicas',
        git_value: 1,
        live_value: 3,
      },
    ]);
    const health = b.engine.getEnvHealth(b.admin, ORG, 'shop', 'development');
    expect(health.root_cause).toMatchObject({
      state: 'Degraded',
      code: 'OP-DRIFT-001',
    });
    const resynced = b.engine.resyncGitops(b.dev, ORG, 'shop', 'development');
    expect(resynced.drift).toEqual([]);
    expect(resynced.sync.status).toBe('Synced');
  });

  // Each live edit of the demo, as kubectl makes it: the field, its value in git (null: git does not set it) and live.
  it.each([
    ['replicas', 'spec.replicas', 1, 3],
    [
      'image',
      'spec.containers.main.image',
      'reg/api:1',
      'reg/api:1-kubectl-edit',
    ],
    ['env', 'spec.containers.main.variables.LOG_LEVEL', null, 'debug'],
    [
      'memory_limit',
      'spec.containers.main.resources.limits.memory',
      null,
      '1Gi',
    ],
    ['label', 'metadata.labels.debug', null, 'true'],
  ] as const)(
    'a live edit of %s is Out of sync with %s git -> live, and resync restores git',
    (edit, field, git, live) => {
      const b = runningGitops();
      const drifted = b.engine.causeGitopsDrift(
        b.dev,
        ORG,
        'shop',
        'development',
        { workload_id: 'api', field: edit },
      );
      expect(drifted.sync.status).toBe('OutOfSync');
      expect(drifted.drift).toEqual([
        {
          kind: 'Workload',
          name: 'api',
          field,
          git_value: git,
          live_value: live,
        },
      ]);
      const resynced = b.engine.resyncGitops(b.dev, ORG, 'shop', 'development');
      expect(resynced.drift).toEqual([]);
      expect(resynced.sync.status).toBe('Synced');
    },
  );

  it('refuses a live edit of a field the demo does not know, naming the ones it does', () => {
    const b = runningGitops();
    expect(
      refusal(() =>
        b.engine.causeGitopsDrift(b.dev, ORG, 'shop', 'development', {
          field: 'volumes',
        }),
      ),
    ).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining(
        '`replicas`, `image`, `env`, `memory_limit`, `label`',
      ),
    });
  });

  it('fails resources whose secrets the in-cluster store lost, as the root cause, and recovers when restored', () => {
    const b = shopBench();
    cluster(b, 'operator');
    postgres(b);
    deploy(b, withDb);
    b.clock.advance(30_000);
    b.engine.setGitopsSecretFault(b.dev, ORG, 'shop', 'development', {
      broken: true,
    });
    b.clock.advance(1500);
    const broken = status(b);
    expect(broken.secret_fault).toBe(true);
    expect(broken.resources.find((r) => r.kind === 'Resource')).toMatchObject({
      status: 'Failed',
      conditions: expect.arrayContaining([
        expect.objectContaining({
          type: 'SecretsResolved',
          reason: 'SecretMissing',
        }),
      ]),
    });
    const health = b.engine.getEnvHealth(b.admin, ORG, 'shop', 'development');
    expect(health).toMatchObject({
      state: 'Failed',
      root_cause: { code: 'OP-SECRET-001', resource_id: 'shared.db' },
    });
    // The secret and its store by reference, never the value.
    expect(health.root_cause?.message).toContain(
      'reads secret `humanitec:orgs/acme/resources/defs/pg-dev/password`, which the in-cluster secret store does not have',
    );
    expect(JSON.stringify(health)).not.toContain(SECRET);
    b.engine.setGitopsSecretFault(b.dev, ORG, 'shop', 'development', {
      broken: false,
    });
    expect(status(b).resources.find((r) => r.kind === 'Resource')?.status).toBe(
      'Pending',
    );
    b.clock.advance(1500);
    expect(status(b).resources.every((r) => r.status === 'Ready')).toBe(true);
  });

  it('fails the deployment with OP-CRD-001 when the cluster Operator is too old for a kind', () => {
    const b = shopBench();
    cluster(b, 'operator', { operator_version: '0.6.0' });
    postgres(b);
    const d = deploy(b, withDb);
    b.clock.advance(30_000);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', d.id).status,
    ).toBe('failed');
    const errors = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'development',
      d.id,
    );
    expect(errors.map((e) => [e.code, e.object_id])).toEqual([
      ['OP-CRD-001', 'api'],
      ['OP-CRD-001', 'web'],
    ]);
    expect(errors[0].message).toContain('needs Operator 0.7.0 or newer');
  });

  it('demo actions are refused in the direct mode', () => {
    const b = shopBench();
    expect(
      refusal(() => b.engine.resyncGitops(b.dev, ORG, 'shop', 'development'))
        .code,
    ).toBe('conflict');
  });
});

describe('custom drivers at a private URL', () => {
  function privateDriver(b: Bench) {
    b.engine.createResourceDriver(b.admin, ORG, {
      id: 'inhouse-db',
      type: 'postgres',
      target: 'https://db-driver.platform.svc.cluster.local/',
      account_types: [],
      inputs_schema: { type: 'object' },
    });
    b.engine.createResourceDefinition(b.admin, ORG, {
      id: 'pg-private',
      name: 'Postgres (in-house driver)',
      type: 'postgres',
      driver_type: `${ORG}/inhouse-db`,
      driver_inputs: { values: { host: 'db' } },
      criteria: [{}],
    });
  }

  it('is refused with RES-PROV-002 in the direct mode', () => {
    const b = shopBench();
    privateDriver(b);
    const d = deploy(b, withDb);
    b.clock.advance(20_000);
    const errors = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'development',
      d.id,
    );
    expect(errors[0]).toMatchObject({
      code: 'RES-PROV-002',
      object_id: 'shared.db',
      message: expect.stringContaining('private URL'),
    });
  });

  it('works in the operator mode (the driver runs in the cluster)', () => {
    const b = shopBench();
    cluster(b, 'operator');
    privateDriver(b);
    const d = deploy(b, withDb);
    b.clock.advance(20_000);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', d.id).status,
    ).toBe('succeeded');
  });
});

describe('the demo', () => {
  it('deploys shop/production through the Operator and shop/preview through GitOps, both Synced and Ready', () => {
    const clock = createManualClock(T0);
    const engine = createEngine({
      clock,
      ids: createSequentialIds('demo'),
      seed: 'demo',
    });
    const admin = engine.authenticate(DEMO_TOKENS.administrator);
    const production = engine.getEnvironmentGitops(
      admin,
      ORG,
      'shop',
      'production',
    );
    expect(production).toMatchObject({
      mode: 'operator',
      repository: null,
      sync: { status: 'Synced' },
    });
    expect(production.resources.length).toBeGreaterThan(0);
    expect(production.resources.every((r) => r.status === 'Ready')).toBe(true);
    const preview = engine.getEnvironmentGitops(admin, ORG, 'shop', 'preview');
    expect(preview).toMatchObject({
      mode: 'gitops',
      repository: { branch: 'main', path: `${ORG}/shop/preview` },
      sync: { status: 'Synced' },
    });
    expect(
      engine.getEnvironmentGitops(admin, ORG, 'shop', 'development').mode,
    ).toBe('direct');
  });
});
