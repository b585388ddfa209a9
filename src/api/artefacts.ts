import { api, unwrap } from './client';
import type { components } from './schema';
import type { components as extensions } from './schema-extensions';

/** A pushed container image version (the spec's ContainerArtefactVersion). */
export type ArtefactVersion = components['schemas']['ContainerArtefactVersion'];
/** An artefact: one image name. */
export type Artefact = components['schemas']['ArtefactResponse'];
/** A running container and the artefact version of its image (console extension). */
export type RunningImage = extensions['schemas']['RunningImage'];

/** The organisation's artefact versions, newest first; `archived` lists the archived ones instead. */
export async function listArtefactVersions(
  orgId: string,
  archived = false,
): Promise<ArtefactVersion[]> {
  const versions = await unwrap(
    api.GET('/orgs/{orgId}/artefact-versions', {
      params: { path: { orgId }, query: archived ? { archived: true } : {} },
    }),
  );
  // The engine serves container versions only (the spec's oneOf also allows workload versions).
  return versions.filter((v): v is ArtefactVersion => v.type === 'container');
}

/** Every running container of the apps the caller reads, with its artefact version (console extension). */
export function listRunningImages(orgId: string): Promise<RunningImage[]> {
  return unwrap(
    api.GET('/orgs/{orgId}/console/running-images', {
      params: { path: { orgId } },
    }),
  );
}

/** Archives (or restores) a version. */
export function setArtefactVersionArchived(
  orgId: string,
  artefactId: string,
  versionId: string,
  archived: boolean,
) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/artefacts/{artefactId}/versions/{versionId}', {
      params: { path: { orgId, artefactId, versionId } },
      body: { archived },
    }),
  );
}
