import { json, route, type Dto } from './kit';

/** Score (score/ in the engine): a Score file converted to a deployment set of one workload; changes nothing. */
export const scoreRoutes = [
  route('convertScoreToSet', async ({ engine, actor, params: p, body }) =>
    json(
      engine.convertScoreToSet(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['WorkloadArtefactVersionDeploymentSet'],
    ),
  ),
];
