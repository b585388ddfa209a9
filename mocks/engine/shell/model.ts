/**
 * The shapes of the simulated shell (the console extension's ShellSession and
 * ShellCommandResult): what `POST …/console/shell-sessions` and
 * `POST …/shell-sessions/{sessionId}/commands` answer.
 */

/** A shell in the workload's own container, or in an ephemeral busybox container attached to its pod. */
export type ShellKind = 'container' | 'debug';

/** What the caller asks to open. */
export interface OpenShellInput {
  /** The container: the one to enter, or the debug container's target. */
  container_id: string;
  /** The pod (default: the first pod where the container runs; for a debug container the first where it does not). */
  pod_name?: string;
  /** Attach an ephemeral busybox container sharing the pod's process namespace instead of entering the container. */
  debug?: boolean;
}

/** An open session as the API answers it. */
export interface ShellSession {
  id: string;
  kind: ShellKind;
  app_id: string;
  env_id: string;
  workload_id: string;
  /** The container the shell runs in: the workload's, or the debug container's name. */
  container_id: string;
  /** The container a debug container targets (`kubectl debug --target`). */
  target_container_id?: string;
  pod_name: string;
  namespace: string;
  /** The prompt a terminal shows before each command (`/ # `). */
  prompt: string;
  /** What the terminal shows when it opens. */
  banner: string;
  opened_at: string;
}

/** The answer to one command line. */
export interface ShellCommandResult {
  /** What the command wrote (stdout and stderr interleaved, `\n` line ends). */
  output: string;
  exit_code: number;
  /** The session ended (`exit`). */
  closed: boolean;
}

/** A session as the engine keeps it (in memory, for as long as the engine runs; never persisted). */
export interface SessionRecord {
  id: string;
  userId: string;
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
  kind: ShellKind;
  /** The workload's container: entered, or targeted by the debug container. */
  containerId: string;
  podName: string;
  openedAt: number;
  lastUsedAt: number;
}
