/**
 * The demo organisation `acme`: five apps with a month of deployment history,
 * written through the public engine API (createApp, createDelta,
 * createDeploy, createEnv) on a manual clock, so the seed obeys every rule a
 * user would. Every documented fault rule (see `faults.ts`) shows up in one
 * environment, and production of `shop` stays healthy:
 *
 * | App / env              | What it shows                                                                 | Rule            |
 * |------------------------|-------------------------------------------------------------------------------|-----------------|
 * | shop/production        | healthy: frontend, api ×3, worker, cart ×2; postgres `db`, redis `cache`, dns | —               |
 * | shop/staging           | `cart` 1.1.0-rc.1 crash-loops (`… \|\| exit 1`); other workloads run          | crash-loop      |
 * | shop/development       | `frontend` image `3.3.0-missing` → ImagePullBackOff                           | image-pull      |
 * | payments/staging       | latest deploy failed (`ledger-db` postgres version 18) → RES-PROV-001; runs the previous set | resource-params |
 * | payments/development   | `ledger-worker` limit 128Mi < `MEMORY_NEEDED` 384Mi → OOMKilled               | oom             |
 * | payments/production    | healthy (api, ledger-worker, fraud-checker CronJob)                           | —               |
 * | identity/development   | `auth-api` uses `${secrets.missing-oidc-client-secret}` → CreateContainerConfigError | config-error |
 * | identity/staging       | healthy (auth-api, user-sync Job)                                             | —               |
 * | analytics/production   | `collector` ×3 with `FLAKY_REPLICAS=1` → Partially Succeeded / Warning        | degraded        |
 * | analytics/development  | healthy                                                                       | —               |
 * | docs-site/development  | latest deploy failed (profile `acme/static-site`) → WL-PROF-001               | unknown-profile |
 * | docs-site/production   | healthy                                                                       | —               |
 */
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import type { EngineState } from './engine-api';
import { seedAnalytics, seedDocs, seedIdentity } from './seed-apps';
import { seedPayments } from './seed-payments';
import { SeedScript, midnightBefore } from './seed-script';
import { seedShop } from './seed-shop';
import { seedPipelines } from './pipelines-seed';
import { seedFleet } from './fleet-seed';
import { backfillHistory } from './seed-history';
import type { StateV1 } from './state';

/**
 * Builds the demo state: history starts at midnight (UTC) 31 days before
 * `now`; every deployment has finished and the clock ends before `now`.
 * Deterministic for a given `now` (sequential ids with prefix `seed`).
 */
export function buildDemoState(now: number): EngineState {
  const clock = createManualClock(midnightBefore(now, 31));
  const engine = createEngine({
    clock,
    ids: createSequentialIds('seed'),
    seed: 'empty',
  });
  const s = new SeedScript(engine, clock, clock.now());
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  const dev = engine.authenticate(DEMO_TOKENS.developer);
  seedShop(s, admin, dev);
  seedPayments(s, admin, dev);
  seedIdentity(s, admin, dev);
  seedAnalytics(s, admin, dev);
  seedDocs(s, admin, dev);
  s.run();
  seedPipelines(engine, admin);
  if (clock.now() > now) throw new Error('Seed: history ends after now');
  // 90 days of older deployments (DORA) before each environment's first one,
  // then the fleet's other organisations: acme's current state is unchanged.
  const state = backfillHistory(engine.snapshot() as StateV1, now, createSequentialIds('history'));
  return seedFleet(state, now);
}
