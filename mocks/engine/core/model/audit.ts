/** The audit log as the state keeps it (rules and operations: audit/). */

/** One recorded call: the spec's AuditLogEntry without `org_id` (the log it sits in says that). */
export interface AuditRecord {
  /** When the call was answered (ISO-8601). */
  at: string;
  user_id: string;
  request_method: string;
  /** The API path of the object, without query string or base prefix (e.g. `/orgs/acme/apps/shop`). */
  request_path: string;
  response_status: number;
  /**
   * Console extension: the API path of the object the call made or acted on when `request_path` does not name it
   * (the run a deployment request started: `/orgs/acme/apps/shop/pipelines/promote-to-staging/runs/8fe3…`).
   */
  object_path?: string;
  /** Console extension: the object's name as the engine knew it when it recorded the call (an artefact version's `registry.acme.dev/shop/api:1.3.0`). */
  object_name?: string;
  /** Console extension: what a successful call did where its method and path do not say it ({@link AUDIT_ACTIONS}). */
  action?: AuditAction;
  /**
   * Console extension: the API paths of the environments the call deploys to, or decided a deployment to, when
   * `request_path` is not under them (an approval, a deployment request through a pipeline).
   */
  env_paths?: string[];
}

/** What a call did, recorded where its method and path do not say it. */
export const AUDIT_ACTIONS = [
  /** An artefact version archived, or restored (PATCH `archived`). */
  'archived',
  'restored',
  /** A demo agent cut off, or connected again (PUT …/connectivity). */
  'cut_off',
  'connected',
  /** The demo's in-cluster secret store of a GitOps environment broken, or mended (POST …/gitops/secret-fault). */
  'secrets_broken',
  'secrets_restored',
] as const;

/** One of {@link AUDIT_ACTIONS}. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One organisation's log: entries by sequence number (keys `first` .. `next - 1`,
 * written as decimal strings, so the object's own key order is the order of the
 * calls), the oldest dropped beyond {@link AUDIT_LOG_CAP}.
 */
export interface AuditLogRecord {
  first: number;
  next: number;
  entries: Record<string, AuditRecord>;
}

/** The most entries an organisation's log keeps; a new entry beyond it drops the oldest. */
export const AUDIT_LOG_CAP = 5000;

/** The most a page of the log spans (the spec: "each response contains at most 32 days worth of data"). */
export const AUDIT_PAGE_SPAN_MS = 32 * 24 * 60 * 60 * 1000;
