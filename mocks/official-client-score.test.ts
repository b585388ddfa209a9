// Humanitec's official TypeScript client (`@humanitec/autogen`) deploys Score files (issue 20 §2: "a Score sample
// deploys ... the same through the API with the official client") against a real `npm run api`: the console's
// samples are converted (convertScoreToSet: newer than the client's API 0.26.6, so through fetch, its answer checked
// against the spec like the client's), their delta made and deployed through the client. The deprecated-files
// sample deploys and its workload is in the environment's set; score-humanitec's dependencies sample asks for a
// postgres of class `sensitive`, which no definition of the demo matches: the deployment fails with RES-MATCH-001
// naming the resource.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreDelta, type ScoreSet } from '../src/lib/score/delta';
import { createContractChecker } from './handlers/contract-rules';
import { SCORE_OPERATIONS_THROUGH_FETCH } from './official-client-areas';
import {
  officialClientHarness,
  until,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-score');
const { admin, developer, problems, texts } = api;
const orgId = 'acme';
const appId = 'shop';
const envId = 'development';
const checker = createContractChecker('');
/** The operations called through fetch (the client lacks them). */
const throughFetch = new Set<string>();

const FLOW_TIMEOUT_MS = 240_000;
const sample = (file: string) =>
  parse(
    readFileSync(
      new URL(`../src/lib/score/samples/${file}`, import.meta.url),
      'utf8',
    ),
  ) as unknown;

/** convertScoreToSet through fetch (the client lacks it), checked against the spec. */
async function convert(body: unknown) {
  const path = `/orgs/${orgId}/artefact-versions/convert-score`;
  const response = await fetch(`${api.apiHost}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${api.tokens.developer}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  throughFetch.add('convertScoreToSet');
  const text = await response.text();
  texts.push(text);
  problems.push(
    ...checker.check(
      'POST',
      `${api.apiHost}${path}`,
      response.status,
      response.headers.get('content-type'),
      text,
    ).problems,
  );
  return { status: response.status, body: JSON.parse(text) as unknown };
}

/** Deploys a converted set to shop/development through the client and waits for the end. */
async function deploy(set: ScoreSet, comment: string) {
  const delta = (await developer.orgsOrgIdAppsAppIdDeltasPost({
    orgId,
    appId,
    DeltaRequest: scoreDelta(set, { envId, name: comment }) as never,
  })) as { id: string };
  const deployment = await developer.createDeployment({
    orgId,
    appId,
    envId,
    DeploymentRequest: { delta_id: delta.id, comment },
  });
  return until(
    comment,
    () => admin.getDeployment({ orgId, appId, envId, deployId: deployment.id }),
    (d) => d.status === 'succeeded' || d.status === 'failed',
  );
}

describe('the official client deploys Score files', () => {
  it(
    'a sample deploys and its workload is in the environment; one naming a workload the environment lacks fails with WL-RES-002',
    async () => {
      const converted = await convert({
        spec: sample('score-deprecated-files-and-volumes.yaml'),
      });
      expect(converted.status).toBe(200);
      const done = await deploy(
        converted.body as ScoreSet,
        'Score: deprecated-files-example',
      );
      expect(done.status).toBe('succeeded');
      const env = await developer.getEnvironment({ orgId, appId, envId });
      expect(env.last_deploy?.id).toBe(done.id);
      const set = await (
        await developer.orgsOrgIdAppsAppIdSetsSetIdGetRaw({
          orgId,
          appId,
          setId: done.set_id,
        })
      ).raw.json();
      expect(
        (set as { modules: Record<string, unknown> }).modules[
          'deprecated-files-example'
        ],
      ).toMatchObject({
        profile: 'humanitec/default-module',
        spec: { containers: { main: { image: 'example-image:latest' } } },
      });

      const dependencies = await convert({
        spec: sample('score-humanitec-03-dependencies.score.yaml'),
        extensions: sample('score-humanitec-03-dependencies.humanitec.yaml'),
      });
      expect(dependencies.status).toBe(200);
      const failed = await deploy(
        dependencies.body as ScoreSet,
        'Score: service-a',
      );
      expect(failed.status).toBe('failed');
      const errors = await developer.listDeploymentErrors({
        orgId,
        appId,
        envId,
        deployId: failed.id,
      });
      // Its postgres of class sensitive matches postgres-sensitive; `${resources.backend.name}` names a workload
      // shop/development does not run (identity/staging does: mocks/cli-score.test.ts deploys it there).
      expect(errors[0]).toMatchObject({ code: 'WL-RES-002' });
      expect(errors[0].message).toContain('modules.backend');

      const refused = await convert({
        spec: { apiVersion: 'score.dev/v1b1', metadata: { name: 'x1' } },
      });
      expect(refused).toMatchObject({
        status: 400,
        body: { error: 'API-400', details: { field: 'spec.containers' } },
      });
      expect(problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it('called every operation of the area', () => {
    expect(
      SCORE_OPERATIONS_THROUGH_FETCH.filter((op) => !throughFetch.has(op)),
    ).toEqual([]);
    // The client calls made for the deploys.
    api.expectCalledEvery({
      createDelta: 'orgsOrgIdAppsAppIdDeltasPost',
      createDeployment: 'createDeployment',
      listDeploymentErrors: 'listDeploymentErrors',
    });
  });
});
