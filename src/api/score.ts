import { api, unwrap } from './client';
import type { components } from './schema';

/** What the console sends to convert a Score file (the spec's ConvertScoreToSetBody). */
export type ConvertScoreBody = components['schemas']['ConvertScoreToSetBody'];
/** A converted Score file: a deployment set of one workload (the spec's WorkloadArtefactVersionDeploymentSet). */
export type ScoreSet =
  components['schemas']['WorkloadArtefactVersionDeploymentSet'];

/** Converts a Score file (and its Humanitec extensions) to a set of one workload; changes nothing. */
export function convertScore(orgId: string, body: ConvertScoreBody) {
  return unwrap(
    api.POST('/orgs/{orgId}/artefact-versions/convert-score', {
      params: { path: { orgId } },
      body,
    }),
  );
}
