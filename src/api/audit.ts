import { api, unwrap } from './client';
import type { components } from './schema-extensions';

/** One recorded call (the spec's AuditLogEntry, as the console's search serves it). */
export type AuditLogEntry = components['schemas']['AuditLogEntry'];

/** What the audit log page asks for: a time range, a user, an object (API path prefix). */
export interface AuditFilters {
  /** ISO-8601: entries at or after. */
  from?: string;
  /** ISO-8601: entries before. */
  to?: string;
  userId?: string;
  /** An API path, e.g. `/orgs/acme/apps/shop`: calls on it or below it. */
  pathPrefix?: string;
}

/** A page of the log: its entries, newest first, and the token of the next page (from the Link header). */
export interface AuditLogPage {
  entries: AuditLogEntry[];
  next?: string;
}

/** The `page` token of a `Link: <…?page=…>; rel="next"` header. */
export function nextPageToken(link: string | null): string | undefined {
  const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(link ?? '');
  if (!match) return undefined;
  return (
    new URL(match[1], 'http://link.invalid').searchParams.get('page') ??
    undefined
  );
}

/** A page of the organisation's audit log (administrators; the console's search extension, 50 a page). */
export async function searchAuditLog(
  orgId: string,
  filters: AuditFilters,
  page?: string,
): Promise<AuditLogPage> {
  const call = api.GET('/orgs/{orgId}/console/audit-logs', {
    params: {
      path: { orgId },
      query: {
        ...(filters.from ? { from: filters.from } : {}),
        ...(filters.to ? { to: filters.to } : {}),
        ...(filters.userId ? { user_id: filters.userId } : {}),
        ...(filters.pathPrefix ? { path_prefix: filters.pathPrefix } : {}),
        ...(page ? { page } : {}),
      },
    },
  });
  const entries = await unwrap(call);
  const { response } = await call;
  return { entries, next: nextPageToken(response.headers.get('link')) };
}
