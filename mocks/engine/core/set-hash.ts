/**
 * The content address of a deployment set, at the cost of the change.
 *
 * Scheme (the engine README, "Set ids"):
 *
 *     leaf(value) = base64url(SHA-256(canonicalJson(value)))      one workload, or one shared resource
 *     id(set)     = 43 zeros                                       no workloads and no shared resources
 *                 = base64url(SHA-256(canonicalJson({
 *                     modules: { <workload id>: leaf(workload), ... },
 *                     shared:  { <resource name>: leaf(resource), ... } })))
 *
 * base64url without padding, so an id is 43 characters, as before; equal
 * content gives equal leaves and so an equal id, on any machine and after any
 * restart (nothing but the content goes in). A change to one workload changes
 * one leaf: the new id costs that workload's canonical JSON and SHA-256, plus
 * a SHA-256 of the small map of names to leaves (about 60 bytes a workload).
 *
 * Leaves are kept beside the sets, never in them (an API response is the
 * spec's DeploymentSet and nothing more):
 *
 * - by value object (a WeakMap): a workload or resource object that is in a
 *   set is never changed in place (sets are values, and applySetDelta shares
 *   unchanged workloads between a set and the next), so its leaf is computed
 *   once while the object lives;
 * - by set id (a bounded map, least recently used out first): an id names its
 *   content, so a set's leaves are found from its id even when the object is
 *   a copy (the engine's draft copies what a write reaches, responses are
 *   structuredClones, a restart reads fresh objects: then they are computed
 *   once). Only ids checked against their content are entered: an id
 *   computed from those very leaves, or an id an earlier version computed
 *   (below), checked once by recomputing it. A made-up id (a test's `set-1`)
 *   is never trusted.
 *
 * Sets stored by earlier versions keep their ids: those were
 * base64url(SHA-256(canonicalJson({ modules, shared }))) of the whole content
 * ("v1"). Stored sets are found by the key they are stored under, so every
 * lookup, deployment and diff by such an id keeps working; a set derived from
 * one (a delta applied to it) gets an id of this scheme. The same content
 * stored under a v1 id and reached again by a delta is stored a second time,
 * under its new id (both ids keep answering). No migration rewrites ids:
 * they are in URLs, deployments and clients' hands.
 */
import {
  canonicalJson,
  EMPTY_SET_ID,
  sha256Base64url,
  sha256BytesBase64url,
} from './canonical';
import { canonicalJsonBytes, leafMapsBytes } from './canonical-bytes';

/** Content of a set as far as hashing goes: names to workloads and to shared resources. */
export interface HashableContent {
  modules: Readonly<Record<string, object>>;
  shared: Readonly<Record<string, object>>;
}

/** The leaves of a set: workload id → leaf, shared resource name → leaf. */
export interface SetLeaves {
  modules: Map<string, string>;
  shared: Map<string, string>;
}

/** An id this or an earlier scheme could have computed: 43 base64url characters (not the empty set's). */
const CONTENT_ADDRESS = /^[A-Za-z0-9_-]{43}$/;

const leafByValue = new WeakMap<object, string>();

/** The leaf hash of one workload or shared resource (computed once per object). */
export function leafHash(value: object): string {
  let leaf = leafByValue.get(value);
  if (leaf === undefined) {
    // The bytes of canonicalJson(value), hashed without building the text (canonical-bytes.ts).
    leaf = sha256BytesBase64url(canonicalJsonBytes(value));
    leafByValue.set(value, leaf);
  }
  return leaf;
}

/** The leaf of `value` if it was computed already, else undefined (never computes). */
export function knownLeafHash(value: object): string | undefined {
  return leafByValue.get(value);
}

/** The names of `leaves` in sorted order (by UTF-16 code units; sorted only when not in order already). */
function sortedNames(leaves: Map<string, string>): string[] {
  const names = [...leaves.keys()];
  for (let i = 1; i < names.length; i += 1) {
    if (names[i - 1] > names[i]) return names.sort();
  }
  return names;
}

/**
 * The set id of these leaves (see the file comment): the SHA-256 of
 * `{"modules":{"<name>":"<leaf>",...},"shared":{...}}` with names sorted, the
 * canonical JSON of the two maps, written as bytes (canonical-bytes.ts).
 */
