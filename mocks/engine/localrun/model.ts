/**
 * The shapes of a local-run bundle (the console extension's LocalRunBundle):
 * what `GET …/workloads/{workloadId}/console/local-run` answers and the CLI's
 * `run-local` writes.
 */

/** Where a resource the workload reads comes from when it runs locally. */
export type ResourceMode = 'local' | 'remote';

/** What the caller asked for. */
export interface LocalRunOptions {
  /** The mode of every resource not named in {@link choices} (default `local`). */
  resources?: ResourceMode;
  /** A mode per resource id (`shared.db`, `externals.cache`). */
  choices?: Record<string, ResourceMode>;
  /** Put the secrets the workload reads into `.env` (only for callers who may deploy to the environment). */
  includeSecrets?: boolean;
}

/** One resource of the bundle: a local stand-in, or the commands that reach the environment's own. */
export interface LocalRunResource {
  /** As the workload names it: `shared.db`, `externals.cache`. */
  id: string;
  type: string;
  mode: ResourceMode;
  /** The Compose service of a local stand-in. */
  service?: string;
  /** The stand-in's image. */
  image?: string;
  /** Shell commands that forward the environment's resource to this machine (remote). */
  port_forward?: string[];
  /** What to know about it (e.g. a type without a stand-in, an output the stand-in cannot give). */
  note?: string;
}

/** One file of the bundle. */
export interface LocalRunFile {
  content: string;
  /** `base64` for a binary file (as the workload's file has it); text otherwise. */
  encoding?: 'base64';
}

/** The bundle: files by name (`compose.yaml`, `.env`, `README.md`, `files/…`) and what it chose. */
export interface LocalRunBundle {
  app_id: string;
  env_id: string;
  workload_id: string;
  /** The deployment whose set and outputs the bundle reproduces. */
  deploy_id: string;
  secrets_included: boolean;
  resources: LocalRunResource[];
  files: Record<string, LocalRunFile>;
  /** What the bundle cannot reproduce, and the secrets warning when they are included. */
  warnings: string[];
}
