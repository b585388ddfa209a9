import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@/api/client';
import { ApiText } from '@/components/ui/api-text';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { focusIsLost } from '@/lib/focus';
import { useAuditApps, useAuditLog, useAuditUsers } from '../queries';
import {
  AUDIT_RANGES,
  hasFilters,
  type AuditPageFilters,
  type AuditRange,
} from '../utils/filters';
import { describeAuditEntry, type AuditObject } from '../utils/object';
import './audit-log.css';

/**
 * The organisation's audit log: every mutating call the API answered (refused ones too), newest first,
 * filtered by time, user and object, each linked to the object it touched; "Load more" follows the API's pages.
 */
export function AuditLogPage({
  orgId,
  filters,
  onChange,
}: {
  orgId: string;
  filters: AuditPageFilters;
  /** Changes the filters: `change` gets the newest (a change still on its way included) and returns the next. */
  onChange: (change: (current: AuditPageFilters) => AuditPageFilters) => void;
}) {
  // A custom range whose end comes before its start matches nothing: said at the field, not asked of the API.
  const reversed =
    filters.range === 'custom' &&
    !!filters.from &&
    !!filters.to &&
    filters.from > filters.to;
  const log = useAuditLog(orgId, filters, !reversed);
  const users = useAuditUsers(orgId);
  const apps = useAuditApps(orgId);
  const nameOf = (userId: string) =>
    users.data?.find((u) => u.id === userId)?.name ?? userId;
  const app = apps.data?.apps.find((a) => a.id === filters.app);
  const appEnvs = app?.envs;
  // Values the URL asked for that name nothing (a stale or mistyped link): kept and shown, but marked, and clearable.
  const unknownUser =
    !!filters.user &&
    !!users.data &&
    !users.data.some((u) => u.id === filters.user);
  const unknownApp = !!filters.app && !!apps.data && !app;
  const unknownEnv =
    !!filters.env &&
    !!apps.data &&
    !appEnvs?.some((env) => env.id === filters.env);
  const unknown = [
    unknownUser && {
      key: 'user',
      text: `No member of ${orgId} has the id “${filters.user}”: only that user's calls are shown, if any were recorded.`,
      clear: 'Clear the user filter',
      patch: { user: undefined },
    },
    unknownApp && {
      key: 'app',
      text: `There is no app “${filters.app}” in ${orgId} (deleted, or a mistyped link)${filters.env ? `, so no environment “${filters.env}” either: clearing the app clears it too` : ''}.`,
      clear: 'Clear the app filter',
      patch: { app: undefined, env: undefined, path: undefined },
    },
    unknownEnv &&
      !unknownApp && {
        key: 'env',
        text: `App ${app?.name ?? filters.app} has no environment “${filters.env}”.`,
        clear: 'Clear the environment filter',
        patch: { env: undefined },
      },
  ].filter((item) => !!item);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const set = (patch: Partial<AuditPageFilters>) =>
    onChange((current) => ({ ...current, ...patch }));
  // "Clear filters" goes once they are cleared, with focus: focus goes to the first filter, not the page's body.
  const filtered = hasFilters(filters);
  const clearing = useRef<HTMLElement>(null);
  useEffect(() => {
    const button = clearing.current;
    if (filtered || !button) return;
    clearing.current = null;
    if (focusIsLost(button)) document.getElementById('audit-range')?.focus();
  }, [filtered]);

  // Refused (not an administrator): no filters to play with, no Retry that would be refused again.
  if (log.error instanceof ApiError && log.error.status === 403)
    return (
      <EmptyState title="The audit log is for administrators">
        <ApiText text={log.error.body.message} />
      </EmptyState>
    );

  return (
    <>
      <form
        className="audit-filters"
        aria-label="Filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="audit-range">Time</label>
          <select
            id="audit-range"
            className="select"
            value={filters.range}
            onChange={(e) => set({ range: e.target.value as AuditRange })}
          >
            {AUDIT_RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        {filters.range === 'custom' && (
          <>
            <div className="field">
              <label htmlFor="audit-from">From (UTC)</label>
              <input
                id="audit-from"
                className="input"
                type="date"
                value={filters.from ?? ''}
                onChange={(e) => set({ from: e.target.value || undefined })}
              />
            </div>
            <div className="field">
              <label htmlFor="audit-to">To (UTC, inclusive)</label>
              <input
                id="audit-to"
                className="input"
                type="date"
                value={filters.to ?? ''}
                aria-invalid={reversed || undefined}
                aria-describedby={reversed ? 'audit-to-error' : undefined}
                onChange={(e) => set({ to: e.target.value || undefined })}
              />
              {reversed && (
                <p id="audit-to-error" className="field__error" role="alert">
                  The end is before the start ({filters.from}): choose a later
                  day, or an earlier start.
                </p>
              )}
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="audit-user">User</label>
          <select
            id="audit-user"
            className="select"
            value={filters.user ?? ''}
            aria-invalid={unknownUser || undefined}
            aria-describedby={unknownUser ? 'audit-unknown-user' : undefined}
            onChange={(e) => set({ user: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            {filters.user &&
              !users.data?.some((u) => u.id === filters.user) && (
                <option value={filters.user}>
                  {unknownUser
                    ? `${filters.user} (not a member)`
                    : filters.user}
                </option>
              )}
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name || u.id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-app">App</label>
          <select
            id="audit-app"
            className="select"
            value={filters.app ?? ''}
            aria-invalid={unknownApp || undefined}
            aria-describedby={unknownApp ? 'audit-unknown-app' : undefined}
            onChange={(e) =>
              set({
                app: e.target.value || undefined,
                env: undefined,
                path: undefined,
              })
            }
          >
            <option value="">Any app</option>
            {filters.app &&
              !apps.data?.apps.some((a) => a.id === filters.app) && (
                <option value={filters.app}>
                  {unknownApp ? `${filters.app} (no such app)` : filters.app}
                </option>
              )}
            {apps.data?.apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-env">Environment</label>
          <select
            id="audit-env"
            className="select"
            value={filters.env ?? ''}
            disabled={!filters.app}
            aria-invalid={(unknownEnv && !unknownApp) || undefined}
            aria-describedby={
              unknownEnv && !unknownApp ? 'audit-unknown-env' : undefined
            }
            onChange={(e) => {
              const env = e.target.value || undefined;
              // The options listed are the shown app's: not for an app chosen since.
              onChange((current) =>
                current.app === filters.app ? { ...current, env } : current,
              );
            }}
          >
            <option value="">
              {filters.app ? 'Any environment' : 'Pick an app first'}
            </option>
            {filters.env && !appEnvs?.some((env) => env.id === filters.env) && (
              <option value={filters.env}>
                {unknownEnv
                  ? `${filters.env} (no such environment)`
                  : filters.env}
              </option>
            )}
            {appEnvs?.map((env) => (
              <option key={env.id} value={env.id}>
                {env.name}
              </option>
            ))}
          </select>
        </div>
        {filters.path && !filters.app && (
          <p className="field">
            Object: <code>{filters.path}</code>
          </p>
        )}
        {filtered && (
          <button
            type="button"
            className="button"
            onClick={(event) => {
              clearing.current = event.currentTarget;
              onChange(() => ({ range: '' }));
            }}
          >
            Clear filters
          </button>
        )}
      </form>
      {unknown.length > 0 && (
        <ul className="audit-filters__unknown" aria-label="Unknown filters">
          {unknown.map((item) => (
            <li key={item.key}>
              <span id={`audit-unknown-${item.key}`}>{item.text}</span>{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  set(item.patch);
                  // The button goes with the value: focus goes to the filter it cleared.
                  document.getElementById(`audit-${item.key}`)?.focus();
                }}
              >
                {item.clear}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Panel titleId="audit-log-heading" title="Recorded calls">
        <PanelBody flush>
          {reversed ? (
            <EmptyState title="No time range to show">
              The range ends before it starts; change From or To above.
            </EmptyState>
          ) : log.isPending ? (
            <Skeleton rows={6} label="Loading the audit log" />
          ) : !log.data ? (
            <ErrorPanel
              error={log.error}
              action="load the audit log"
              onRetry={() => void log.refetch()}
            />
          ) : (
            <>
              <DataTable
                caption="Audit log, newest first"
                // On a phone each call is a card of labelled lines: what was done stays (a hidden column left an
                // approval and the run it started looking alike) and the outcome is not cut off.
                className="table--stack"
                columns={[
                  'When',
                  'Who',
                  { header: 'What', className: 'audit-log__what' },
                  'Object',
                  'Outcome',
                ]}
                rows={entries}
                empty={
                  <EmptyState
                    title={
                      hasFilters(filters)
                        ? 'No recorded calls match these filters'
                        : 'No calls recorded yet'
                    }
                  >
                    {unknown.length > 0
                      ? `${unknown.map((item) => item.text).join(' ')} ${unknown.length === 1 ? 'Clear it above, or pick another.' : 'Clear them above, or pick others.'}`
                      : hasFilters(filters)
                        ? 'Widen the time range or clear a filter.'
                        : 'Every change made through the API (creating an app, deploying, changing roles…) appears here, refused ones too.'}
                  </EmptyState>
                }
                renderRow={(entry, index) => {
                  const { verb, object, envs } = describeAuditEntry(entry);
                  const ok = entry.response_status < 400;
                  return (
                    <tr key={`${entry.at}-${index}`}>
                      <th scope="row">
                        <RelativeTime iso={entry.at} />
                      </th>
                      <td data-label="Who">{nameOf(entry.user_id)}</td>
                      <td className="audit-log__what" data-label="What">
                        {verb}
                        <code className="audit-log__call muted">
                          {entry.request_method} {entry.request_path}
                        </code>
                      </td>
                      <td className="audit-log__object" data-label="Object">
                        <ObjectLink object={object} />
                        {envs && (
                          <span className="audit-log__envs">
                            {envs.lead}{' '}
                            {envs.list.map((env, i) => (
                              <span key={env.label}>
                                {i > 0 && ', '}
                                <ObjectLink object={env} />
                              </span>
                            ))}
                          </span>
                        )}
                      </td>
                      <td data-label="Outcome">
                        <StatusBadge
                          status={{
                            tone: ok ? 'success' : 'failure',
                            label: `${ok ? 'Succeeded' : 'Refused'} · ${entry.response_status}`,
                          }}
                        />
                      </td>
                    </tr>
                  );
                }}
              />
              {(entries.length > 0 || log.isFetchNextPageError) && (
                <div className="audit-log__more">
                  <span className="muted" role="status">
                    {entries.length === 1
                      ? '1 call shown'
                      : `${entries.length} calls shown`}
                    {log.hasNextPage ? '; older ones follow' : ''}
                  </span>
                  {log.hasNextPage && (
                    <button
                      type="button"
                      className="button"
                      disabled={log.isFetchingNextPage}
                      onClick={() => void log.fetchNextPage()}
                    >
                      {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
                    </button>
                  )}
                  {log.isFetchNextPageError && (
                    <ErrorPanel
                      error={log.error}
                      action="load more of the audit log"
                      onRetry={() => void log.fetchNextPage()}
                    />
                  )}
                </div>
              )}
            </>
          )}
        </PanelBody>
      </Panel>
    </>
  );
}

/** An object's label, linked to its page when it has one. */
function ObjectLink({ object }: { object: AuditObject }) {
  return object.to ? <Link to={object.to}>{object.label}</Link> : object.label;
}
