/**
 * The engine method of environment streams: whoever reads the app reads its
 * environments' logs and events (as the container logs).
 */
import type { Actor, Runners } from '../core/context';
import { guards } from '../access';
import type { EnvironmentStream, StreamOptions } from './model';
import { environmentStream } from './ops';

/** One stream per environment. */
export interface EnvStreamEngine {
  /** The log lines of every workload and container and the Kubernetes events of an environment (console extension). */
  getEnvironmentStream(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    options?: StreamOptions,
  ): EnvironmentStream;
}

/** The stream method over the engine's runners. */
export function envStreamMethods(runners: Runners): EnvStreamEngine {
  const { readApp } = guards(runners);
  return {
    getEnvironmentStream: (actor, orgId, appId, envId, options) =>
      readApp(actor, orgId, appId, (ctx) =>
        environmentStream(ctx, orgId, appId, envId, options),
      ),
  };
}
