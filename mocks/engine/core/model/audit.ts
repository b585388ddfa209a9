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
}

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
