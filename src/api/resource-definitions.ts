import { api, unwrap } from './client';
import type { components } from './schema';
import type { components as extensions } from './schema-extensions';

type Schemas = components['schemas'];
type ExtensionSchemas = extensions['schemas'];
export type ResourceDefinition = Schemas['ResourceDefinitionResponse'];
export type ResourceDefinitionVersion = Schemas['ResourceDefinitionVersion'];
export type ResourceDefinitionCreate =
  Schemas['CreateResourceDefinitionRequestRequest'];
export type ResourceDefinitionPatch =
  Schemas['PatchResourceDefinitionRequestRequest'];
export type ResourceDefinitionUpdate =
  Schemas['UpdateResourceDefinitionRequestRequest'];
export type MatchingCriteria = Schemas['MatchingCriteriaResponse'];
export type MatchingCriteriaRule = Schemas['MatchingCriteriaRuleRequest'];
export type ResourceDriver = Schemas['DriverDefinitionResponse'];
export type ResourceClass = Schemas['ResourceClassResponse'];
export type ResourceAccount = Schemas['ResourceAccountResponse'];
export type DriverInputs = Schemas['ValuesSecretsRefsRequest'];

/** The organisation's resource definitions (not the deleted ones). */
export function listResourceDefinitions(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/defs', { params: { path: { orgId } } }),
  );
}

/** One definition; its `driver_inputs.secrets` name where each secret is kept, never its value. */
export function getResourceDefinition(orgId: string, defId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/defs/{defId}', {
      params: { path: { orgId, defId } },
    }),
  );
}

/** Creates a definition (409 when the id is taken). */
export function createResourceDefinition(
  orgId: string,
  body: ResourceDefinitionCreate,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/resources/defs', {
      params: { path: { orgId } },
      body,
    }),
  );
}

/** Changes a definition's name, driver inputs, account or provision dependencies (a new version). */
export function patchResourceDefinition(
  orgId: string,
  defId: string,
  body: ResourceDefinitionPatch,
) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/resources/defs/{defId}', {
      params: { path: { orgId, defId } },
      body,
    }),
  );
}

/** Replaces a definition's content (PUT: a new version; secrets not sent are gone), e.g. to change its driver. */
export function updateResourceDefinition(
  orgId: string,
  defId: string,
  body: ResourceDefinitionUpdate,
) {
  return unwrap(
    api.PUT('/orgs/{orgId}/resources/defs/{defId}', {
      params: { path: { orgId, defId } },
      body,
    }),
  );
}

/** Deletes a definition (409 while active resources use it). */
export async function deleteResourceDefinition(orgId: string, defId: string) {
  await unwrap(
    api.DELETE('/orgs/{orgId}/resources/defs/{defId}', {
      params: { path: { orgId, defId } },
    }),
  );
}

/** Adds a matching criteria to a definition (409 when another definition of the type has the same rule). */
export function addDefinitionCriteria(
  orgId: string,
  defId: string,
  body: MatchingCriteriaRule,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/resources/defs/{defId}/criteria', {
      params: { path: { orgId, defId } },
      body,
    }),
  );
}

/** Removes a matching criteria (409 when resources matched through it are active). */
export async function deleteDefinitionCriteria(
  orgId: string,
  defId: string,
  criteriaId: string,
) {
  await unwrap(
    api.DELETE('/orgs/{orgId}/resources/defs/{defId}/criteria/{criteriaId}', {
      params: { path: { orgId, defId, criteriaId } },
    }),
  );
}

/** A definition's versions (archived ones too). */
export function listDefinitionVersions(orgId: string, defId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/defs/{defId}/versions', {
      params: { path: { orgId, defId }, query: { deleted: true } },
    }),
  );
}

/** Makes a version the active one: the next deployments provision with it. */
export async function promoteDefinitionVersion(
  orgId: string,
  defId: string,
  defVersionId: string,
) {
  await unwrap(
    api.POST(
      '/orgs/{orgId}/resources/defs/{defId}/versions/{defVersionId}/actions/promote',
      { params: { path: { orgId, defId, defVersionId } } },
    ),
  );
}

/** Archives a version (`archived: false` restores it); the active version cannot be archived. */
export async function archiveDefinitionVersion(
  orgId: string,
  defId: string,
  defVersionId: string,
  archived: boolean,
) {
  await unwrap(
    api.POST(
      '/orgs/{orgId}/resources/defs/{defId}/versions/{defVersionId}/actions/archive',
      { params: { path: { orgId, defId, defVersionId } }, body: { archived } },
    ),
  );
}

/** The drivers definitions may use, each with the JSON Schema of its inputs. */
export function listResourceDrivers(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/drivers', { params: { path: { orgId } } }),
  );
}

/** Every resource class of the organisation (with its resource type). */
export function listResourceClasses(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/classes', { params: { path: { orgId } } }),
  );
}

/** The organisation's resource accounts (credentials are never returned). */
export function listResourceAccounts(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/accounts', {
      params: { path: { orgId } },
    }),
  );
}

/** The active resources provisioned through a definition: where it is in use now. */
export function listDefinitionResources(orgId: string, defId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/defs/{defId}/resources', {
      params: { path: { orgId, defId } },
    }),
  );
}

/** The resource "Which definition matches?" asks about (the console's explainResourceMatch extension). */
export type ResourceMatchRequest = ExtensionSchemas['ResourceMatchRequest'];
/** The winner, or none, and every definition of the type ranked with why it won, lost or did not match. */
export type ResourceMatchResult = ExtensionSchemas['ResourceMatchResult'];

/** Which definition would provision the resource, and why (changes nothing). */
export function explainResourceMatch(
  orgId: string,
  body: ResourceMatchRequest,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/resources/match', {
      params: { path: { orgId } },
      body,
    }),
  );
}
