/**
 * 90 days of deployment history for DORA (dora.ts), added to a seeded state
 * by BACKFILLING: older deployments are put before each production
 * environment's first seeded deployment, so the current state of every
 * environment (its last deployment, base, runtime, health) stays exactly as
 * the seed left it. Only production is backfilled: DORA counts production
 * deployments only, and the other environments' histories stay short.
 * Every deployment (backfilled or seeded) also gets commit metadata (sha and
 * commit time) for lead time. Deterministic: a small PRNG seeded by the
 * app and environment ids, each app with its own cadence, lead times and
 * failure rate, so the apps land in different DORA tiers.
 */
import type { AppRecord, DeployRecord, StateV1 } from './state';
import { isoAt } from './state';
import type { IdSource } from './model';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Per app: mean days between deploys by env type, lead time range (hours) and failure probability. */
interface Profile {
  everyDays: Record<string, number>;
  leadHours: [number, number];
  failure: number;
  restoreHours: [number, number];
}

const DEFAULT_PROFILE: Profile = {
  everyDays: { production: 5, staging: 2, development: 1 },
  leadHours: [4, 48],
  failure: 0.1,
  restoreHours: [1, 12],
};

/** Cadences of the demo apps: shop ships daily with short lead times, analytics rarely, payments fails more. */
const APP_PROFILES: Record<string, Partial<Profile>> = {
  shop: { everyDays: { production: 4, staging: 0.7, development: 0.5 }, leadHours: [0.5, 8], failure: 0.04, restoreHours: [0.2, 0.9] },
  payments: { everyDays: { production: 6, staging: 2, development: 1 }, leadHours: [24, 120], failure: 0.25, restoreHours: [2, 30] },
  identity: { everyDays: { production: 6, staging: 3, development: 1.5 }, leadHours: [12, 72], failure: 0.1, restoreHours: [1, 20] },
  analytics: { everyDays: { production: 15, staging: 6, development: 3 }, leadHours: [200, 900], failure: 0.15, restoreHours: [30, 200] },
};

/** A deterministic PRNG (mulberry32) from a text seed. */
export function prng(seedText: string): () => number {
  let a = 2166136261;
  for (let i = 0; i < seedText.length; i += 1) a = Math.imul(a ^ seedText.charCodeAt(i), 16777619);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sha(random: () => number): string {
  let out = '';
  while (out.length < 40) out += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, 40);
}

const between = (random: () => number, [lo, hi]: [number, number]) => lo + (hi - lo) * random();

/** Commit metadata (sha, time before the deployment) for the deployments that have none. */
function addCommits(app: AppRecord, deployIds: string[], random: () => number, profile: Profile): void {
  for (const deployId of deployIds) {
    const record = app.deploys[deployId];
    if (!record || record.commit) continue;
    record.commit = {
      sha: sha(random),
      committed_at: isoAt(Math.floor(record.createdMs - between(random, profile.leadHours) * HOUR_MS)),
    };
  }
}

/**
 * Backfills production deployments from `now - 90 days` up to each production environment's first
 * deployment and adds commit metadata to every deployment that lacks it.
 * Mutates and returns `state`.
 */
export function backfillHistory(state: StateV1, now: number, ids: IdSource): StateV1 {
  const start = now - 90 * DAY_MS;
  const users = Object.keys(state.users);
  for (const org of Object.values(state.orgs)) {
    for (const app of Object.values(org.apps)) {
      const profile = { ...DEFAULT_PROFILE, ...APP_PROFILES[app.app.id] };
      for (const env of Object.values(app.envs)) {
        const random = prng(`${org.org.id}/${app.app.id}/${env.env.id}`);
        const first = env.deployIds.length > 0 ? app.deploys[env.deployIds[0]] : undefined;
        if (!first) continue;
        if (env.env.type !== 'production') {
          addCommits(app, env.deployIds, random, profile);
          continue;
        }
        const every = profile.everyDays[env.env.type] ?? 2;
        const end = first.createdMs - HOUR_MS;
        const added: string[] = [];
        let previous = '';
        let at = start + between(random, [0, every]) * DAY_MS;
        let release = 1;
        while (at < end) {
          const failed = random() < profile.failure;
          const id = ids.next('deployment');
          const runMs = 3_000 + Math.floor(random() * 3_000);
          const record: DeployRecord = {
            seq: (state.seq += 1),
            createdMs: Math.floor(at),
            deployment: {
              id,
              env_id: env.env.id,
              from_id: previous,
              set_id: first.deployment.set_id,
              comment: `Release ${app.app.id} 0.${release}.0`,
              created_at: isoAt(Math.floor(at)),
              created_by: users[Math.floor(random() * users.length)] ?? first.deployment.created_by,
              status: failed ? 'failed' : 'succeeded',
              status_changed_at: isoAt(Math.floor(at) + 1_000 + runMs),
              export_status: '',
              export_file: '',
            },
            plan: {
              outcome: failed ? 'failed' : 'succeeded',
              errors: failed
                ? [
                    {
                      scope: 'deployment',
                      object_id: '',
                      code: 'DEPLOY-TIMEOUT',
                      summary: 'Rollout timed out',
                      message: 'The rollout did not become ready in time and was rolled back.',
                      error_type: 'DeploymentError',
                    },
                  ]
                : [],
              pendingMs: 1_000,
              runMs,
            },
            commit: {
              sha: sha(random),
              committed_at: isoAt(Math.floor(at - between(random, profile.leadHours) * HOUR_MS)),
            },
          };
          app.deploys[id] = record;
          added.push(id);
          previous = id;
          release += 1;
          at += failed ? between(random, profile.restoreHours) * HOUR_MS : every * DAY_MS * (0.5 + random());
        }
        env.deployIds.unshift(...added);
        addCommits(app, env.deployIds, random, profile);
      }
    }
  }
  return state;
}
