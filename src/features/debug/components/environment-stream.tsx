import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { KubeEvent } from '@/api/env-stream';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useListVirtualizer } from '@/hooks/use-list-virtualizer';
import { useSearchUpdate } from '@/hooks/use-search-update';
import { useEnvironmentStream } from '../hooks/use-environment-stream';
import {
  filterEvents,
  filterLinesNarrowing,
  isHidden,
  linesAsText,
  RANGES,
  type IndexedLine,
  type LevelFilter,
  type RangeId,
  type StreamFilter,
} from '../utils/stream-filter';
import { saveBlob } from '../utils/zip';
import './environment-stream.css';

const ROW_HEIGHT = 24;

interface Props {
  orgId: string;
  appId: string;
  envId: string;
}

/** The workloads and containers a query hides (`hide=a,b`). */
const hiddenOf = (params: URLSearchParams) =>
  new Set((params.get('hide') ?? '').split(',').filter((k) => k !== ''));

/** The view as the URL says it (so a link reproduces it). */
function useStreamParams() {
  const [params, updateParams] = useSearchUpdate();
  const range = (params.get('range') ?? '1h') as RangeId;
  const level = (params.get('level') ?? 'all') as LevelFilter;
  const filter: StreamFilter = {
    range: range in RANGES ? range : '1h',
    level: ['all', 'warn', 'error'].includes(level) ? level : 'all',
    text: params.get('q') ?? '',
    hidden: hiddenOf(params),
    only: params.get('only') ?? undefined,
  };
  const follow = params.get('follow') === '1';
  /** Sets (or, with null or '', removes) parameters; a function gets the newest query (a change on its way included). */
  const set = (
    changes:
      | Record<string, string | null>
      | ((current: URLSearchParams) => Record<string, string | null>),
  ) =>
    updateParams(
      (before) => {
        const next = new URLSearchParams(before);
        const asked = typeof changes === 'function' ? changes(before) : changes;
        for (const [key, value] of Object.entries(asked))
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return { filter, follow, focus: params.get('at'), set };
}

/**
 * One stream per environment (issue 23 §2): the log lines of every workload
 * and container in time order, filtered by time range, level, text and
 * workload/container toggles (all in the URL), virtualised for 100,000
 * lines, followed live, downloadable; the Kubernetes events beside them.
 */
export function EnvironmentStreamView({ orgId, appId, envId }: Props) {
  const { filter, follow, focus, set } = useStreamParams();
  const stream = useEnvironmentStream(
    orgId,
    appId,
    envId,
    follow,
    filter.range,
  );
  const nowMs = stream.now ? Date.parse(stream.now) : 0;
  const { range, level, only } = filter;
  // The field is its own state (the URL follows it), so no keystroke waits for a navigation;
  // filtering follows the deferred text, so typing stays responsive on 100,000 lines.
  const [typed, setTyped] = useState(filter.text);
  const text = useDeferredValue(typed);
  const hide = [...filter.hidden].sort().join(',');
  const shown = useMemo(
    () =>
      filterLinesNarrowing(
        stream.lines,
        {
          range,
          level,
          text,
          only,
          hidden: new Set(hide ? hide.split(',') : []),
        },
        nowMs,
      ),
    [stream.lines, range, level, text, only, hide, nowMs],
  );
  const events = useMemo(
    () =>
      filterEvents(
        stream.events,
        {
          range,
          level,
          text,
          only,
          hidden: new Set(hide ? hide.split(',') : []),
        },
        nowMs,
      ),
    [stream.events, range, level, text, only, hide, nowMs],
  );
  const containers = useMemo(() => {
    const byWorkload = new Map<string, Set<string>>();
    for (const line of stream.lines) {
      if (!byWorkload.has(line.workload_id))
        byWorkload.set(line.workload_id, new Set());
      byWorkload.get(line.workload_id)!.add(line.container_id);
    }
    for (const event of stream.events)
      if (!byWorkload.has(event.workload_id))
        byWorkload.set(event.workload_id, new Set());
    return [...byWorkload.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [stream.lines, stream.events]);

  if (stream.query.isPending)
    return <Skeleton rows={6} label="Loading the environment's logs" />;
  if (stream.query.isError)
    return (
      <ErrorPanel
        error={stream.query.error}
        action="load the environment's logs and events"
        onRetry={() => void stream.query.refetch()}
      />
    );
  const toggle = (key: string) =>
    set((current) => {
      const hidden = hiddenOf(current);
      if (hidden.has(key)) hidden.delete(key);
      else hidden.add(key);
      return { hide: [...hidden].sort().join(',') };
    });
  return (
    <div className="stack env-stream">
      <Panel titleId="env-stream-filters" title="Filters">
        <PanelBody>
          <div className="env-stream__filters">
            <label className="field">
              Time range{' '}
              <select
                className="select"
                value={filter.range}
                onChange={(e) => set({ range: e.target.value })}
              >
                <option value="15m">Last 15 minutes</option>
                <option value="1h">Last hour</option>
                <option value="6h">Last 6 hours</option>
                <option value="24h">Last 24 hours</option>
                <option value="all">Everything</option>
              </select>
            </label>
            <label className="field">
              Level{' '}
              <select
                className="select"
                value={filter.level}
                onChange={(e) =>
                  set({
                    level: e.target.value === 'all' ? null : e.target.value,
                  })
                }
              >
                <option value="all">All</option>
                <option value="warn">Warnings and errors</option>
                <option value="error">Errors</option>
              </select>
            </label>
            <label className="field">
              Text{' '}
              <input
                className="input"
                type="search"
                value={typed}
                onChange={(e) => {
                  setTyped(e.target.value);
                  set({ q: e.target.value });
                }}
                placeholder="Filter lines and events"
              />
            </label>
            <label className="env-stream__follow">
              <input
                type="checkbox"
                checked={follow}
                onChange={(e) => set({ follow: e.target.checked ? '1' : null })}
              />{' '}
              Follow live
            </label>
            <button
              type="button"
              className="button"
              onClick={() =>
                saveBlob(
                  new Blob([`${linesAsText(shown)}\n`], { type: 'text/plain' }),
                  `${appId}-${envId}-logs.txt`,
                )
              }
            >
              Download {shown.length.toLocaleString('en')} lines
            </button>
          </div>
          {filter.only && (
            <p className="env-stream__only">
              Only <code>{filter.only}</code>{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => set({ only: null })}
              >
                Show every workload
              </button>
            </p>
          )}
          <fieldset className="env-stream__toggles">
            <legend>Workloads and containers</legend>
            {containers.map(([workload, ids]) => (
              <div key={workload} className="env-stream__toggle-group">
                <label>
                  <input
                    type="checkbox"
                    checked={!filter.hidden.has(workload)}
                    onChange={() => toggle(workload)}
                  />{' '}
                  <strong>{workload}</strong>
                </label>
                {[...ids].sort().map((container) => (
                  <label key={container}>
                    <input
                      type="checkbox"
                      disabled={filter.hidden.has(workload)}
                      checked={!isHidden(filter.hidden, workload, container)}
                      onChange={() => toggle(`${workload}/${container}`)}
                    />{' '}
                    {container}
                  </label>
                ))}
              </div>
            ))}
          </fieldset>
        </PanelBody>
      </Panel>
      <div className="env-stream__grid">
        <LinesPanel
          lines={shown}
          total={stream.lines.length}
          focus={focus}
          orgId={orgId}
          appId={appId}
          envId={envId}
        />
        <EventsPanel
          events={events}
          orgId={orgId}
          appId={appId}
          envId={envId}
        />
      </div>
    </div>
  );
}

function LinesPanel({
  lines,
  total,
  focus,
  orgId,
  appId,
  envId,
}: {
  lines: IndexedLine[];
  total: number;
  focus: string | null;
  orgId: string;
  appId: string;
  envId: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useListVirtualizer({
    count: lines.length,
    scrollRef,
    rowHeight: ROW_HEIGHT,
    fallbackHeight: 480,
    overscan: 20,
  });
  const focused = focus ? lines.findIndex((l) => l.at >= focus) : -1;
  return (
    <Panel
      titleId="env-stream-lines"
      title="Log lines"
      actions={
        <span className="muted" aria-live="polite">
          {lines.length.toLocaleString('en')} of {total.toLocaleString('en')}
        </span>
      }
    >
      <div
        ref={scrollRef}
        className="env-stream__scroller"
        role="log"
        aria-label="Log lines of every workload"
        tabIndex={0}
      >
        <div
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            return (
              <div
                key={item.key}
                className={`env-stream__line env-stream__line--${line.level}${item.index === focused ? ' env-stream__line--focus' : ''}`}
                style={{
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                <time dateTime={line.at}>{line.at.slice(11, 23)}</time>{' '}
                <span className="env-stream__level">{line.level}</span>{' '}
                <Link
                  to={paths.workloadRuntime(
                    orgId,
                    appId,
                    envId,
                    line.workload_id,
                    line.container_id,
                  )}
                  title={`Pod ${line.pod_name} in the runtime panel`}
                >
                  {line.workload_id}/{line.container_id}
                </Link>{' '}
                <span className="env-stream__text">{line.text}</span>
              </div>
            );
          })}
        </div>
      </div>
      {lines.length === 0 && (
        <PanelBody>
          <p className="muted">No line matches the filters.</p>
        </PanelBody>
      )}
    </Panel>
  );
}

function EventsPanel({
  events,
  orgId,
  appId,
  envId,
}: {
  events: KubeEvent[];
  orgId: string;
  appId: string;
  envId: string;
}) {
  return (
    <Panel
      titleId="env-stream-events"
      title="Kubernetes events"
      actions={<span className="muted">{events.length}</span>}
    >
      <PanelBody>
        {events.length === 0 ? (
          <p className="muted">No event matches the filters.</p>
        ) : (
          <ol className="env-stream__events">
            {[...events].reverse().map((event) => (
              <li
                key={`${event.object}|${event.container_id ?? ''}|${event.reason}|${event.message}`}
                className={`env-stream__event env-stream__event--${event.type.toLowerCase()}`}
              >
                <div>
                  <strong>{event.type}</strong> <code>{event.reason}</code>
                  {event.count > 1 && (
                    <span className="muted"> (×{event.count})</span>
                  )}{' '}
                  <time dateTime={event.at} className="muted">
                    {event.at.slice(11, 19)}
                  </time>
                </div>
                <div>
                  <Link
                    to={paths.workloadRuntime(
                      orgId,
                      appId,
                      envId,
                      event.workload_id,
                      event.container_id,
                    )}
                  >
                    {event.object}
                  </Link>
                  : {event.message}
                </div>
              </li>
            ))}
          </ol>
        )}
      </PanelBody>
    </Panel>
  );
}
