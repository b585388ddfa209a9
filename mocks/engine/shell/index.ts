/**
 * Shells (issue 23 §3): a terminal into a simulated container of a running
 * workload, or into an ephemeral busybox debug container attached to its pod
 * (sharing the pod's process namespace, for crash-looping containers), whose
 * commands (commands.ts) answer from the engine's state (view.ts: the
 * container's resolved variables and files, the pod, the environment's
 * services and resources). Needs the deployer role of the environment's type.
 * Owns the open sessions, kept in memory by the methods (never persisted);
 * reads deploys, the runtime simulation, localrun's resolution and active
 * resources.
 */
export * from './methods';
export {
  DEBUG_CONTAINER,
  MAX_COMMAND_LENGTH,
  SECRET_MASK,
  commandNames,
  runLine,
  splitWords,
} from './commands';
export { MAX_SESSIONS, SESSION_IDLE_MS } from './ops';
export type {
  OpenShellInput,
  ShellCommandResult,
  ShellKind,
  ShellSession,
} from './model';
