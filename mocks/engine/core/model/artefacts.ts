/**
 * What the state keeps of an organisation's artefacts and container registries
 * (rules and operations: artefacts/): the images CI pushed, each version it
 * pushed (name, tag, commit, ref, digest), and the registries those images come
 * from. A registry's password is never kept: only whether one was given.
 */

/** The kinds of artefact the engine keeps (the spec's `workload` artefacts are not served). */
export type ArtefactType = 'container';

/** An artefact: one image name, e.g. `registry.acme.example/acme/checkout`. */
export interface ArtefactRecord {
  /** Creation order. */
  seq: number;
  id: string;
  name: string;
  type: ArtefactType;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** One pushed version of an artefact. Missing ref, commit and digest are kept as empty strings (the spec requires them in responses). */
export interface ArtefactVersionRecord {
  /** Creation order (newest first is descending). */
  seq: number;
  id: string;
  artefact_id: string;
  /** The artefact's name. */
  name: string;
  type: ArtefactType;
  /** The tag, e.g. `1.4.2`; empty when pushed without one. */
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

/** An organisation's artefacts and their versions, by id. */
export interface OrgArtefactsRecord {
  artefacts: Record<string, ArtefactRecord>;
  versions: Record<string, ArtefactVersionRecord>;
}

/** The kinds of registry the engine accepts (Humanitec's registry types). */
export const REGISTRY_TYPES = [
  'basic',
  'amazon_ecr',
  'google_gcr',
  'azure_acr',
  'secret_ref',
] as const;
/** One of {@link REGISTRY_TYPES}. */
export type RegistryType = (typeof REGISTRY_TYPES)[number];

/** A container registry of an organisation. The password is write-only and never kept. */
export interface RegistryRecord {
  seq: number;
  id: string;
  registry: string;
  type: RegistryType;
  enable_ci: boolean;
  /** Cluster id → the Kubernetes secret holding the pull credentials. */
  secrets?: Record<string, { namespace: string; secret: string }>;
  /** The account credentials: the user name and expiry only; `password_set` says a password was given. */
  creds?: { username: string; password_set: true; expires?: string | null };
  created_at: string;
  created_by: string;
}
