/**
 * A tiny driver for writing the demo history against the public engine API.
 * Each app's history is scheduled with `at(day, time)`; `run()` then replays
 * all scheduled steps of all apps in time order on a manual clock, creating
 * deltas, deploying, promoting and waiting for each deployment to finish
 * with the expected outcome.
 */
import { grantDemoAppRoles } from './access-seed';
import type { ManualClock } from './clock';
import { DEMO_ORG_ID } from './constants';
import type { Actor, Engine } from './engine-api';
import type { DeltaInput, Deployment } from './model';

const DAY_MS = 86_400_000;
/** How long the seed waits after starting a deployment: longer than any deploy takes. */
const SETTLE_MS = 60_000;

/** A deployment made by a scheduled step; filled in when the step has run. */
export interface DeployRef {
  deployment?: Deployment;
  deltaId?: string;
}

/** What a step expects its deployment to end as. */
type Outcome = 'succeeded' | 'failed';

interface Step {
  at: number;
  order: number;
  run: () => void;
}

/** Writes history into an engine; steps run in time order, the clock only moves forward. */
export class SeedScript {
  private readonly engine: Engine;
  private readonly clock: ManualClock;
  private readonly startMs: number;
  private readonly steps: Step[] = [];

  /** `startMs` is midnight (UTC) of day 0 of the history. */
  constructor(engine: Engine, clock: ManualClock, startMs: number) {
    this.engine = engine;
    this.clock = clock;
    this.startMs = startMs;
  }

  /** The actions of a step at `time` (`HH:MM`, UTC) of day `day`. */
  at(day: number, time: string): SeedStep {
    const [hours, minutes] = time.split(':').map(Number);
    const at = this.startMs + day * DAY_MS + (hours * 60 + minutes) * 60_000;
    return new SeedStep(this, at);
  }

  /** Schedules `run` at `at` (ms since the epoch). */
  enqueue(at: number, run: () => void): void {
    this.steps.push({ at, order: this.steps.length, run });
  }

  /** Runs every scheduled step in time order (ties keep scheduling order). */
  run(): void {
    const steps = [...this.steps].sort(
      (a, b) => a.at - b.at || a.order - b.order,
    );
    for (const step of steps) {
      if (step.at < this.clock.now()) {
        throw new Error(
          `Seed: two steps overlap at ${new Date(step.at).toISOString()}`,
        );
      }
      this.clock.set(step.at);
      step.run();
    }
  }

  /** Creates an app, with a `development` environment if the engine made none. */
  createApp(actor: Actor, id: string, name: string): void {
    this.engine.createApp(actor, DEMO_ORG_ID, { id, name });
    grantDemoAppRoles(this.engine, actor, id);
    const envs = this.engine.listEnvs(actor, DEMO_ORG_ID, id);
    if (!envs.some((env) => env.id === 'development')) {
      this.engine.createEnv(actor, DEMO_ORG_ID, id, {
        id: 'development',
        name: 'Development',
        type: 'development',
      });
    }
  }

  /** Deploys to an environment (a delta, or its base set) and waits for the outcome. */
  deploy(
    actor: Actor,
    appId: string,
    envId: string,
    input: { delta_id?: string; comment: string },
    expected: Outcome,
  ): Deployment {
    const started = this.engine.createDeploy(
      actor,
      DEMO_ORG_ID,
      appId,
      envId,
      input,
    );
    this.clock.advance(SETTLE_MS);
    const done = this.engine.getDeploy(
      actor,
      DEMO_ORG_ID,
      appId,
      envId,
      started.id,
    );
    if (done.status !== expected) {
      throw new Error(
        `Seed: deploy "${input.comment}" to ${appId}/${envId} ended ${done.status}, expected ${expected}`,
      );
    }
    return done;
  }

  /** Creates a delta named `name` for `envId`. */
  createDelta(
    actor: Actor,
    appId: string,
    envId: string,
    name: string,
    delta: DeltaInput,
  ): string {
    return this.engine.createDelta(actor, DEMO_ORG_ID, appId, {
      ...delta,
      metadata: { name, env_id: envId },
    }).id;
  }

  /** Creates an environment based on a deployment. */
  createEnv(
    actor: Actor,
    appId: string,
    env: { id: string; name: string; type: string },
    fromDeployId: string,
  ): void {
    this.engine.createEnv(actor, DEMO_ORG_ID, appId, {
      ...env,
      from_deploy_id: fromDeployId,
    });
  }
}

/** The actions available at one point of the timeline; each is deferred until `run()`. */
export class SeedStep {
  private readonly s: SeedScript;
  private readonly time: number;

  /** Used by {@link SeedScript.at}. */
  constructor(script: SeedScript, at: number) {
    this.s = script;
    this.time = at;
  }

  private script(fn: (s: SeedScript) => void): void {
    this.s.enqueue(this.time, () => fn(this.s));
  }

  /** Creates the app (and its `development` environment). */
  app(actor: Actor, id: string, name: string): void {
    this.script((s) => s.createApp(actor, id, name));
  }

  /** Creates a delta named by `comment` and deploys it to `envId`. */
  deploy(
    actor: Actor,
    appId: string,
    envId: string,
    comment: string,
    delta: DeltaInput,
    expected: Outcome = 'succeeded',
  ): DeployRef {
    const ref: DeployRef = {};
    this.script((s) => {
      ref.deltaId = s.createDelta(actor, appId, envId, comment, delta);
      ref.deployment = s.deploy(
        actor,
        appId,
        envId,
        { delta_id: ref.deltaId, comment },
        expected,
      );
    });
    return ref;
  }

  /** Deploys the delta of an earlier step to another environment (a promotion). */
  redeploy(
    actor: Actor,
    appId: string,
    envId: string,
    comment: string,
    earlier: DeployRef,
  ): DeployRef {
    const ref: DeployRef = {};
    this.script((s) => {
      ref.deltaId = required(earlier.deltaId, comment);
      ref.deployment = s.deploy(
        actor,
        appId,
        envId,
        { delta_id: ref.deltaId, comment },
        'succeeded',
      );
    });
    return ref;
  }

  /** Creates an environment from an earlier deployment and deploys its set there (a full clone). */
  promoteNew(
    actor: Actor,
    appId: string,
    env: { id: string; name: string; type: string },
    earlier: DeployRef,
    comment: string,
  ): DeployRef {
    const ref: DeployRef = {};
    this.script((s) => {
      s.createEnv(actor, appId, env, required(earlier.deployment, comment).id);
      ref.deployment = s.deploy(actor, appId, env.id, { comment }, 'succeeded');
    });
    return ref;
  }
}

function required<T>(value: T | undefined, comment: string): T {
  if (value === undefined)
    throw new Error(
      `Seed: "${comment}" depends on a step that has not run yet`,
    );
  return value;
}

/** Midnight (UTC) `days` days before `now`. */
export function midnightBefore(now: number, days: number): number {
  return Math.floor((now - days * DAY_MS) / DAY_MS) * DAY_MS;
}
