import { describe, expect, it } from 'vitest';
import type { DeploymentStep } from '@/api/health';
import type { DependencyGraphNode } from '@/api/resource-graphs';
import type { DeploymentError } from '@/api/types';
import {
  buildGraphModel,
  nodeKey,
  sharedNamesUsedBy,
  type GraphModelInput,
} from './resource-graph-model';

/** A graph node as the API answers it (only what the model reads matters). */
function graphNode(
  id: string,
  type: string,
  dependsOn: string[] = [],
  def: Partial<DependencyGraphNode> = {},
): DependencyGraphNode {
  return {
    id,
    type,
    class: 'default',
    guresid: `g-${id}`,
    def_id: `def-${type}`,
    def_version_id: 'v1',
    criteria_id: 'c1',
    driver_type: `humanitec/${type}`,
    driver: {},
    resource: {},
    resource_schema: {},
    depends_on: dependsOn.map((d) => `g-${d}`),
    in_place_driver_change: false,
    ...def,
  };
}

const workloadNode = (id: string, dependsOn: string[]) =>
  graphNode(id, 'workload', dependsOn, {
    def_id: 'default-workload',
    def_version_id: '',
  });

/** payments/staging as the demo has it: ledger-db's driver refused, so it is not in the graph. */
const set: GraphModelInput['set'] = {
  modules: {
    api: {
      profile: 'humanitec/default-module',
      externals: {},
      spec: {
        containers: {
          api: {
            variables: { DB: 'postgres://${shared.ledger-db.host}:5432' },
          },
        },
      },
    } as never,
    worker: {
      profile: 'humanitec/default-module',
      externals: { cache: { type: 'redis' } },
      spec: { containers: { w: { variables: { DNS: 'shared.dns' } } } },
    } as never,
  },
  shared: {
    'ledger-db': { type: 'postgres', params: { version: '18' } },
    dns: { type: 'dns' },
  },
};

const provisioned = [
  graphNode('k8s-cluster', 'k8s-cluster'),
  graphNode('k8s-namespace', 'k8s-namespace', ['k8s-cluster'], {
    def_id: 'default-k8s-namespace',
    def_version_id: '',
  }),
  graphNode('shared.dns', 'dns'),
  graphNode('modules.worker.externals.cache', 'redis'),
  workloadNode('api', ['k8s-namespace']),
  workloadNode('worker', ['k8s-namespace', 'modules.worker.externals.cache']),
];

const ledgerError: DeploymentError = {
  scope: 'resource',
  object_id: 'shared.ledger-db',
  code: 'RES-PROV-001',
  summary: 'Resource provisioning failed',
  message: 'Resource "shared.ledger-db" (type postgres, class default): …',
  error_type: 'ResourceProvisioningError',
};

const ledgerStep: DeploymentStep = {
  id: 'resource:shared.ledger-db',
  kind: 'resource',
  title: 'Provision `shared.ledger-db`',
  status: 'failed',
  object_id: 'shared.ledger-db',
  errors: [ledgerError],
  definition: {
    def_id: 'postgres-default',
    def_version_id: 'e900',
    driver_type: 'humanitec/postgres',
  },
};

const key = (type: string, id: string) => nodeKey(type, 'default', id);

