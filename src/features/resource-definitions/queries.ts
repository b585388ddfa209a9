import { useQuery } from '@tanstack/react-query';
import { appQueries } from '@/api/queries/apps';
import { envTypeQueries } from '@/api/queries/env-types';
import { profileQueries } from '@/api/queries/profiles';
import { resourceDefQueries } from '@/api/queries/resource-definitions';
import type { ResourceMatchRequest } from '@/api/resource-definitions';

/** The organisation's resource definitions. */
export const useResourceDefinitions = (orgId: string) =>
  useQuery(resourceDefQueries.list(orgId));

/** One definition. */
export const useResourceDefinition = (orgId: string, defId: string) =>
  useQuery(resourceDefQueries.detail(orgId, defId));

/** A definition's versions. */
export const useDefinitionVersions = (orgId: string, defId: string) =>
  useQuery(resourceDefQueries.versions(orgId, defId));

/** Where a definition is in use: the active resources it provisioned. */
export const useDefinitionResources = (orgId: string, defId: string) =>
  useQuery(resourceDefQueries.resources(orgId, defId));

/** The drivers a definition may use. */
export const useResourceDrivers = (orgId: string) =>
  useQuery(resourceDefQueries.drivers(orgId));

/** The resource classes (every type's). */
export const useResourceClasses = (orgId: string) =>
  useQuery(resourceDefQueries.classes(orgId));

/** The resource accounts a driver may use. */
export const useResourceAccounts = (orgId: string) =>
  useQuery(resourceDefQueries.accounts(orgId));

/** Which definition matches a resource; asked once the request is complete. */
export const useResourceMatch = (
  orgId: string,
  request: ResourceMatchRequest | undefined,
) =>
  useQuery({
    ...resourceDefQueries.match(orgId, request ?? EMPTY_REQUEST),
    enabled: request !== undefined,
  });

const EMPTY_REQUEST: ResourceMatchRequest = {
  type: '',
  res_id: '',
  app_id: '',
  env_id: '',
};

/** The resource types (with their names). */
export const useResourceTypes = (orgId: string) =>
  useQuery(profileQueries.resourceTypes(orgId));

/** The apps with their environments (ids, names, types), for the pickers. */
export const useApps = (orgId: string) => useQuery(appQueries.list(orgId));

/** The environment types, for the pickers. */
export const useEnvTypes = (orgId: string) =>
  useQuery(envTypeQueries.list(orgId));
