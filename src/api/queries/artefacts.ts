import { queryOptions } from '@tanstack/react-query';
import { listArtefactVersions, listRunningImages } from '../artefacts';
import { keys } from './keys';

/** Artefact versions and where images run. Refetch policy: TanStack defaults (refetch on focus), no polling. */
export const artefactQueries = {
  versions: (orgId: string, archived = false) =>
    queryOptions({
      queryKey: keys.artefactVersions(orgId, archived),
      queryFn: () => listArtefactVersions(orgId, archived),
    }),
  running: (orgId: string) =>
    queryOptions({
      queryKey: keys.runningImages(orgId),
      queryFn: () => listRunningImages(orgId),
    }),
};
