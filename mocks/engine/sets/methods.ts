/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { EngineError } from '../core/errors';
import { requireApp, requireSet, storeSet } from '../core/lookup';
import type { DeltaInput, DeploymentSet, PlainDelta } from '../core/model/spec';
import { bySeq } from '../core/state';
import { guards } from '../access';
import { parseDeltaContent, toPlainDelta } from '../deltas';
import { assertSpecsMatchProfiles } from '../profiles';
import { profilesInSets, sealDelta } from '../secrets';
import { applySetDelta, diffSetContents } from './ops';

/** Deployment sets of an application. */
export interface SetsEngine {
  listSets(actor: Actor, orgId: string, appId: string): DeploymentSet[];
  getSet(
    actor: Actor,
    orgId: string,
    appId: string,
    setId: string,
  ): DeploymentSet;
  /** Applies a delta to a set and returns the new set's id (the spec's updateSet). */
  applyDelta(
    actor: Actor,
    orgId: string,
    appId: string,
    setId: string,
    delta: DeltaInput,
  ): string;
  /** The delta that turns `sourceSetId` into `setId` (the spec's getDiff). */
  diffSets(
    actor: Actor,
    orgId: string,
    appId: string,
    setId: string,
    sourceSetId: string,
  ): PlainDelta;
}

/** The sets methods over the engine's runners. */
export function setMethods(runners: Runners): SetsEngine {
  const { readApp, editApp } = guards(runners);
  return {
    listSets: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) =>
        bySeq(requireApp(ctx.state, orgId, appId).sets).map((entry) =>
          structuredClone(entry.set),
        ),
      ),
    getSet: (actor, orgId, appId, setId) =>
      readApp(actor, orgId, appId, (ctx) =>
        structuredClone(requireSet(requireApp(ctx.state, orgId, appId), setId)),
      ),
    applyDelta: (actor, orgId, appId, setId, delta: DeltaInput) =>
      editApp(actor, orgId, appId, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        const base = requireSet(app, setId);
        const plain = toPlainDelta(parseDeltaContent(delta));
        // Secret values go to the store; the set holds their references (secrets/).
        let sealed: PlainDelta;
        try {
          sealed = sealDelta(ctx, orgId, appId, plain, profilesInSets([base]));
        } catch (error) {
          // A secret value that does not fit its field: refuse with every problem of the workloads (the secret's
          // among them, worded alike), as the form lists them, not with the secret's alone. Nothing is stored.
          if (error instanceof EngineError && error.code === 'invalid')
            assertSpecsMatchProfiles(
              ctx,
              orgId,
              applySetDelta(base, plain),
              plain,
            );
          throw error;
        }
        const set = applySetDelta(base, sealed);
        assertSpecsMatchProfiles(ctx, orgId, set, sealed);
        storeSet(ctx.state, app, set);
        return set.id;
      }),
    diffSets: (actor, orgId, appId, setId, sourceSetId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        return diffSetContents(
          requireSet(app, setId),
          requireSet(app, sourceSetId),
        );
      }),
  };
}
