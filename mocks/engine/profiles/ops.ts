/**
 * Workload profiles of an organisation: the built-ins (read-only), the
 * organisation's own profiles and their versions. A profile's current
 * version is its newest one ("the latest update wins"); updating a profile
 * adds a version. Every organisation gets the built-ins (and `acme` its demo
 * profiles) the first time its profiles are used, dated at the
 * organisation's creation, so persisted states from before profiles existed
 * get them too and the demo seed stays deterministic.
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireOrg } from '../core/lookup';
import {
  ACME_PROFILES,
  BUILTIN_CHART,
  BUILTIN_ORG,
  BUILTIN_PROFILES,
  type ProfileSeed,
} from './builtin';
import { FEATURES } from './features';
import type {
  ChartRef,
  ProfileRecord,
  ProfileVersionRecord,
  SpecDefinition,
  WorkloadProfile,
  WorkloadProfileFeature,
  WorkloadProfileVersion,
} from '../core/model/profiles';
import { checkSpecDefinition, deriveSpecSchema } from './schema';
import type { OrgRecord, StateV1 } from '../core/state';
import { bySeq, isoAt } from '../core/state';
import { assertId, invalid, show } from '../core/validate';

/** Input of create (the spec's WorkloadProfileRequest) and update (WorkloadProfileUpdateRequest, without `id`). */
export interface ProfileInput {
  id?: string;
  description?: string;
  deprecation_message?: string;
  spec_definition: SpecDefinition;
  version?: string;
  workload_profile_chart: ChartRef;
}

/** The profiles of an organisation (the seeded ones until it changes any); never mutates the state. */
export function orgProfiles(
  state: StateV1,
  orgId: string,
): Record<string, ProfileRecord> {
  const org = requireOrg(state, orgId);
  return org.profiles ?? seededProfiles(org);
}

/**
 * The seeded profiles of an organisation that changed none, for reading only: every deploy reads
 * them (a fifth of the demo's seed went into copying the same schemas again). Kept by what a seed
 * reads of the organisation (id, creator, creation time; a write's draft copies the organisation's
 * objects, so not by object), a few organisations at most; a write that changes profiles takes its
 * own copy ({@link writableProfiles}).
 */
const seededByOrg = new Map<string, Record<string, ProfileRecord>>();
const MAX_SEEDED_ORGS = 32;

function seededProfiles(org: OrgRecord): Record<string, ProfileRecord> {
  const key = JSON.stringify([
    org.org.id,
    org.org.created_by,
    org.org.created_at,
  ]);
  let seeded = seededByOrg.get(key);
  if (!seeded) {
    seeded = seedProfiles(org);
    if (seededByOrg.size >= MAX_SEEDED_ORGS)
      seededByOrg.delete(seededByOrg.keys().next().value!);
    seededByOrg.set(key, seeded);
  }
  return seeded;
}

/** The profiles of an organisation, stored into the (draft) state so they can change (a fresh seed, never the kept one). */
export function writableProfiles(
  state: StateV1,
  orgId: string,
): Record<string, ProfileRecord> {
  const org = requireOrg(state, orgId);
  org.profiles ??= seedProfiles(org);
  return org.profiles;
}

function seedProfiles(org: OrgRecord): Record<string, ProfileRecord> {
  const seeds = [
    ...BUILTIN_PROFILES,
    ...(org.org.id === 'acme' ? ACME_PROFILES : []),
  ];
  // Negative sequence numbers: seeded profiles list before anything created later.
  return Object.fromEntries(
    seeds.map((seed, i) => [
      `${seed.orgId}/${seed.id}`,
      seedRecord(seed, org, i - seeds.length),
    ]),
  );
}

function seedRecord(
  seed: ProfileSeed,
  org: OrgRecord,
  seq: number,
): ProfileRecord {
  const by = seed.orgId === BUILTIN_ORG ? BUILTIN_ORG : org.org.created_by;
  const at = org.org.created_at;
  return {
    seq,
    orgId: seed.orgId,
    id: seed.id,
    created_at: at,
    created_by: by,
    versions: [
      {
        version: seed.version,
        description: seed.description,
        spec_definition: structuredClone(seed.spec_definition),
        workload_profile_chart:
          seed.orgId === BUILTIN_ORG
            ? { id: `humanitec/${seed.id}`, version: '1.0.0' }
            : { ...BUILTIN_CHART },
        created_at: at,
        created_by: by,
      },
    ],
  };
}

