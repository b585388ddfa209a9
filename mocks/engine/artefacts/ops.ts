/**
 * Artefacts and their versions (the spec's `/artefacts` and
 * `/artefact-versions`; no authorization: see methods.ts). CI pushes a
 * container image version (`name`, `version` = the tag, `commit`, `ref`,
 * `digest`); the first push of a name makes its artefact. Pushing exactly
 * the same version again answers the stored one. Ids are UUIDs derived from
 * the organisation, the name and the creation order (deterministic; no id
 * source needed). Kept in `OrgRecord.artefacts`, absent until the first push.
 */
import { sha256Text, toHex } from '../core/canonical';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireOrg } from '../core/lookup';
import type {
  ArtefactRecord,
  ArtefactType,
  ArtefactVersionRecord,
  OrgArtefactsRecord,
} from '../core/model/artefacts';
import type { OrgRecord, StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import { invalid, show } from '../core/validate';

export type {
  ArtefactRecord,
  ArtefactVersionRecord,
} from '../core/model/artefacts';

/** An artefact as the API shows it (ArtefactResponse). */
export interface Artefact {
  id: string;
  name: string;
  type: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** An artefact version as the API shows it (ContainerArtefactVersion). */
export interface ArtefactVersion {
  type: ArtefactType;
  id: string;
  artefact_id: string;
  name: string;
  version: string;
  ref: string;
  commit: string;
  digest: string;
  archived: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Filters of the version lists (the spec's query parameters, already read). */
export interface VersionFilter {
  name?: string;
  reference?: string;
  /** Absent: only versions that are not archived (as Humanitec lists them). */
  archived?: boolean;
  type?: string;
  limit?: number;
}

const EMPTY: OrgArtefactsRecord = { artefacts: {}, versions: {} };

/** The organisation's artefacts (an empty record when none was ever pushed; never stored by a read). */
export function artefactsOf(org: OrgRecord): OrgArtefactsRecord {
  return org.artefacts ?? EMPTY;
}

function storeOf(org: OrgRecord): OrgArtefactsRecord {
  org.artefacts ??= { artefacts: {}, versions: {} };
  return org.artefacts;
}

/** A UUID-shaped id from text (deterministic). */
export function uuidOf(text: string): string {
  const hex = toHex(sha256Text(text)).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The API view of an artefact. */
export function toArtefact(record: ArtefactRecord): Artefact {
  const { seq: _seq, ...rest } = record;
  return { ...rest };
}

/** The API view of a version. */
export function toArtefactVersion(
  record: ArtefactVersionRecord,
): ArtefactVersion {
  const { seq: _seq, ...rest } = record;
  return { ...rest };
}

/** Image names: lowercase registry host (with port) and path components, as Docker accepts them. */
const IMAGE_NAME =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const COMMIT = /^[0-9a-f]{5,40}$/;

function text(field: string, value: unknown, max = 255): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    invalid(
      `\`${field}\` must be a string of at most ${max} characters; got ${show(value)}.`,
      { field },
    );
  }
  return value as string;
}

/** A container image reference split into name, tag and digest (`name[:tag][@digest]`). */
export interface ImageReference {
  name: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry/path/name:tag@sha256:...`; undefined when it is no image reference. */
export function parseImageReference(
  reference: string,
): ImageReference | undefined {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  if (!IMAGE_NAME.test(rest) || rest.length > 255) return undefined;
  return {
    name: rest,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** The image reference a version stands for: `name:version` (or `name@digest` without a tag). */
export function imageOf(
  version: Pick<ArtefactVersion, 'name' | 'version' | 'digest'>,
): string {
  if (version.version) return `${version.name}:${version.version}`;
  if (version.digest) return `${version.name}@${version.digest}`;
  return version.name;
}

/** Whether a running image (`name[:tag][@digest]`) is this version. */
export function versionMatchesImage(
  version: Pick<ArtefactVersion, 'name' | 'version' | 'digest'>,
  image: ImageReference,
): boolean {
  if (image.name !== version.name) return false;
  if (image.digest !== undefined)
    return version.digest !== '' && image.digest === version.digest;
  return image.tag !== undefined
    ? image.tag === version.version
    : version.version === 'latest';
}

/** What a push holds, checked. */
interface PushInput {
  name: string;
  version: string;
  ref: string;
  commit: string;
  digest: string;
}

function parsePush(input: unknown): PushInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalid(
      'The body must be a JSON object such as {"type": "container", "name": "registry.example.com/acme/checkout", "version": "1.4.2", "commit": "0a1b2c3d", "ref": "refs/heads/main", "digest": "sha256:…"}.',
    );
  }
  const body = input as Record<string, unknown>;
  if (body.type === 'workload') {
    invalid(
      'Workload artefacts (Score files) are not served by this engine; push a container image with `"type": "container"`.',
      { field: 'type' },
    );
  }
  if (body.type !== 'container') {
    invalid(`\`type\` must be \`container\`; got ${show(body.type)}.`, {
      field: 'type',
    });
  }
  const name = text('name', body.name);
  if (name === undefined || !IMAGE_NAME.test(name)) {
    invalid(
      `\`name\` must be an image name without tag, such as \`registry.example.com/acme/checkout\` (lowercase letters, digits, '.', '_', '-', '/', a registry port); got ${show(body.name)}.`,
      { field: 'name' },
    );
  }
  const version = text('version', body.version, 128) ?? '';
  if (version !== '' && !TAG.test(version)) {
    invalid(
      `\`version\` must be an image tag (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-'); got ${show(version)}.`,
      { field: 'version' },
    );
  }
  const commit = text('commit', body.commit, 40) ?? '';
  if (commit !== '' && !COMMIT.test(commit)) {
    invalid(
      `\`commit\` must be a Git commit SHA of 5 to 40 lowercase hex characters; got ${show(commit)}.`,
      { field: 'commit' },
    );
  }
  const digest = text('digest', body.digest, 71) ?? '';
  if (digest !== '' && !DIGEST.test(digest)) {
    invalid(
      `\`digest\` must be \`sha256:\` followed by 64 lowercase hex characters; got ${show(digest)}.`,
      { field: 'digest' },
    );
  }
  const ref = text('ref', body.ref) ?? '';
  return { name: name as string, version, ref, commit, digest };
}

/**
 * Pushes a container image version: makes the artefact on the first push of
 * its name; answers the stored version when exactly this one (name, tag,
 * digest, commit, ref) was pushed before. `dryRun` checks and changes nothing.
 */
export function pushArtefactVersion(
  ctx: OpContext,
  orgId: string,
  input: unknown,
  dryRun = false,
): ArtefactVersion | undefined {
  const org = requireOrg(ctx.state, orgId);
  const push = parsePush(input);
  if (dryRun) return undefined;
  const store = storeOf(org);
  const same = Object.values(store.versions).find(
    (v) =>
      v.name === push.name &&
      v.version === push.version &&
      v.digest === push.digest &&
      v.commit === push.commit &&
      v.ref === push.ref,
  );
  if (same) return toArtefactVersion(same);
  const now = isoAt(ctx.now);
  const who = ctx.userId;
  let artefact = Object.values(store.artefacts).find(
    (a) => a.name === push.name,
  );
  if (!artefact) {
    const seq = nextSeq(ctx.state);
    artefact = {
      seq,
      id: uuidOf(`artefact\u0000${orgId}\u0000${push.name}\u0000${seq}`),
      name: push.name,
      type: 'container',
      created_at: now,
      created_by: who,
      updated_at: now,
      updated_by: who,
    };
    store.artefacts[artefact.id] = artefact;
  } else {
    artefact.updated_at = now;
    artefact.updated_by = who;
  }
  const seq = nextSeq(ctx.state);
  const record: ArtefactVersionRecord = {
    seq,
    id: uuidOf(
      `version\u0000${orgId}\u0000${push.name}\u0000${push.version}\u0000${seq}`,
    ),
    artefact_id: artefact.id,
    type: 'container',
    ...push,
    archived: false,
    created_at: now,
    created_by: who,
    updated_at: now,
    updated_by: who,
  };
  store.versions[record.id] = record;
  return toArtefactVersion(record);
}

function newestFirst(
  a: ArtefactVersionRecord,
  b: ArtefactVersionRecord,
): number {
  return b.seq - a.seq;
}

function matches(
  version: ArtefactVersionRecord,
  filter: VersionFilter,
  reference: ImageReference | undefined,
): boolean {
  if (version.archived !== (filter.archived ?? false)) return false;
  if (filter.type !== undefined && version.type !== filter.type) return false;
  if (filter.name !== undefined && version.name !== filter.name) return false;
  if (reference) {
    if (version.name !== reference.name) return false;
    if (reference.tag !== undefined && version.version !== reference.tag)
      return false;
    if (reference.digest !== undefined && version.digest !== reference.digest)
      return false;
  }
  return true;
}

function referenceOf(filter: VersionFilter): ImageReference | undefined {
  if (filter.reference === undefined) return undefined;
  if (filter.name !== undefined) {
    invalid(
      '`reference` and `name` cannot be used together: give one of them.',
      { field: 'reference' },
    );
  }
  const reference = parseImageReference(filter.reference);
  if (!reference) {
    invalid(
      `\`reference\` must be an image reference such as \`registry.example.com/acme/checkout:1.4.2\` or \`…@sha256:<64 hex>\`; got ${show(filter.reference)}.`,
      { field: 'reference' },
    );
  }
  return reference;
}

/** The organisation's artefact versions, newest first, filtered as the spec's query parameters say. */
export function listVersionsInOrg(
  state: StateV1,
  orgId: string,
  filter: VersionFilter,
): ArtefactVersion[] {
  const org = requireOrg(state, orgId);
  const reference = referenceOf(filter);
  return Object.values(artefactsOf(org).versions)
    .filter((v) => matches(v, filter, reference))
    .sort(newestFirst)
    .map(toArtefactVersion);
}

/** One artefact version of the organisation, or 404. */
export function getVersion(
  state: StateV1,
  orgId: string,
  versionId: string,
): ArtefactVersion {
  const org = requireOrg(state, orgId);
  const versions = artefactsOf(org).versions;
  if (!Object.hasOwn(versions, versionId)) {
    throw new EngineError(
      'not_found',
      `Artefact version \`${versionId}\` does not exist in organisation \`${orgId}\`.`,
      { kind: 'artefact-version', id: versionId },
    );
  }
  return toArtefactVersion(versions[versionId]);
}

/** The organisation's artefacts in creation order, filtered by type and name. */
export function listArtefacts(
  state: StateV1,
  orgId: string,
  filter: { type?: string; name?: string } = {},
): Artefact[] {
  const org = requireOrg(state, orgId);
  return Object.values(artefactsOf(org).artefacts)
    .filter(
      (a) =>
        (filter.type === undefined || a.type === filter.type) &&
        (filter.name === undefined || a.name === filter.name),
    )
    .sort((a, b) => a.seq - b.seq)
    .map(toArtefact);
}

function requireArtefact(
  org: OrgRecord,
  orgId: string,
  artefactId: string,
): ArtefactRecord {
  const artefacts = artefactsOf(org).artefacts;
  if (!Object.hasOwn(artefacts, artefactId)) {
    throw new EngineError(
      'not_found',
      `Artefact \`${artefactId}\` does not exist in organisation \`${orgId}\`.`,
      { kind: 'artefact', id: artefactId },
    );
  }
  return artefacts[artefactId];
}

/** An artefact's versions, newest first; `limit` keeps the first ones. */
export function listArtefactVersions(
  state: StateV1,
  orgId: string,
  artefactId: string,
  filter: VersionFilter,
): ArtefactVersion[] {
  const org = requireOrg(state, orgId);
  requireArtefact(org, orgId, artefactId);
  const reference = referenceOf(filter);
  const list = Object.values(artefactsOf(org).versions)
    .filter(
      (v) => v.artefact_id === artefactId && matches(v, filter, reference),
    )
    .sort(newestFirst)
    .map(toArtefactVersion);
  return filter.limit === undefined ? list : list.slice(0, filter.limit);
}

/** Archives (or restores) a version: `{ archived: boolean }`; `null` changes nothing. */
export function patchArtefactVersion(
  ctx: OpContext,
  orgId: string,
  artefactId: string,
  versionId: string,
  input: unknown,
): ArtefactVersion {
  const org = requireOrg(ctx.state, orgId);
  requireArtefact(org, orgId, artefactId);
  const versions = artefactsOf(org).versions;
  const record = Object.hasOwn(versions, versionId)
    ? versions[versionId]
    : undefined;
  if (!record || record.artefact_id !== artefactId) {
    throw new EngineError(
      'not_found',
      `Artefact \`${artefactId}\` has no version \`${versionId}\`.`,
      { kind: 'artefact-version', id: versionId },
    );
  }
  const body =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : undefined;
  if (
    !body ||
    !Object.hasOwn(body, 'archived') ||
    (body.archived !== null && typeof body.archived !== 'boolean')
  ) {
    invalid(
      `The body must be {"archived": true} or {"archived": false}; got ${show(input)}.`,
      { field: 'archived' },
    );
  }
  const archived = body!.archived as boolean | null;
  if (archived !== null && archived !== record.archived) {
    record.archived = archived;
    record.updated_at = isoAt(ctx.now);
    record.updated_by = ctx.userId;
  }
  return toArtefactVersion(record);
}

/** Deletes an artefact and all its versions. */
export function deleteArtefact(
  ctx: OpContext,
  orgId: string,
  artefactId: string,
): void {
  const org = requireOrg(ctx.state, orgId);
  requireArtefact(org, orgId, artefactId);
  const store = storeOf(org);
  delete store.artefacts[artefactId];
  for (const [id, version] of Object.entries(store.versions)) {
    if (version.artefact_id === artefactId) delete store.versions[id];
  }
}
