/** Fleet data as the state keeps it: profile rollouts (views and operations: fleet/). */

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
