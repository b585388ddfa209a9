import { queryOptions } from '@tanstack/react-query';
import {
  explainResourceMatch,
  getResourceDefinition,
  listDefinitionResources,
  listDefinitionVersions,
  listResourceAccounts,
  listResourceClasses,
  listResourceDefinitions,
  listResourceDrivers,
  type ResourceMatchRequest,
} from '../resource-definitions';
import { keys } from './keys';

/** Drivers, classes and accounts change rarely (platform set-up), so they are fresh for a minute. */
const SETUP_STALE_MS = 60_000;

/**
 * Resource definitions, their versions, and what their forms pick from
 * (drivers, classes, accounts). Refetch policy: TanStack defaults, no polling
 * (they change only by edits).
 */
export const resourceDefQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.resourceDefList(orgId),
      queryFn: () => listResourceDefinitions(orgId),
    }),
  detail: (orgId: string, defId: string) =>
    queryOptions({
      queryKey: keys.resourceDefDetail(orgId, defId),
      queryFn: () => getResourceDefinition(orgId, defId),
    }),
  versions: (orgId: string, defId: string) =>
    queryOptions({
      queryKey: keys.resourceDefVersions(orgId, defId),
      queryFn: () => listDefinitionVersions(orgId, defId),
    }),
  /** The active resources a definition provisioned (where it is in use). */
  resources: (orgId: string, defId: string) =>
    queryOptions({
      queryKey: keys.resourceDefResources(orgId, defId),
      queryFn: () => listDefinitionResources(orgId, defId),
    }),
  drivers: (orgId: string) =>
    queryOptions({
      queryKey: keys.resourceDrivers(orgId),
      queryFn: () => listResourceDrivers(orgId),
      staleTime: SETUP_STALE_MS,
    }),
  classes: (orgId: string) =>
    queryOptions({
      queryKey: keys.resourceClasses(orgId),
      queryFn: () => listResourceClasses(orgId),
      staleTime: SETUP_STALE_MS,
    }),
  accounts: (orgId: string) =>
    queryOptions({
      queryKey: keys.resourceAccounts(orgId),
      queryFn: () => listResourceAccounts(orgId),
      staleTime: SETUP_STALE_MS,
    }),
  /** Which definition matches a resource (fresh whenever a definition changes: its key is under theirs). */
  match: (orgId: string, request: ResourceMatchRequest) =>
    queryOptions({
      queryKey: keys.resourceMatch(orgId, request),
      queryFn: () => explainResourceMatch(orgId, request),
    }),
};
