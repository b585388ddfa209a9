/**
 * The engine method of local runs: whoever reads an app gets the bundle of a
 * workload; its secrets in `.env` only for who may deploy to the environment
 * (`env.deploy`: who could put any secret into the workload anyway) and
 * asks for them.
 */
import type { Actor, Runners } from '../core/context';
import { authorizeEnv, guards } from '../access';
import type { LocalRunBundle, LocalRunOptions } from './model';
import { localRunBundle } from './ops';

/** Local runs of workloads. */
export interface LocalRunEngine {
  /** The bundle that runs workload `workloadId` of an environment locally (console extension). */
  getLocalRun(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    options: LocalRunOptions,
  ): LocalRunBundle;
}

/** The local-run methods over the engine's runners. */
export function localRunMethods(runners: Runners): LocalRunEngine {
  const { readApp } = guards(runners);
  return {
    getLocalRun: (actor, orgId, appId, envId, workloadId, options) =>
      readApp(actor, orgId, appId, (ctx) => {
        if (options.includeSecrets)
          authorizeEnv(
            ctx,
            orgId,
            appId,
            envId,
            `Including the secrets of ${appId}/${envId} in a local run`,
          );
        return localRunBundle(ctx, orgId, appId, envId, workloadId, options);
      }),
  };
}
