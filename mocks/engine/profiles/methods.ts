/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import type {
  WorkloadProfile,
  WorkloadProfileFeature,
  WorkloadProfileVersion,
} from '../core/model/profiles';
import { appReadFilter, authorize, guards } from '../access';
import { profileImpact, type ProfileImpact } from './impact';
import * as profiles from './ops';
import type { ProfileInput } from './ops';

/** Workload profiles of an organisation. */
export interface ProfilesEngine {
  /** Workload profiles of the organisation (built-ins first); deprecated ones only with `deprecated: true`. */
  listProfiles(
    actor: Actor,
    orgId: string,
    filter?: { deprecated?: boolean },
  ): WorkloadProfile[];
  /** A profile by qualified (`acme/web-service`) or bare (`web-service`) id: its current version. */
  getProfile(actor: Actor, orgId: string, profileRef: string): WorkloadProfile;
  /** Creates a profile of the organisation with its first version; 409 when the id is taken. */
  createProfile(
    actor: Actor,
    orgId: string,
    input: ProfileInput,
  ): WorkloadProfile;
  /** Publishes a new version of a profile (built-ins are read-only: 403). */
  updateProfile(
    actor: Actor,
    orgId: string,
    profileRef: string,
    input: ProfileInput,
  ): WorkloadProfile;
  deleteProfile(actor: Actor, orgId: string, profileRef: string): void;
  /** Versions of a profile, newest first. */
  listProfileVersions(
    actor: Actor,
    orgId: string,
    profileRef: string,
  ): WorkloadProfileVersion[];
  latestProfileVersion(
    actor: Actor,
    orgId: string,
    profileRef: string,
  ): WorkloadProfileVersion;
  /** The built-in profile features and their schemas. */
  listProfileFeatures(actor: Actor, orgId: string): WorkloadProfileFeature[];
  /** What publishing `input` as the next version would refuse (console extension; who may publish may ask). */
  previewProfileImpact(
    actor: Actor,
    orgId: string,
    profileRef: string,
    input: ProfileInput,
  ): ProfileImpact;
}

/** The profiles methods over the engine's runners. */
export function profileMethods(runners: Runners): ProfilesEngine {
  const { write, readOrg } = guards(runners);
  return {
    listProfiles: (actor, orgId, filter) =>
      readOrg(actor, orgId, (ctx) => profiles.listProfiles(ctx, orgId, filter)),
    getProfile: (actor, orgId, ref) =>
      readOrg(actor, orgId, (ctx) => profiles.getProfile(ctx, orgId, ref)),
    createProfile: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.profiles',
          orgId,
          doing: 'Creating workload profiles',
        });
        return profiles.createProfile(ctx, orgId, input);
      }),
    previewProfileImpact: (actor, orgId, ref, input) =>
      readOrg(actor, orgId, (ctx) => {
        authorize(ctx, {
          action: 'org.profiles',
          orgId,
          doing: 'Checking the impact of a profile version',
        });
        return profileImpact(ctx, orgId, ref, input, appReadFilter(ctx, orgId));
      }),
    updateProfile: (actor, orgId, ref, input) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.profiles',
          orgId,
          doing: 'Publishing workload profiles',
        });
        return profiles.updateProfile(ctx, orgId, ref, input);
      }),
    deleteProfile: (actor, orgId, ref) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.profiles',
          orgId,
          doing: 'Deleting workload profiles',
        });
        return profiles.deleteProfile(ctx, orgId, ref);
      }),
    listProfileVersions: (actor, orgId, ref) =>
      readOrg(actor, orgId, (ctx) =>
        profiles.listProfileVersions(ctx, orgId, ref),
      ),
    latestProfileVersion: (actor, orgId, ref) =>
      readOrg(actor, orgId, (ctx) =>
        profiles.latestProfileVersion(ctx, orgId, ref),
      ),
    listProfileFeatures: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => profiles.listFeatures(ctx, orgId)),
  };
}