/** The qualified id (`org/id`) a reference means in `orgId`: `web-service` → `acme/web-service`. */
export function qualify(orgId: string, ref: string): string {
  return ref.includes('/') ? ref : `${orgId}/${ref}`;
}

/** A profile of the organisation by qualified (or bare) id, or undefined. */
export function findProfile(
  state: StateV1,
  orgId: string,
  ref: string,
): ProfileRecord | undefined {
  const profiles = orgProfiles(state, orgId);
  const qid = qualify(orgId, ref);
  return Object.hasOwn(profiles, qid) ? profiles[qid] : undefined;
}

function requireProfile(
  state: StateV1,
  orgId: string,
  ref: string,
  writable = false,
): ProfileRecord {
  const profiles = writable
    ? writableProfiles(state, orgId)
    : orgProfiles(state, orgId);
  const qid = qualify(orgId, ref);
  const found = Object.hasOwn(profiles, qid) ? profiles[qid] : undefined;
  if (!found) {
    throw new EngineError(
      'not_found',
      `Workload profile \`${ref}\` does not exist in organisation \`${orgId}\`.`,
      { kind: 'workload-profile', id: ref },
    );
  }
  return found;
}

const current = (record: ProfileRecord) =>
  record.versions[record.versions.length - 1];

/** The spec_schema of a profile's current version. */
export function specSchemaOf(record: ProfileRecord) {
  return deriveSpecSchema(current(record).spec_definition);
}

function toProfile(record: ProfileRecord): WorkloadProfile {
  const latest = current(record);
  return {
    id: record.id,
    org_id: record.orgId,
    version: latest.version,
    description: latest.description,
    ...(latest.deprecation_message
      ? { deprecation_message: latest.deprecation_message }
      : {}),
    spec_definition: structuredClone(latest.spec_definition),
    spec_schema: deriveSpecSchema(latest.spec_definition),
    workload_profile_chart: { ...latest.workload_profile_chart },
    created_at: record.created_at,
    created_by: record.created_by,
    updated_at: latest.created_at,
    updated_by: latest.created_by,
  };
}

function toVersion(
  record: ProfileRecord,
  version: ProfileVersionRecord,
): WorkloadProfileVersion {
  return {
    id: version.version,
    org_id: record.orgId,
    workload_profile_id: record.id,
    version: version.version,
    description: version.description,
    ...(version.deprecation_message
      ? { deprecation_message: version.deprecation_message }
      : {}),
    spec_definition: structuredClone(version.spec_definition),
    spec_schema: deriveSpecSchema(version.spec_definition),
    workload_profile_chart: { ...version.workload_profile_chart },
    created_at: version.created_at,
    created_by: version.created_by,
  };
}

/** Profiles of the organisation (built-ins first), without deprecated ones unless asked. */
export function listProfiles(
  ctx: OpContext,
  orgId: string,
  filter: { deprecated?: boolean } = {},
): WorkloadProfile[] {
  return bySeq(orgProfiles(ctx.state, orgId))
    .filter(
      (record) => filter.deprecated || !current(record).deprecation_message,
    )
    .map(toProfile);
}

/** One profile (its current version). */
export function getProfile(
  ctx: OpContext,
  orgId: string,
  ref: string,
): WorkloadProfile {
  return toProfile(requireProfile(ctx.state, orgId, ref));
}

/** Versions of a profile, newest first. */
export function listProfileVersions(
  ctx: OpContext,
  orgId: string,
  ref: string,
): WorkloadProfileVersion[] {
  const record = requireProfile(ctx.state, orgId, ref);
  return [...record.versions].reverse().map((v) => toVersion(record, v));
}

