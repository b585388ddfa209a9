import { api, unwrap } from './client';
import type { components } from './schema-extensions';
import type { WorkloadProfileRequest, WorkloadProfileUpdate } from './types';

type ExtensionSchemas = components['schemas'];
/** What publishing a candidate version would refuse (extension endpoint previewProfileImpact). */
export type ProfileImpact = ExtensionSchemas['ProfileImpact'];

/** Workload profiles of the organisation; deprecated ones only when asked. */
export function listProfiles(orgId: string, deprecated = false) {
  return unwrap(
    api.GET('/orgs/{orgId}/workload-profiles', {
      params: { path: { orgId }, query: { deprecated, per_page: 100 } },
    }),
  );
}

/** One profile (its current version), by qualified id such as `acme/web-service`. */
export function getProfile(orgId: string, profileQid: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/workload-profiles/{profileQid}', {
      params: { path: { orgId, profileQid } },
    }),
  );
}

/** The versions of a profile, newest first. */
export function listProfileVersions(orgId: string, profileQid: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/workload-profiles/{profileQid}/versions', {
      params: { path: { orgId, profileQid }, query: { per_page: 100 } },
    }),
  );
}

/** The built-in features a profile can use, with their schemas. */
export function listProfileFeatures(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/workload-profile-features', {
      params: { path: { orgId } },
    }),
  );
}

/** The resource types workloads can ask for (the resource picker's last group). */
export function listResourceTypes(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/resources/types', { params: { path: { orgId } } }),
  );
}

/** Creates a profile (its first version). */
export function createProfile(orgId: string, body: WorkloadProfileRequest) {
  return unwrap(
    api.POST('/orgs/{orgId}/workload-profiles', {
      params: { path: { orgId } },
      body,
    }),
  );
}

/** Publishes a new version of a profile. */
export function updateProfile(
  orgId: string,
  profileQid: string,
  body: WorkloadProfileUpdate,
) {
  return unwrap(
    api.PUT('/orgs/{orgId}/workload-profiles/{profileQid}', {
      params: { path: { orgId, profileQid } },
      body,
    }),
  );
}

/** What publishing `body` as the next version would refuse (console extension; nothing is published). */
export function previewProfileImpact(
  orgId: string,
  profileQid: string,
  body: WorkloadProfileUpdate,
): Promise<ProfileImpact> {
  return unwrap(
    api.POST('/orgs/{orgId}/workload-profiles/{profileQid}/console/impact', {
      params: { path: { orgId, profileQid } },
      body: body as ExtensionSchemas['ProfileImpactRequest'],
    }),
  );
}

/** Deletes a profile of the organisation. */
export function deleteProfile(orgId: string, profileQid: string) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/workload-profiles/{profileQid}', {
      params: { path: { orgId, profileQid } },
    }),
  );
}
