/**
 * The shapes of an environment's stream (the console extension's
 * EnvironmentStream): the log lines of every workload and container, and the
 * Kubernetes events of the environment.
 */

/** How a line reads: stderr lines that say they failed are errors, other stderr and 4xx/5xx requests warnings. */
export type LogLevel = 'error' | 'warn' | 'info';

/** One log line of one container of one pod. */
export interface StreamLine {
  at: string;
  workload_id: string;
  container_id: string;
  pod_name: string;
  stream: 'stdout' | 'stderr';
  level: LogLevel;
  text: string;
}

/** A Kubernetes event, as `kubectl get events` shows it (repeats folded into `count`). */
export interface KubeEvent {
  /** When it happened first, and last (`at`). */
  first_at: string;
  at: string;
  type: 'Normal' | 'Warning';
  reason: string;
  /** `pod/<name>` or `deployment/<name>` (the workload's controller). */
  object: string;
  message: string;
  count: number;
  workload_id: string;
  pod_name?: string;
  container_id?: string;
  /** What reports it: the scheduler, the kubelet, the kernel monitor, the controller manager. */
  source: string;
}

/** A window of the environment's stream. */
export interface EnvironmentStream {
  env_id: string;
  /** The running deployment (absent when nothing is deployed). */
  deploy_id?: string;
  /** The engine's clock: pass it as `since` to follow. */
  now: string;
  lines: StreamLine[];
  events: KubeEvent[];
  /** Lines left out (the oldest) beyond `limit`. */
  truncated: number;
}

/** What a caller asks for. */
export interface StreamOptions {
  /** Lines and events after this instant (ISO-8601), exclusive. */
  since?: string;
  /** Lines and events up to this instant, inclusive (default now). */
  until?: string;
  /** Most lines (the newest are kept). */
  limit?: number;
}
