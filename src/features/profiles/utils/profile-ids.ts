/** The qualified id of a profile (`org/id`), as workloads reference it and the API addresses it. */
export function qidOf(profile: { org_id: string; id: string }): string {
  return `${profile.org_id}/${profile.id}`;
}

/** Whether the profile is one of Humanitec's built-ins (read-only). */
export function isBuiltin(profile: { org_id: string }): boolean {
  return profile.org_id === 'humanitec';
}

/** The draft of the designer for a profile, or for a new one started from an example. */
export function draftKey(
  orgId: string,
  profileQid: string | undefined,
  exampleId: string | undefined,
): string {
  return `console:profile-draft:${orgId}/${profileQid ?? `new:${exampleId ?? 'blank'}`}`;
}

/** The qualified id (`org/id`) a workload's profile reference means in `orgId`: `web-service` → `acme/web-service`. */
export function qualifyProfile(orgId: string, ref: string): string {
  return ref.includes('/') ? ref : `${orgId}/${ref}`;
}
