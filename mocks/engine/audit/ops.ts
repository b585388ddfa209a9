/**
 * The audit log's operations: appending a recorded call to the logs of the
 * organisations it concerns (bounded by AUDIT_LOG_CAP, the oldest dropped)
 * and reading one organisation's log, newest first, in pages.
 */
import { EngineError } from '../core/errors';
import {
  AUDIT_LOG_CAP,
  AUDIT_PAGE_SPAN_MS,
  type AuditLogRecord,
  type AuditRecord,
} from '../core/model/audit';
import type { OpContext } from '../core/context';
import type { StateV1 } from '../core/state';
import type { PatchOp } from '../core/state-changes';
import { auditContext } from './context';

export { AUDIT_LOG_CAP, AUDIT_PAGE_SPAN_MS } from '../core/model/audit';
export type { AuditLogRecord, AuditRecord } from '../core/model/audit';

/** A call to record: who made it (a known user), what it asked for, how it ended. */
export interface AuditCall {
  userId: string;
  method: string;
  /** The API path of the object (`/orgs/acme/apps/shop`), no query string. */
  path: string;
  status: number;
  /**
   * The API path of the object the call made, when its answer names it and its path does not: the run a
   * deployment request (`POST …/pipeline-runs`) or a run's restart started. Recorded as `object_path`, with the
   * environments that run deploys to.
   */
  objectPath?: string;
}

/** An entry as the API returns it (the spec's AuditLogEntry). */
export interface AuditLogEntry extends AuditRecord {
  org_id: string;
}

/** What a page of the log is asked for. */
export interface AuditQuery {
  /** Entries at or after this time (ISO-8601). */
  from?: string;
  /** Entries before this time (ISO-8601). */
  to?: string;
  /** Only this user's calls. */
  userId?: string;
  /**
   * Only calls on this path or below it (`/orgs/acme/apps/shop` matches `/orgs/acme/apps/shop/envs/dev`, not
   * `/orgs/acme/apps/shopping`), or whose object (`object_path`) or an environment they deploy to (`env_paths`) is.
   */
  pathPrefix?: string;
  /** Entries per page, 1 to 100 (default 50). */
  perPage?: number;
  /** The token of a page (from the previous page's `next`). */
  page?: string;
}

/** A page of the log, newest first; `next` is the token of the following page, when there is one. */
export interface AuditPage {
  entries: AuditLogEntry[];
  next?: string;
}

/** A record's copy (its arrays too: a copy shares nothing with the log). */
const copyOf = <T extends AuditRecord>(record: T): T =>
  record.env_paths === undefined
    ? { ...record }
    : { ...record, env_paths: [...record.env_paths] };

const own = <T>(map: Record<string, T> | undefined, key: string) =>
  map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;

/**
 * The organisations a call concerns: the one its path names (when it
 * exists), else every organisation the caller belongs to (a call outside any
 * organisation: tokens of a user, the demo reset).
 */
export function orgsOfCall(state: StateV1, call: AuditCall): string[] {
  const match = /^\/orgs\/([^/]+)(?:\/|$)/.exec(call.path);
  if (match) {
    let orgId: string;
    try {
      orgId = decodeURIComponent(match[1]);
    } catch {
      return [];
    }
    return Object.hasOwn(state.orgs, orgId) ? [orgId] : [];
  }
  return Object.keys(state.orgs).filter((orgId) =>
    Object.hasOwn(state.orgs[orgId].roles, call.userId),
  );
}

/**
 * Appends the call to the logs of the organisations it concerns, in place;
 * returns the patch operations that made the change (for the change tracker).
 */
