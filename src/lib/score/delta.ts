/**
 * The delta that deploys a converted Score file (what `convertScoreToSet` answers) to an environment, as
 * score-humanitec and `humctl score deploy` make it: the workload added (an `add` replaces a workload of the
 * same id), each shared resource added at `/<name>` (an `add` replaces one of the same name). The console's
 * "Deploy a Score file" and the CLI's `score deploy` both send it.
 */
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** What `convertScoreToSet` answers. */
export type ScoreSet = Schemas['WorkloadArtefactVersionDeploymentSet'];

/** The delta request for `set` in `envId`, named `name`. */
export function scoreDelta(
  set: ScoreSet,
  { envId, name }: { envId: string; name: string },
): Schemas['DeltaRequest'] {
  return {
    metadata: { env_id: envId, name },
    modules: { add: set.modules as Schemas['ModuleDeltasRequest']['add'] },
    shared: Object.keys(set.shared)
      .sort()
      .map((key) => ({ op: 'add', path: `/${key}`, value: set.shared[key] })),
  };
}

/** The workload id a converted set holds (it holds one). */
export function scoreWorkloadId(set: ScoreSet): string {
  return Object.keys(set.modules)[0] ?? '';
}
