/**
 * Where images run (console extension `listRunningImages`): every container
 * of every workload in the set each environment runs (deploys/runningDeploy:
 * the active deployment, else the newest succeeded one), with the artefact
 * version its image is, when one was pushed. What the Artefacts page shows as
 * "runs in", and the promotion lane's link from a running image to its version.
 */
import { deploySet, runningDeploy } from '../deploys';
import type { OpContext } from '../core/lookup';
import { requireOrg } from '../core/lookup';
import type { AppRecord, OrgRecord } from '../core/state';
import { bySeq } from '../core/state';
import {
  artefactsOf,
  parseImageReference,
  versionMatchesImage,
  type ArtefactVersionRecord,
} from './ops';

/** One running container and the artefact version of its image. */
export interface RunningImage {
  app_id: string;
  app_name: string;
  env_id: string;
  env_name: string;
  env_type: string;
  workload: string;
  container: string;
  image: string;
  deploy_id: string;
  /** The deployment's status (a pending or running one already counts: it is rolling out). */
  status: string;
  /** The artefact version the image is, when one was pushed (the newest one matching). */
  artefact_version_id?: string;
  artefact_id?: string;
}

/** The container images of a set's workloads: workload id → container id → image. */
export function imagesOfSet(set: {
  modules: Record<string, unknown>;
}): { workload: string; container: string; image: string }[] {
  const images: { workload: string; container: string; image: string }[] = [];
  for (const [workload, module] of Object.entries(set.modules)) {
    const spec = (module as { spec?: unknown } | null)?.spec;
    const containers =
      spec && typeof spec === 'object'
        ? (spec as { containers?: unknown }).containers
        : undefined;
    if (!containers || typeof containers !== 'object') continue;
    for (const [container, value] of Object.entries(containers)) {
      const image =
        value && typeof value === 'object'
          ? (value as { image?: unknown }).image
          : undefined;
      if (typeof image === 'string' && image !== '')
        images.push({ workload, container, image });
    }
  }
  return images;
}

/** The newest pushed version an image reference is (`name:tag` or `name@digest`), if any. */
export function versionOfImage(
  org: OrgRecord,
  image: string,
): ArtefactVersionRecord | undefined {
  const reference = parseImageReference(image);
  if (!reference) return undefined;
  let best: ArtefactVersionRecord | undefined;
  for (const version of Object.values(artefactsOf(org).versions)) {
    if (
      versionMatchesImage(version, reference) &&
      (!best || version.seq > best.seq)
    )
      best = version;
  }
  return best;
}

function runningIn(org: OrgRecord, app: AppRecord): RunningImage[] {
  const found: RunningImage[] = [];
  for (const env of bySeq(app.envs)) {
    const record = runningDeploy(app, env);
    if (!record) continue;
    let set;
    try {
      set = deploySet(app, record);
    } catch {
      continue;
    }
    for (const { workload, container, image } of imagesOfSet(set)) {
      const version = versionOfImage(org, image);
      found.push({
        app_id: app.app.id,
        app_name: app.app.name,
        env_id: env.env.id,
        env_name: env.env.name,
        env_type: env.env.type,
        workload,
        container,
        image,
        deploy_id: record.deployment.id,
        status: record.deployment.status,
        ...(version
          ? {
              artefact_version_id: version.id,
              artefact_id: version.artefact_id,
            }
          : {}),
      });
    }
  }
  return found;
}

/** Every running container image of the apps `readable` keeps, in app and environment creation order. */
export function listRunningImages(
  ctx: OpContext,
  orgId: string,
  readable: (appId: string) => boolean,
): RunningImage[] {
  const org = requireOrg(ctx.state, orgId);
  return bySeq(org.apps)
    .filter((app) => readable(app.app.id))
    .flatMap((app) => runningIn(org, app));
}

/**
 * When the newest change a set ships was made, from the artefact versions of
 * its images: the push time (`created_at`; CI pushes an image right after the
 * commit it builds) of the newest version pushed at or before `atMs`.
 * Undefined when none of its images was pushed. DORA's lead time uses it for
 * deployments that carry no commit metadata (dora/ops.ts).
 */
export function commitTimeOfSet(
  org: OrgRecord,
  set: { modules: Record<string, unknown> },
  atMs: number,
): number | undefined {
  let newest: number | undefined;
  for (const { image } of imagesOfSet(set)) {
    const version = versionOfImage(org, image);
    if (!version) continue;
    const pushed = Date.parse(version.created_at);
    if (
      Number.isFinite(pushed) &&
      pushed <= atMs &&
      (newest === undefined || pushed > newest)
    )
      newest = pushed;
  }
  return newest;
}