export function appendAuditEntry(
  state: StateV1,
  now: number,
  call: AuditCall,
): PatchOp[] {
  const ops: PatchOp[] = [];
  const orgIds = orgsOfCall(state, call);
  if (orgIds.length === 0) return ops;
  const record: AuditRecord = {
    at: new Date(now).toISOString(),
    user_id: call.userId,
    request_method: call.method.toUpperCase(),
    request_path: call.path,
    response_status: call.status,
    ...auditContext(state, call),
  };
  if (state.audit === undefined) {
    state.audit = {};
    ops.push([['audit'], {}]);
  }
  const logs = state.audit;
  for (const orgId of orgIds) {
    let log = own(logs, orgId);
    if (log === undefined) {
      log = { first: 0, next: 0, entries: {} };
      Object.defineProperty(logs, orgId, {
        value: log,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      ops.push([['audit', orgId], { first: 0, next: 0, entries: {} }]);
    }
    const key = String(log.next);
    log.entries[key] = copyOf(record);
    log.next += 1;
    ops.push([['audit', orgId, 'entries', key], copyOf(record)]);
    ops.push([['audit', orgId, 'next'], log.next]);
    if (log.next - log.first > AUDIT_LOG_CAP) {
      while (log.next - log.first > AUDIT_LOG_CAP) {
        const oldest = String(log.first);
        delete log.entries[oldest];
        ops.push([['audit', orgId, 'entries', oldest]]);
        log.first += 1;
      }
      ops.push([['audit', orgId, 'first'], log.first]);
    }
  }
  return ops;
}

/** A time of a query, as milliseconds; `invalid` (400) naming the parameter when it is not a date-time. */
function timeOf(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(
      value,
    )
      ? Date.parse(value)
      : NaN;
  if (!Number.isFinite(ms))
    throw new EngineError(
      'invalid',
      `${name} must be a date-time such as 2026-01-31T00:00:00Z; got "${value}".`,
      { field: name },
    );
  return ms;
}

/** Whether `path` is `prefix` or lies below it (segment by segment). */
export function underPath(path: string, prefix: string): boolean {
  const base = prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix;
  return path === base || path.startsWith(base === '/' ? '/' : `${base}/`);
}

/** Whether the call was on `prefix` or below it, or made, or deployed to, an object there. */
function concerns(record: AuditRecord, prefix: string): boolean {
  return (
    underPath(record.request_path, prefix) ||
    (record.object_path !== undefined &&
      underPath(record.object_path, prefix)) ||
    (record.env_paths?.some((path) => underPath(path, prefix)) ?? false)
  );
}

/**
 * A page of one organisation's log, newest first, filtered by time, user and
 * path (the call's, its object's or an environment it deploys to). A page holds at most `perPage` entries and spans at most 32 days
 * (AUDIT_PAGE_SPAN_MS, as the spec says); `next` continues after it. The
 * token is the sequence number of the next entry to read, so pages stay put
 * while new calls are recorded.
 */
export function listAuditLog(
  ctx: OpContext,
  orgId: string,
  query: AuditQuery,
): AuditPage {
  const from = timeOf('from', query.from);
  const to = timeOf('to', query.to);
  if (from !== undefined && to !== undefined && from > to)
    throw new EngineError(
      'invalid',
      `from (${query.from}) is after to (${query.to}); give a from earlier than to.`,
      { field: 'from' },
    );
  const perPage = query.perPage ?? 50;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    throw new EngineError(
      'invalid',
      `per_page must be a whole number from 1 to 100; got "${query.perPage}".`,
      { field: 'per_page' },
    );
  const log: AuditLogRecord | undefined = own(ctx.state.audit, orgId);
  if (log === undefined) return { entries: [] };
  let start = log.next - 1;
  if (query.page !== undefined) {
    if (!/^\d{1,15}$/.test(query.page))
      throw new EngineError(
        'invalid',
        `page must be a token from the Link header of an earlier page; got "${query.page}".`,
        { field: 'page' },
      );
    start = Math.min(start, Number(query.page));
  }
  const entries: AuditLogEntry[] = [];
  let newest: number | undefined;
  for (let seq = start; seq >= log.first; seq -= 1) {
    const record = own(log.entries, String(seq));
    if (record === undefined) continue;
    const at = Date.parse(record.at);
    if (to !== undefined && at >= to) continue;
    // Entries are in time order: nothing older can be at or after `from`.
    if (from !== undefined && at < from) break;
    if (query.userId !== undefined && record.user_id !== query.userId) continue;
    if (query.pathPrefix !== undefined && !concerns(record, query.pathPrefix))
      continue;
    if (
      entries.length === perPage ||
      (newest !== undefined && newest - at > AUDIT_PAGE_SPAN_MS)
    )
      return { entries, next: String(seq) };
    newest ??= at;
    entries.push(copyOf({ ...record, org_id: orgId }));
  }
  return { entries };
}
