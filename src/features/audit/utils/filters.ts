import type { AuditFilters } from '@/api/audit';

/** The time ranges the page offers; `custom` uses the `from` / `to` dates. */
export const AUDIT_RANGES = [
  { id: '', label: 'Any time', ms: 0 },
  { id: '1h', label: 'Last hour', ms: 60 * 60 * 1000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 60 * 60 * 1000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 60 * 60 * 1000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * 60 * 60 * 1000 },
  { id: 'custom', label: 'Between dates (UTC)', ms: 0 },
] as const;

export type AuditRange = (typeof AUDIT_RANGES)[number]['id'];

/** The page's filters as its URL keeps them. */
export interface AuditPageFilters {
  range: AuditRange;
  /** `YYYY-MM-DD` (UTC), with range `custom`. */
  from?: string;
  /** `YYYY-MM-DD` (UTC), inclusive, with range `custom`. */
  to?: string;
  user?: string;
  app?: string;
  env?: string;
  /** Any API path (a link from elsewhere); `app` / `env` take precedence. */
  path?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of a URL query (unknown values are dropped). */
export function filtersFromSearch(search: URLSearchParams): AuditPageFilters {
  const text = (name: string) => search.get(name)?.trim() || undefined;
  const rangeText = search.get('range') ?? '';
  const range = (AUDIT_RANGES.find((r) => r.id === rangeText)?.id ??
    '') as AuditRange;
  const from = text('from');
  const to = text('to');
  const filters: AuditPageFilters = {
    range: range === '' && (from || to) ? 'custom' : range,
  };
  if (filters.range === 'custom') {
    if (from && DATE.test(from)) filters.from = from;
    if (to && DATE.test(to)) filters.to = to;
  }
  for (const key of ['user', 'app', 'env', 'path'] as const) {
    const value = text(key);
    if (value) filters[key] = value;
  }
  if (!filters.app) delete filters.env;
  return filters;
}

/** The URL query of the filters (what `paths.auditLog` takes). */
export function searchOfFilters(
  filters: AuditPageFilters,
): Record<string, string | undefined> {
  return {
    range: filters.range || undefined,
    from: filters.range === 'custom' ? filters.from : undefined,
    to: filters.range === 'custom' ? filters.to : undefined,
    user: filters.user,
    app: filters.app,
    env: filters.app ? filters.env : undefined,
    path: filters.app ? undefined : filters.path,
  };
}

/** Whether any filter is set. */
export function hasFilters(filters: AuditPageFilters): boolean {
  return Object.values(searchOfFilters(filters)).some(Boolean);
}

/**
 * The API's filters for the page's: a relative range counts back from `now`
 * rounded down to the minute (so the query stays the same within a minute),
 * a date range runs from the start of `from` to the end of `to` (UTC).
 */
export function apiFilters(
  orgId: string,
  filters: AuditPageFilters,
  now: number,
): AuditFilters {
  const out: AuditFilters = {};
  const range = AUDIT_RANGES.find((r) => r.id === filters.range);
  if (range && range.ms > 0)
    out.from = new Date(
      Math.floor(now / 60_000) * 60_000 - range.ms,
    ).toISOString();
  if (filters.range === 'custom') {
    if (filters.from) out.from = `${filters.from}T00:00:00.000Z`;
    if (filters.to) {
      const end = Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000;
      out.to = new Date(end).toISOString();
    }
  }
  if (filters.user) out.userId = filters.user;
  const org = `/orgs/${encodeURIComponent(orgId)}`;
  if (filters.app)
    out.pathPrefix = `${org}/apps/${encodeURIComponent(filters.app)}${filters.env ? `/envs/${encodeURIComponent(filters.env)}` : ''}`;
  else if (filters.path) out.pathPrefix = filters.path;
  return out;
}
