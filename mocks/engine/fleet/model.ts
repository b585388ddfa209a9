/**
 * Types of the fleet view (many organisations run by one platform team):
 * per-organisation health, a needs-attention inbox across organisations,
 * drift of base configuration from a baseline organisation, and controlled
 * rollouts of a workload profile version to chosen organisations.
 */
import type { HealthState, NeedsAttentionItem } from '../health';

export type {
  FleetRecord,
  RolloutRecord,
  RolloutStepRecord,
} from '../core/model/fleet';

/** What kind of base configuration an item of drift is about. */
export type DriftKind = 'profile' | 'env-type' | 'pipeline';

/** How an organisation differs from the baseline for one item. */
export type DriftStatus =
  'missing' | 'extra' | 'behind' | 'ahead' | 'different';

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
  /** Its Humanitec Agents and their status, for an organisation the caller administers that has any. */
  agents?: {
    id: string;
    status: 'connected' | 'disconnected';
    last_seen_at: string | null;
  }[];
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
