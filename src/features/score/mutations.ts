import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createDelta } from '@/api/deltas';
import { createDeployment } from '@/api/deployments';
import { byPrefix } from '@/api/queries/keys';
import { explainResourceMatch } from '@/api/resource-definitions';
import { convertScore, type ScoreSet } from '@/api/score';
import { applyDeltaToSet } from '@/api/sets';
import { scoreDelta, scoreWorkloadId } from '@/lib/score/delta';
import { parseScoreText } from './utils/parse';
import { scoreResources } from './utils/resources';

/** The id of the empty deployment set: where an environment that never ran anything starts. */
const EMPTY_SET_ID = '0'.repeat(43);

/** What the page converts. */
export interface ScoreInput {
  text: string;
  extensions: string;
  image: string;
}

/** A conversion, previewed: the set, the set the environment would run, and how each resource matches. */
export interface ScorePreview {
  set: ScoreSet;
  workloadId: string;
  /** The set the environment runs now, and the one the delta makes of it (the engine applied it, nothing deployed). */
  baseSetId: string;
  nextSetId: string;
  matches: Awaited<ReturnType<typeof explainResourceMatch>>[];
}

/** Converts the Score file, applies its delta to the environment's set (without deploying) and explains each match. */
export function usePreviewScore(
  orgId: string,
  appId: string,
  envId: string,
  setId: string | undefined,
) {
  return useMutation({
    meta: { silent: true }, // the page shows the error in place
    mutationFn: async (input: ScoreInput): Promise<ScorePreview> => {
      const spec = parseScoreText(input.text, 'Score file');
      const extensions = input.extensions.trim()
        ? parseScoreText(input.extensions, 'extensions file')
        : undefined;
      const set = await convertScore(orgId, {
        spec,
        ...(extensions ? { extensions: extensions as never } : {}),
        ...(input.image.trim() ? { image: input.image.trim() } : {}),
      });
      const workloadId = scoreWorkloadId(set);
      const baseSetId = setId ?? EMPTY_SET_ID;
      const nextSetId = await applyDeltaToSet(
        orgId,
        appId,
        baseSetId,
        scoreDelta(set, { envId, name: `Score: ${workloadId}` }),
      );
      const matches = await Promise.all(
        scoreResources(set, workloadId).map((r) =>
          explainResourceMatch(orgId, {
            type: r.type,
            class: r.class,
            res_id: r.resId,
            app_id: appId,
            env_id: envId,
          }),
        ),
      );
      return {
        set,
        workloadId,
        baseSetId,
        nextSetId: String(nextSetId),
        matches,
      };
    },
  });
}

/** Deploys a previewed conversion: its delta, then a deployment of it. */
export function useDeployScore(orgId: string, appId: string, envId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: async ({
      preview,
      comment,
      basedOnDeployId,
    }: {
      preview: ScorePreview;
      comment: string;
      basedOnDeployId?: string;
    }) => {
      const name = comment || `Score: ${preview.workloadId}`;
      const deltaId = await createDelta(
        orgId,
        appId,
        scoreDelta(preview.set, { envId, name }),
      );
      return createDeployment(
        orgId,
        appId,
        envId,
        { delta_id: deltaId, comment: name },
        { basedOnDeployId },
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries(byPrefix.envs(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.deltas(orgId, appId)),
      ]),
  });
}
