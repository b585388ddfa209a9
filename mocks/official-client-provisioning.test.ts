// Humanitec's official TypeScript client (`@humanitec/autogen`) drives what a deployment provisions (issue 20:
// "the same through the API with the official client") against a real `npm run api`: a platform engineer creates a
// postgres definition for staging with a criteria, a developer's delta adds a workload reading `${shared.db.host}`
// and a shared `db`, the deployment matches it to that definition; the active resources, the deployment's dependency
// graph and a graph computed without deploying are read back; then the definition's inputs are broken and the next
// deployment fails with the definition named as the root cause. Every body is checked against the spec as it
// arrives. The client lacks pinActiveResource and getSetResourceInputs (API 0.26.6): those go through its fetch.
import { describe, expect, it } from 'vitest';
import { PROVISIONING_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  officialClientHarness,
  rejection,
  until,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-provisioning');
const { admin, developer, problems, texts } = api;
const orgId = 'acme';
const appId = 'shop';
const envId = 'staging';
const defId = `oc-staging-pg-${Date.now().toString(36)}`;
const SECRET = 'planted-oc-provisioning-secret-5e0d';

const FLOW_TIMEOUT_MS = 240_000;
const FINISHED = (status: string) =>
  status === 'succeeded' || status === 'failed';

/** A call the client lacks, through fetch with the admin token: status and JSON body. */
async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${api.apiHost}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${api.tokens.administrator}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  texts.push(text);
  return { status: response.status, body: JSON.parse(text) as unknown };
}

/** Creates a delta of the shared `db` (and a workload reading its host), deploys it to staging, waits for the end. */
async function deployDatabase(comment: string) {
  const created = (await developer.orgsOrgIdAppsAppIdDeltasPost({
    orgId,
    appId,
    DeltaRequest: {
      metadata: { name: comment, env_id: envId },
      modules: {
        add: {
          reports: {
            profile: 'humanitec/default-module',
            spec: {
              containers: {
                reports: {
                  id: 'reports',
                  image: 'registry.acme.dev/shop/reports:1.0.0',
                  variables: { DB_HOST: '${shared.db.host}' },
                },
              },
            },
          },
        },
      },
      shared: [
        {
          op: 'add',
          path: '/db',
          value: { type: 'postgres' },
        },
      ],
    },
  })) as { id: string };
  const deployment = await admin.createDeployment({
    orgId,
    appId,
    envId,
    DeploymentRequest: { delta_id: created.id, comment },
  });
  return until(
    comment,
    () => admin.getDeployment({ orgId, appId, envId, deployId: deployment.id }),
    (d) => FINISHED(d.status),
  );
}

describe('the official client drives what a deployment provisions', () => {
  it(
    'a staging definition picked by its criteria, its active resource and graph; broken inputs name the definition',
    async () => {
      await admin.createResourceDefinition({
        orgId,
        CreateResourceDefinitionRequestRequest: {
          id: defId,
          name: 'Postgres for staging',
          type: 'postgres',
          driver_type: 'humanitec/postgres',
          driver_inputs: {
            values: { version: '15' },
            secrets: { password: SECRET },
          },
          criteria: [{ env_type: 'staging' }],
        },
      });

      const done = await deployDatabase('Reports with a database');
      expect(done.status).toBe('succeeded');

      const active = await developer.listActiveResources({
        orgId,
        appId,
        envId,
      });
      const db = active.find((r) => r.res_id === 'shared.db');
      expect(db).toMatchObject({
        type: 'postgres',
        def_id: defId,
        driver_type: 'humanitec/postgres',
        deploy_id: done.id,
        env_type: 'staging',
      });
      expect(Object.keys(db!.secret_refs).sort()).toEqual([
        'password',
        'username',
      ]);

      // The deployment's graph: the workload needs the database.
      const raw = await call(
        'GET',
        `/orgs/${orgId}/apps/${appId}/envs/${envId}/deploys/${done.id}`,
      );
      const graphId = (raw.body as { dependency_graph_id: string })
        .dependency_graph_id;
      const graph = await developer.getDependencyGraph({
        orgId,
        appId,
        envId,
        graphId,
      });
      const reports = graph.nodes.find((n) => n.id === 'reports')!;
      const dbNode = graph.nodes.find((n) => n.id === 'shared.db')!;
      expect(dbNode.def_id).toBe(defId);
      expect(reports.depends_on).toContain(dbNode.guresid);

      // A graph computed for a resource without deploying (and its deprecated twin).
      const computed = await admin.createDependencyGraph({
        orgId,
        appId,
        envId,
        ResourceProvisionRequestRequest: [
          { id: 'shared.other', type: 'postgres' },
        ],
      });
      expect(computed.nodes.map((n) => n.def_id)).toEqual([defId]);
      const queried = await admin.queryResourceGraph({
        orgId,
        appId,
        envId,
        ResourceProvisionRequestRequest: [
          { id: 'shared.other', type: 'postgres' },
        ],
      });
      expect(queried.map((n) => n.def_id)).toEqual([defId]);

      // What the set asks for, and a pin (not in the client).
      const inputs = await call(
        'GET',
        `/orgs/${orgId}/apps/${appId}/sets/${done.set_id}/resources`,
      );
      expect(inputs.status).toBe(200);
      expect((inputs.body as { id: string }[]).map((r) => r.id)).toContain(
        'shared.db',
      );
      const pinned = await call(
        'POST',
        `/orgs/${orgId}/apps/${appId}/envs/${envId}/resources/postgres/shared.db/actions/pin`,
        { target_def_version_id: db!.def_version_id },
      );
      expect(pinned.status).toBe(200);
      await call(
        'POST',
        `/orgs/${orgId}/apps/${appId}/envs/${envId}/resources/postgres/shared.db/actions/pin`,
        { target_def_version_id: null },
      );

      // Break the definition's inputs: the next deployment fails, naming it.
      await admin.patchResourceDefinition({
        orgId,
        defId,
        PatchResourceDefinitionRequestRequest: {
          driver_inputs: { values: { version: '9' } },
        },
      });
      const failed = await deployDatabase('Reports again');
      expect(failed.status).toBe('failed');
      const errors = await developer.listDeploymentErrors({
        orgId,
        appId,
        envId,
        deployId: failed.id,
      });
      expect(errors[0]).toMatchObject({
        code: 'RES-PROV-001',
        object_id: 'shared.db',
      });
      expect(errors[0].message).toContain(`\`${defId}\``);
      expect(errors[0].message).toContain('PostgreSQL version "9"');

      // Deleting an active resource; then it is gone.
      await admin.deleteActiveResource({
        orgId,
        appId,
        envId,
        type: 'postgres',
        resId: 'shared.db',
      });
      expect(
        (
          await rejection(
            admin.deleteActiveResource({
              orgId,
              appId,
              envId,
              type: 'postgres',
              resId: 'shared.db',
            }),
          )
        ).status,
      ).toBe(404);

      expect(texts.join('\n')).not.toContain(SECRET);
      expect(problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it('called every provisioning operation the client has through it', () => {
    api.expectCalledEvery(PROVISIONING_OPERATIONS_BY_CLIENT_NAME);
  });
});
