/**
 * The engine methods of environment types: every organisation member reads
 * them; administrators and managers create, describe and delete them
 * (`org.envTypes`, as Humanitec documents it).
 */
import type { Actor, Runners } from '../core/context';
import type { EnvironmentType } from '../core/model/spec';
import { authorize, guards } from '../access';
import * as envTypes from './ops';

/** Environment types of an organisation (listing them: `AppsEngine.listEnvTypes`). */
export interface EnvTypesEngine {
  getEnvType(actor: Actor, orgId: string, envTypeId: string): EnvironmentType;
  createEnvType(actor: Actor, orgId: string, input: unknown): EnvironmentType;
  updateEnvType(
    actor: Actor,
    orgId: string,
    envTypeId: string,
    input: unknown,
  ): EnvironmentType;
  /** Throws `EnvTypeInUse` (a conflict listing the environments) while environments have the type. */
  deleteEnvType(actor: Actor, orgId: string, envTypeId: string): void;
}

/** The environment-type methods over the engine's runners. */
export function envTypeMethods(runners: Runners): EnvTypesEngine {
  const { write, readOrg } = guards(runners);
  return {
    getEnvType: (actor, orgId, envTypeId) =>
      readOrg(actor, orgId, (ctx) => ({
        ...envTypes.requireEnvType(ctx.state, orgId, envTypeId),
      })),
    createEnvType: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.envTypes',
          orgId,
          doing: 'Creating environment types',
        });
        return envTypes.createEnvType(ctx, orgId, input);
      }),
    updateEnvType: (actor, orgId, envTypeId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.envTypes',
          orgId,
          envType: envTypeId,
          doing: `Changing environment type ${envTypeId}`,
        });
        return envTypes.updateEnvType(ctx, orgId, envTypeId, input);
      }),
    deleteEnvType: (actor, orgId, envTypeId) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.envTypes',
          orgId,
          envType: envTypeId,
          doing: `Deleting environment type ${envTypeId}`,
        });
        envTypes.deleteEnvType(ctx, orgId, envTypeId);
      }),
  };
}
