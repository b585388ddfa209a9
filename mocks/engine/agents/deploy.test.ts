import { describe, expect, it } from 'vitest';
import {
  deployAndFinish,
  ORG,
  shopBench,
  workload,
  type Bench,
} from '../../fixtures/test-engine';
import { rsaPublicKey } from '../../testing/agent-keys';

/** An agent `edge-1`, the agent definition naming it and a cluster definition for staging reached through it. */
function privateCluster(b: Bench, { installed = true } = {}) {
  b.engine.createEnv(b.admin, ORG, 'shop', {
    id: 'staging',
    name: 'Staging',
    type: 'staging',
  });
  b.engine.createAgent(b.admin, ORG, {
    id: 'edge-1',
    public_key: rsaPublicKey(),
  });
  // Installed (the demo's stand-in): connected from now on.
  if (installed)
    b.engine.setAgentConnectivity(b.admin, ORG, 'edge-1', { connected: true });
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'agent-edge-1',
    name: 'Agent edge-1',
    type: 'agent',
    driver_type: 'humanitec/agent',
    driver_inputs: { values: { id: 'edge-1' } },
    criteria: [{ res_id: 'agent' }],
  });
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'private-staging',
    name: 'Private staging cluster',
    type: 'k8s-cluster',
    driver_type: 'humanitec/k8s-cluster',
    driver_inputs: {
      values: {
        name: 'private-staging',
        loadbalancer: '10.1.0.1',
        proxy_url: "${resources['agent.default#agent'].outputs.url}",
      },
    },
    criteria: [{ env_type: 'staging' }],
  });
}

const API = { modules: { add: { api: workload('reg/api:1') } } };

describe('deploying through an agent', () => {
  it('goes through a connected agent: a node of the graph the cluster needs, a step of the timeline', () => {
    const b = shopBench();
    privateCluster(b);
    const done = deployAndFinish(b, 'shop', 'staging', API);
    expect(done.status).toBe('succeeded');
    const graph = b.engine.getDependencyGraph(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.dependency_graph_id!,
    );
    const agent = graph.nodes.find((n) => n.type === 'agent')!;
    expect(agent).toMatchObject({
      id: 'agent',
      def_id: 'agent-edge-1',
      resource: {
        id: 'edge-1',
        url: 'https://edge-1.acme.agents.humanitec.internal',
      },
    });
    const cluster = graph.nodes.find((n) => n.type === 'k8s-cluster')!;
    expect(cluster.def_id).toBe('private-staging');
    expect(cluster.depends_on).toContain(agent.guresid);
    const steps = b.engine.getDeploySteps(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    expect(steps.steps.map((s) => s.id).slice(0, 2)).toEqual([
      'queue',
      'resource:agent',
    ]);
    expect(steps.steps[1]).toMatchObject({
      id: 'resource:agent',
      title: 'Reach the cluster through Humanitec Agent `edge-1`',
      status: 'succeeded',
    });
    const [overview] = b.engine.listAgentOverview(b.admin, ORG);
    expect(overview).toMatchObject({
      clusters: ['private-staging'],
      environments: [{ app_id: 'shop', env_id: 'staging' }],
    });
  });

  it('fails with RES-AGENT-001 naming the agent, when it was last seen and what to check once it is cut off', () => {
    const b = shopBench();
    privateCluster(b);
    b.clock.advance(65_000);
    b.engine.setAgentConnectivity(b.admin, ORG, 'edge-1', { connected: false });
    const done = deployAndFinish(b, 'shop', 'staging', API);
    expect(done.status).toBe('failed');
    const [error] = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    expect(error).toMatchObject({
      code: 'RES-AGENT-001',
      object_id: 'agent',
      error_type: 'AgentDisconnectedError',
    });
    expect(error.message).toMatch(/agent `edge-1`, which is disconnected/);
    expect(error.message).toMatch(/last seen at 2025-06-01T00:01:00.000Z/);
    expect(error.message).toMatch(/kubectl -n humanitec-agent get pods/);
    // Development is not behind the agent: it still deploys.
    expect(deployAndFinish(b, 'shop', 'development', API).status).toBe(
      'succeeded',
    );
  });

  it('fails naming an agent registered but never installed: it has never connected', () => {
    const b = shopBench();
    privateCluster(b, { installed: false });
    b.clock.advance(65_000);
    const done = deployAndFinish(b, 'shop', 'staging', API);
    expect(done.status).toBe('failed');
    const [error] = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'staging',
      done.id,
    );
    expect(error).toMatchObject({
      code: 'RES-AGENT-001',
      summary: 'Agent edge-1 is not connected',
    });
    expect(error.message).toMatch(/it has never connected/);
  });

  it("makes a disconnected agent the environment's first issue, before any workload noise", () => {
    const b = shopBench();
    privateCluster(b);
    const crashing = {
      modules: {
        add: {
          api: {
            ...workload('reg/api:1'),
            spec: {
              containers: {
                main: { image: 'reg/api:1', variables: { CRASH: 'true' } },
              },
            },
          },
        },
      },
    };
    expect(deployAndFinish(b, 'shop', 'staging', crashing).status).toBe(
      'succeeded',
    );
    b.clock.advance(60_000);
    const before = b.engine.getEnvHealth(b.admin, ORG, 'shop', 'staging');
    expect(before.root_cause?.code).toBe('CrashLoopBackOff');
    b.engine.setAgentConnectivity(b.admin, ORG, 'edge-1', { connected: false });
    const health = b.engine.getEnvHealth(b.admin, ORG, 'shop', 'staging');
    expect(health.state).toBe('Failed');
    expect(health.root_cause).toMatchObject({
      code: 'RES-AGENT-001',
      scope: 'environment',
      definition_id: 'agent-edge-1',
    });
    expect(health.summary).toMatch(
      /reached through agent `edge-1` \(cluster definition `private-staging`\), which is not connected/,
    );
    expect(health.issues.map((i) => i.code)).toContain('CrashLoopBackOff');
    // Development is not behind the agent: its health does not mention it.
    expect(
      b.engine
        .getEnvHealth(b.admin, ORG, 'shop', 'development')
        .issues.some((i) => i.code === 'RES-AGENT-001'),
    ).toBe(false);
  });
});