export function setIdFromLeaves(leaves: SetLeaves): string {
  if (leaves.modules.size === 0 && leaves.shared.size === 0)
    return EMPTY_SET_ID;
  return sha256BytesBase64url(
    leafMapsBytes([
      ['modules', sortedNames(leaves.modules), leaves.modules],
      ['shared', sortedNames(leaves.shared), leaves.shared],
    ]),
  );
}

/** The leaves of every workload and shared resource of `content` (each reused when known). */
export function computeLeaves(content: HashableContent): SetLeaves {
  const modules = new Map<string, string>();
  for (const id of Object.keys(content.modules))
    modules.set(id, leafHash(content.modules[id]));
  const shared = new Map<string, string>();
  for (const name of Object.keys(content.shared))
    shared.set(name, leafHash(content.shared[name]));
  return { modules, shared };
}

// ------------------------------------------------------------ leaves by set id

/** At most this many leaves are kept by set id (about 100 bytes each; the leaf strings are shared). */
const MAX_KEPT_LEAVES = 200_000;
const leavesById = new Map<string, SetLeaves>();
let keptLeaves = 0;

const sizeOf = (leaves: SetLeaves) => leaves.modules.size + leaves.shared.size;

/** Keeps `leaves` as those of the set `id` (an id checked against them: see the file comment). */
export function rememberSetLeaves(id: string, leaves: SetLeaves): void {
  if (!CONTENT_ADDRESS.test(id) || id === EMPTY_SET_ID) return;
  const old = leavesById.get(id);
  if (old) {
    keptLeaves -= sizeOf(old);
    leavesById.delete(id);
  }
  leavesById.set(id, leaves);
  keptLeaves += sizeOf(leaves);
  for (const [oldest, kept] of leavesById) {
    if (keptLeaves <= MAX_KEPT_LEAVES || oldest === id) break;
    leavesById.delete(oldest);
    keptLeaves -= sizeOf(kept);
  }
}

/** Whether `leaves` name exactly the workloads and shared resources of `content` (a cheap check of a kept entry). */
function sameNames(leaves: SetLeaves, content: HashableContent): boolean {
  const check = (map: Map<string, string>, record: object) => {
    let n = 0;
    for (const name in record) {
      if (!Object.hasOwn(record, name)) continue;
      if (!map.has(name)) return false;
      n += 1;
    }
    return n === map.size;
  };
  return (
    check(leaves.modules, content.modules) &&
    check(leaves.shared, content.shared)
  );
}

/** The kept leaves of the set `set.id`, or undefined (never computes). */
export function knownSetLeaves(
  set: HashableContent & { id?: unknown },
): SetLeaves | undefined {
  if (typeof set.id !== 'string') return undefined;
  const leaves = leavesById.get(set.id);
  if (!leaves || !sameNames(leaves, set)) return undefined;
  // Most recently used last.
  leavesById.delete(set.id);
  leavesById.set(set.id, leaves);
  return leaves;
}

/** The id the scheme before issue 24 gave `content` (see the file comment). */
export function legacySetId(content: HashableContent): string {
  if (
    Object.keys(content.modules).length === 0 &&
    Object.keys(content.shared).length === 0
  )
    return EMPTY_SET_ID;
  return sha256Base64url(
    canonicalJson({ modules: content.modules, shared: content.shared }),
  );
}

/**
 * The leaves of a set: kept by its id, else computed (each workload's leaf
 * reused when known) and kept under its id when that id is this content's,
 * by this scheme or by the earlier one.
 */
export function setLeavesOf(
  set: HashableContent & { id?: unknown },
): SetLeaves {
  const known = knownSetLeaves(set);
  if (known) return known;
  const leaves = computeLeaves(set);
  const id = setIdFromLeaves(leaves);
  rememberSetLeaves(id, leaves);
  if (
    typeof set.id === 'string' &&
    set.id !== id &&
    CONTENT_ADDRESS.test(set.id) &&
    legacySetId(set) === set.id
  )
    rememberSetLeaves(set.id, leaves);
  return leaves;
}

/** The id of `content` (leaves reused where known), kept with its leaves. */
export function hashSetContent(content: HashableContent): string {
  const leaves = computeLeaves(content);
  const id = setIdFromLeaves(leaves);
  rememberSetLeaves(id, leaves);
  return id;
}
