/**
 * Local runs (issue 23 §1): a workload of an environment as a bundle that
 * runs on a laptop: a Compose file of its containers (image, command, ports,
 * variables and files as the running deployment filled them), a `.env` for
 * what is secret, and per resource a local stand-in with matching outputs
 * (standins.ts) or the commands that forward the environment's own. The
 * environment's secrets are in `.env` only when the caller may deploy there
 * and asks. Owns nothing in the state: it reads deploys, values, secrets and
 * active resources.
 */
export * from './methods';
export { localRunBundle, runningContainers } from './ops';
export { STAND_IN_TYPES } from './standins';
export type {
  LocalRunBundle,
  LocalRunFile,
  LocalRunOptions,
  LocalRunResource,
  ResourceMode,
} from './model';
export type { PlannedContainer, PlannedFile } from './compose';
export type { ResolvedText } from './resolve';