/** The newest version of a profile. */
export function latestProfileVersion(
  ctx: OpContext,
  orgId: string,
  ref: string,
): WorkloadProfileVersion {
  const record = requireProfile(ctx.state, orgId, ref);
  return toVersion(record, current(record));
}

/** The built-in features. */
export function listFeatures(
  ctx: OpContext,
  orgId: string,
): WorkloadProfileFeature[] {
  requireOrg(ctx.state, orgId);
  return Object.values(FEATURES).map((f) => ({
    id: f.id,
    org_id: BUILTIN_ORG,
    version: f.version,
    schema: structuredClone(f.schema),
  }));
}

function newVersion(
  ctx: OpContext,
  input: ProfileInput,
  previous?: ProfileRecord,
): ProfileVersionRecord {
  checkSpecDefinition(input.spec_definition, ctx.schemas);
  const taken = new Set(previous?.versions.map((v) => v.version));
  const version = input.version?.trim() || nextVersion(previous);
  if (taken.has(version)) {
    throw new EngineError(
      'conflict',
      `Version \`${version}\` of this profile exists already; version strings are unique. Leave it empty to get the next one.`,
      { version },
    );
  }
  if (version.length > 50)
    invalid(`A version has at most 50 characters; got ${show(version)}.`);
  return {
    version,
    description: input.description?.trim() ?? '',
    ...(input.deprecation_message?.trim()
      ? { deprecation_message: input.deprecation_message.trim() }
      : {}),
    spec_definition: structuredClone(input.spec_definition),
    workload_profile_chart: {
      id: input.workload_profile_chart.id,
      version: input.workload_profile_chart.version,
    },
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
  };
}

/** The version after the current one: its semantic version with the patch bumped, else a count. */
function nextVersion(record?: ProfileRecord): string {
  if (!record) return '1.0.0';
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current(record).version);
  const taken = new Set(record.versions.map((v) => v.version));
  let candidate = match
    ? `${match[1]}.${match[2]}.${Number(match[3]) + 1}`
    : String(record.versions.length + 1);
  while (taken.has(candidate)) candidate = `${candidate}.1`;
  return candidate;
}

function refuseBuiltin(record: ProfileRecord, action: string): void {
  if (record.orgId === BUILTIN_ORG) {
    throw new EngineError(
      'forbidden',
      `Built-in profile \`${record.orgId}/${record.id}\` cannot be ${action}: create your own profile from it instead.`,
      { id: `${record.orgId}/${record.id}` },
    );
  }
}

/** Creates a profile of the organisation (its first version); 409 when the id is taken. */
export function createProfile(
  ctx: OpContext,
  orgId: string,
  input: ProfileInput,
): WorkloadProfile {
  const id = assertId('Profile id', input.id);
  const profiles = writableProfiles(ctx.state, orgId);
  const qid = `${orgId}/${id}`;
  if (Object.hasOwn(profiles, qid)) {
    throw new EngineError(
      'conflict',
      `Workload profile \`${qid}\` exists already: publish a new version of it instead.`,
      { id: qid },
    );
  }
  const at = isoAt(ctx.now);
  profiles[qid] = {
    seq: nextSeq(ctx.state),
    orgId,
    id,
    created_at: at,
    created_by: ctx.userId,
    versions: [newVersion(ctx, input)],
  };
  return toProfile(profiles[qid]);
}

/** Adds a version to a profile of the organisation (built-ins are read-only). */
export function updateProfile(
  ctx: OpContext,
  orgId: string,
  ref: string,
  input: ProfileInput,
): WorkloadProfile {
  const record = requireProfile(ctx.state, orgId, ref, true);
  refuseBuiltin(record, 'changed');
  record.versions.push(newVersion(ctx, input, record));
  return toProfile(record);
}

/** Deletes a profile of the organisation (built-ins cannot be deleted). */
export function deleteProfile(
  ctx: OpContext,
  orgId: string,
  ref: string,
): void {
  const record = requireProfile(ctx.state, orgId, ref, true);
  refuseBuiltin(record, 'deleted');
  delete writableProfiles(ctx.state, orgId)[`${record.orgId}/${record.id}`];
}
