/**
 * Types of the fleet view (many organisations run by one platform team):
 * per-organisation health, a needs-attention inbox across organisations,
 * drift of base configuration from a baseline organisation, and controlled
 * rollouts of a workload profile version to chosen organisations.
 */
import type { HealthState, NeedsAttentionItem } from './health';

/** One organisation's step of a rollout, in order. */
export interface RolloutStepRecord {
  org_id: string;
  /** The version the organisation had before (null: it had no such profile). */
  from_version: string | null;
  /** When the step applied the version (absent while waiting). */
  applied_at?: string;
}

/** A rollout of one profile version from a source organisation to target organisations, one at a time. */
export interface RolloutRecord {
  seq: number;
  id: string;
  source_org_id: string;
  /** Bare profile id, e.g. `web-service`. */
  profile_id: string;
  version: string;
  created_at: string;
  created_by: string;
  /** Time each organisation's step takes; the next starts when one ends. */
  step_ms: number;
  steps: RolloutStepRecord[];
}

/**
 * Engine-side fleet data kept in the state (`state.fleet`). Pipelines are not
 * kept here: drift reads the pipelines domain (states saved with an older
 * `pipelines` list here still load; the list is ignored).
 */
export interface FleetRecord {
  rollouts: Record<string, RolloutRecord>;
}

/** What kind of base configuration an item of drift is about. */
export type DriftKind = 'profile' | 'env-type' | 'pipeline';

/** How an organisation differs from the baseline for one item. */
export type DriftStatus = 'missing' | 'extra' | 'behind' | 'ahead' | 'different';

/** One item of drift: the baseline's value and the organisation's (null when absent). */
export interface DriftItem {
  kind: DriftKind;
  id: string;
  status: DriftStatus;
  baseline: string | null;
  actual: string | null;
}

/** An organisation of the fleet with its health counts and drift from the baseline. */
export interface FleetOrg {
  org_id: string;
  org_name: string;
  /** The worst state of its environments (NotDeployed when it has none). */
  state: HealthState;
  apps: number;
  envs: number;
  /** Environments per health state (only states that occur). */
  env_states: { state: HealthState; count: number }[];
  needs_attention: number;
  drift: DriftItem[];
}

/** A needs-attention item with its organisation. */
export interface FleetAttentionItem extends NeedsAttentionItem {
  org_id: string;
  org_name: string;
}

/** The rollout status of one organisation. */
export type RolloutStepStatus = 'waiting' | 'in progress' | 'done';

/** A rollout as the API shows it, with progress computed from the clock. */
export interface ProfileRollout {
  id: string;
  source_org_id: string;
  profile_id: string;
  version: string;
  created_at: string;
  created_by: string;
  status: 'in progress' | 'done';
  /** Finished steps out of all steps. */
  done: number;
  total: number;
  steps: {
    org_id: string;
    from_version: string | null;
    status: RolloutStepStatus;
    started_at?: string;
    finished_at?: string;
  }[];
}

/** The fleet overview. */
export interface FleetOverview {
  baseline_org_id: string;
  orgs: FleetOrg[];
  needs_attention: FleetAttentionItem[];
  /** Profiles of the baseline organisation that can be rolled out: bare id and current version. */
  profiles: { profile_id: string; version: string }[];
  rollouts: ProfileRollout[];
}

/** Input of a rollout. */
export interface RolloutInput {
  profile_id: string;
  target_org_ids: string[];
}
