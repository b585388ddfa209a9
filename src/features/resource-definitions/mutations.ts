import { useMutation, useQueryClient } from '@tanstack/react-query';
import { byPrefix } from '@/api/queries/keys';
import {
  addDefinitionCriteria,
  archiveDefinitionVersion,
  createResourceDefinition,
  deleteDefinitionCriteria,
  deleteResourceDefinition,
  patchResourceDefinition,
  updateResourceDefinition,
  promoteDefinitionVersion,
  type MatchingCriteriaRule,
  type ResourceDefinitionCreate,
  type ResourceDefinitionPatch,
  type ResourceDefinitionUpdate,
} from '@/api/resource-definitions';

/** Every change to definitions, criteria and versions; each refreshes the definitions (and every match). */
export function useDefinitionChanges(orgId: string) {
  const client = useQueryClient();
  const invalidate = () =>
    client.invalidateQueries(byPrefix.resourceDefs(orgId));
  return {
    create: useMutation({
      // The editor shows a refusal in place (a toast over it said it twice).
      meta: { silent: true },
      mutationFn: (body: ResourceDefinitionCreate) =>
        createResourceDefinition(orgId, body),
      onSuccess: invalidate,
    }),
    patch: useMutation({
      // The editor shows a refusal in place (a toast over it said it twice).
      meta: { silent: true },
      mutationFn: (v: { defId: string; body: ResourceDefinitionPatch }) =>
        patchResourceDefinition(orgId, v.defId, v.body),
      onSuccess: invalidate,
    }),
    replace: useMutation({
      // The editor shows a refusal in place (a toast over it said it twice).
      meta: { silent: true },
      mutationFn: (v: { defId: string; body: ResourceDefinitionUpdate }) =>
        updateResourceDefinition(orgId, v.defId, v.body),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (defId: string) => deleteResourceDefinition(orgId, defId),
      onSuccess: invalidate,
    }),
  };
}

/** Adding and removing a definition's matching criteria. */
export function useCriteriaChanges(orgId: string, defId: string) {
  const client = useQueryClient();
  const invalidate = () =>
    client.invalidateQueries(byPrefix.resourceDefs(orgId));
  return {
    add: useMutation({
      // The criteria editor shows a refusal in place.
      meta: { silent: true },
      mutationFn: (rule: MatchingCriteriaRule) =>
        addDefinitionCriteria(orgId, defId, rule),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (criteriaId: string) =>
        deleteDefinitionCriteria(orgId, defId, criteriaId),
      onSuccess: invalidate,
    }),
  };
}

/** Promoting a version to current, and archiving or restoring one. */
export function useVersionChanges(orgId: string, defId: string) {
  const client = useQueryClient();
  const invalidate = () =>
    client.invalidateQueries(byPrefix.resourceDefs(orgId));
  return {
    promote: useMutation({
      mutationFn: (versionId: string) =>
        promoteDefinitionVersion(orgId, defId, versionId),
      onSuccess: invalidate,
    }),
    archive: useMutation({
      mutationFn: (v: { versionId: string; archived: boolean }) =>
        archiveDefinitionVersion(orgId, defId, v.versionId, v.archived),
      onSuccess: invalidate,
    }),
  };
}
