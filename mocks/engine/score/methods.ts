/**
 * The engine method of Score (the {@link ScoreEngine} part of `Engine`): any member of the organisation
 * converts (it reads nothing and changes nothing; the deployment that follows is authorized on its own).
 */
import type { Actor, Runners } from '../core/context';
import { guards } from '../access';
import { convertScore, type ScoreSet } from './convert';

/** Score conversion. */
export interface ScoreEngine {
  /** A Score file (the spec's ConvertScoreToSetBody) as a deployment set of one workload. */
  convertScoreToSet(actor: Actor, orgId: string, input: unknown): ScoreSet;
}

/** The Score method over the engine's runners. */
export function scoreMethods(runners: Runners): ScoreEngine {
  const { readOrg } = guards(runners);
  return {
    convertScoreToSet: (actor, orgId, input) =>
      readOrg(actor, orgId, () => convertScore(input)),
  };
}
