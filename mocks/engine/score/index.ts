/**
 * Score: a Score file (score.dev/v1b1) and its Humanitec extensions converted to a deployment set of one
 * workload (`convertScoreToSet`, `POST /orgs/{orgId}/artefact-versions/convert-score`), as score-humanitec
 * maps it: the body and its overrides (body.ts), the Score schema check (validate.ts), where each resource
 * goes (resources.ts), placeholders (placeholders.ts), containers and service (convert.ts); the engine
 * method (methods.ts). Deploying the result is the deltas' and deploys' business.
 */
export * from './convert';
export * from './methods';
export {
  scoreProblems,
  SCORE_API_VERSION,
  LEGACY_SCORE_API_VERSION,
  type ScoreProblem,
} from './validate';
