/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import type { Delta, DeltaInput } from '../core/model/spec';
import { guards } from '../access';
import * as deltas from './ops';

/** Stored deltas of an application. */
export interface DeltasEngine {
  listDeltas(
    actor: Actor,
    orgId: string,
    appId: string,
    filter?: { archived?: boolean; env?: string },
  ): Delta[];
  getDelta(actor: Actor, orgId: string, appId: string, deltaId: string): Delta;
  createDelta(
    actor: Actor,
    orgId: string,
    appId: string,
    input: DeltaInput,
  ): Delta;
  /** Merges the given deltas into the stored one, in order (the spec's patchDelta). */
  patchDelta(
    actor: Actor,
    orgId: string,
    appId: string,
    deltaId: string,
    inputs: DeltaInput[],
  ): Delta;
  /** Replaces the delta's content (the spec's putDelta). */
  replaceDelta(
    actor: Actor,
    orgId: string,
    appId: string,
    deltaId: string,
    input: DeltaInput,
  ): void;
  setDeltaArchived(
    actor: Actor,
    orgId: string,
    appId: string,
    deltaId: string,
    archived: boolean,
  ): void;
  setDeltaEnv(
    actor: Actor,
    orgId: string,
    appId: string,
    deltaId: string,
    envId: string,
  ): void;
  setDeltaName(
    actor: Actor,
    orgId: string,
    appId: string,
    deltaId: string,
    name: string,
  ): void;
}

/** The deltas methods over the engine's runners. */
export function deltaMethods(runners: Runners): DeltasEngine {
  const { readApp, editApp } = guards(runners);
  return {
    listDeltas: (actor, orgId, appId, filter) =>
      readApp(actor, orgId, appId, (ctx) =>
        deltas.listDeltas(ctx, orgId, appId, filter),
      ),
    getDelta: (actor, orgId, appId, deltaId) =>
      readApp(actor, orgId, appId, (ctx) =>
        deltas.getDelta(ctx, orgId, appId, deltaId),
      ),
    createDelta: (actor, orgId, appId, input) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.createDelta(ctx, orgId, appId, input),
      ),
    patchDelta: (actor, orgId, appId, deltaId, inputs) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.patchDelta(ctx, orgId, appId, deltaId, inputs),
      ),
    replaceDelta: (actor, orgId, appId, deltaId, input) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.replaceDelta(ctx, orgId, appId, deltaId, input),
      ),
    setDeltaArchived: (actor, orgId, appId, deltaId, archived) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.setDeltaArchived(ctx, orgId, appId, deltaId, archived),
      ),
    setDeltaEnv: (actor, orgId, appId, deltaId, envId) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.setDeltaEnv(ctx, orgId, appId, deltaId, envId),
      ),
    setDeltaName: (actor, orgId, appId, deltaId, name) =>
      editApp(actor, orgId, appId, (ctx) =>
        deltas.setDeltaName(ctx, orgId, appId, deltaId, name),
      ),
  };
}