describe('buildGraphModel', () => {
  it('adds the failed resource the graph lacks, first, with its error, its edges and the definition its step names', () => {
    const model = buildGraphModel({
      graphNodes: provisioned,
      set,
      errors: [ledgerError],
      steps: [ledgerStep],
      deploymentStatus: 'failed',
    });
    const [first] = model.nodes;
    expect(first).toMatchObject({
      id: 'shared.ledger-db',
      type: 'postgres',
      status: 'failed',
      errors: [ledgerError],
      definition: {
        defId: 'postgres-default',
        versionId: 'e900',
        driverType: 'humanitec/postgres',
      },
      usedBy: [key('workload', 'api')],
    });
    expect(model.byKey.get(key('workload', 'api'))?.dependsOn).toContain(
      first.key,
    );
    expect(model.edges).toContainEqual({
      from: key('workload', 'api'),
      to: first.key,
    });
    // Workloads were not rolled out (the deploy stopped at the resource); provisioned resources are ok.
    expect(model.byKey.get(key('workload', 'api'))?.status).toBe(
      'not-provisioned',
    );
    expect(model.byKey.get(key('dns', 'shared.dns'))?.status).toBe('ok');
  });

  it('orders failed nodes first, then workloads, then resources, each by id', () => {
    const model = buildGraphModel({
      graphNodes: provisioned,
      set,
      errors: [ledgerError],
      deploymentStatus: 'failed',
    });
    expect(model.nodes.map((n) => n.id)).toEqual([
      'shared.ledger-db',
      'api',
      'worker',
      'k8s-cluster',
      'k8s-namespace',
      'modules.worker.externals.cache',
      'shared.dns',
    ]);
  });

  it('keeps the graph’s edges and adds what the set says: externals, ${shared…} placeholders and `shared.x` references', () => {
    const model = buildGraphModel({
      graphNodes: provisioned,
      set,
      errors: [],
      deploymentStatus: 'succeeded',
    });
    const worker = model.byKey.get(key('workload', 'worker'));
    expect(worker?.dependsOn.sort()).toEqual(
      [
        key('k8s-namespace', 'k8s-namespace'),
        key('redis', 'modules.worker.externals.cache'),
        key('dns', 'shared.dns'),
      ].sort(),
    );
    expect(
      model.byKey.get(key('k8s-namespace', 'k8s-namespace'))?.dependsOn,
    ).toEqual([key('k8s-cluster', 'k8s-cluster')]);
    // No edge twice, though both the graph and the set name it.
    const edges = model.edges.map((e) => `${e.from}>${e.to}`);
    expect(new Set(edges).size).toBe(edges.length);
    // Only what the set asks for and the graph lacks is not provisioned.
    expect(
      model.nodes.filter((n) => n.status !== 'ok').map((n) => n.id),
    ).toEqual(['shared.ledger-db']);
  });

  it('names the orchestrator default without a page and keeps workloads without a definition', () => {
    const model = buildGraphModel({
      graphNodes: provisioned,
      set,
      errors: [],
      deploymentStatus: 'succeeded',
    });
    expect(
      model.byKey.get(key('k8s-namespace', 'k8s-namespace'))?.definition,
    ).toEqual({
      defId: 'default-k8s-namespace',
      versionId: '',
      driverType: 'humanitec/k8s-namespace',
    });
    expect(model.byKey.get(key('workload', 'api'))?.definition).toBeUndefined();
  });

  it('marks a resource nothing matched (RES-MATCH-001) failed without a definition, and a workload error on the workload', () => {
    const noMatch: DeploymentError = {
      ...ledgerError,
      code: 'RES-MATCH-001',
      object_id: 'modules.worker.externals.cache',
    };
    const workloadError: DeploymentError = {
      ...ledgerError,
      scope: 'workload',
      object_id: 'api',
      code: 'WL-PROF-001',
    };
    const model = buildGraphModel({
      graphNodes: provisioned.filter(
        (n) => n.id !== 'modules.worker.externals.cache',
      ),
      set,
      errors: [noMatch, workloadError],
      deploymentStatus: 'failed',
    });
    expect(model.nodes.slice(0, 2).map((n) => [n.id, n.status])).toEqual([
      ['modules.worker.externals.cache', 'failed'],
      ['api', 'failed'],
    ]);
    expect(model.nodes[0].definition).toBeUndefined();
    // The ledger database is neither provisioned nor named by an error.
    expect(model.byKey.get(key('postgres', 'shared.ledger-db'))?.status).toBe(
      'not-provisioned',
    );
  });

  it('takes a workload’s status from its step when the API has steps', () => {
    const model = buildGraphModel({
      graphNodes: provisioned,
      set,
      errors: [],
      steps: [
        {
          id: 'workload:api',
          kind: 'workload',
          title: 'Deploy `api`',
          status: 'succeeded',
          object_id: 'api',
          errors: [],
        },
        {
          id: 'workload:worker',
          kind: 'workload',
          title: 'Deploy `worker`',
          status: 'pending',
          object_id: 'worker',
          errors: [],
        },
      ],
      deploymentStatus: 'in progress',
    });
    expect(model.byKey.get(key('workload', 'api'))?.status).toBe('ok');
    expect(model.byKey.get(key('workload', 'worker'))?.status).toBe(
      'not-provisioned',
    );
  });

  it('tells apart a provision dependency that shares its parent’s id', () => {
    const model = buildGraphModel({
      graphNodes: [
        ...provisioned,
        graphNode('shared.dns', 'aws-policy', [], { guresid: 'g-policy' }),
      ],
      set,
      errors: [],
      deploymentStatus: 'succeeded',
    });
    expect(model.nodes.filter((n) => n.id === 'shared.dns')).toHaveLength(2);
  });
});

describe('sharedNamesUsedBy', () => {
  it('finds placeholders inside strings and whole-value references, once each', () => {
    expect(
      sharedNamesUsedBy({
        a: 'x ${shared.db.host}:${shared.db.port} ${shared.cache.url}',
        b: ['shared.dns', 'shared.', 'externals.bucket'],
        c: { d: '${externals.bucket.name}' },
      }),
    ).toEqual(['cache', 'db', 'dns']);
  });
});
