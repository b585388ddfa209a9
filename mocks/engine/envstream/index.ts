/**
 * Environment streams (issue 23 §2): the log lines of every workload,
 * container and pod of an environment's running deployment in one time-ordered
 * stream, with a level, and the Kubernetes events a cluster would show for
 * its simulated runtime (events.ts: scheduling, image pulls, starts, probes,
 * back-offs, OOM kills), in a time window. Owns nothing in the state: it
 * reads deploys and the runtime simulation.
 */
export * from './methods';
export {
  DEFAULT_STREAM_LIMIT,
  environmentStream,
  levelOf,
  MAX_STREAM_LIMIT,
} from './ops';
export { workloadEvents } from './events';
export type {
  EnvironmentStream,
  KubeEvent,
  LogLevel,
  StreamLine,
  StreamOptions,
} from './model';
