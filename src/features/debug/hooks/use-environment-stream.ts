import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KubeEvent } from '@/api/env-stream';
import { envStreamQueries, STREAM_LIMIT } from '@/api/queries/env-stream';
import {
  indexLines,
  RANGES,
  type IndexedLine,
  type RangeId,
} from '../utils/stream-filter';

/** How often a followed stream asks for what came after its last answer. */
export const FOLLOW_POLL_MS = 2_000;

interface Followed {
  /** The range whose answer these follow. */
  range: RangeId;
  lines: IndexedLine[];
  events: KubeEvent[];
  now?: string;
}

/**
 * An environment's lines (indexed for filtering) and events: those of the
 * time range (asked of the server, the newest 100,000 at most; another range
 * asks again), then, while `follow` is on, what came after the last answer
 * every {@link FOLLOW_POLL_MS}, appended (the oldest dropped past 100,000).
 */
export function useEnvironmentStream(
  orgId: string,
  appId: string,
  envId: string,
  follow: boolean,
  range: RangeId,
) {
  const queryClient = useQueryClient();
  const first = useQuery(
    envStreamQueries.recent(
      orgId,
      appId,
      envId,
      range === 'all' ? undefined : RANGES[range],
    ),
  );
  const [followed, setMore] = useState<Followed>({
    range,
    lines: [],
    events: [],
  });
  // What was followed after another range's answer is not this one's.
  const more: Followed =
    followed.range === range ? followed : { range, lines: [], events: [] };
  const base = useMemo(
    () => (first.data ? indexLines(first.data.lines) : []),
    [first.data],
  );
  const nowRef = useRef<string | undefined>(undefined);
  const latest = more.now ?? first.data?.now;
  useEffect(() => {
    nowRef.current = latest;
  }, [latest]);

  useEffect(() => {
    if (!follow || !first.data) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      const since = nowRef.current;
      if (!since) return;
      void queryClient
        .fetchQuery(envStreamQueries.after(orgId, appId, envId, since))
        .then((next) => {
          if (stopped) return;
          setMore((all) => {
            const before: Followed =
              all.range === range ? all : { range, lines: [], events: [] };
            return {
              range,
              lines: [...before.lines, ...indexLines(next.lines)],
              events: mergeEvents(before.events, next.events),
              now: next.now,
            };
          });
        })
        .catch(() => undefined);
    }, FOLLOW_POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [follow, first.data, queryClient, orgId, appId, envId, range]);

  const lines = useMemo(() => {
    const all = more.lines.length > 0 ? [...base, ...more.lines] : base;
    return all.length > STREAM_LIMIT ? all.slice(-STREAM_LIMIT) : all;
  }, [base, more.lines]);
  const events = useMemo(
    () => mergeEvents(first.data?.events ?? [], more.events),
    [first.data, more.events],
  );
  return {
    query: first,
    lines,
    events,
    now: more.now ?? first.data?.now,
    deployId: first.data?.deploy_id,
  };
}

/** Events by object and reason: a later answer's count and time replace the earlier one's. */
function mergeEvents(before: KubeEvent[], after: KubeEvent[]): KubeEvent[] {
  if (after.length === 0) return before;
  const key = (e: KubeEvent) =>
    `${e.object}|${e.container_id ?? ''}|${e.reason}|${e.message}`;
  const byKey = new Map(before.map((e) => [key(e), e]));
  for (const e of after) byKey.set(key(e), e);
  return [...byKey.values()].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
}
