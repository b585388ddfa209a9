import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import type { DeploymentSet, PlainDelta } from '@/api/types';
import {
  isEmptyDelta,
  matchesSearch,
  summarizeDelta,
  workloadEntries,
} from '@/lib/diff/diff-model';
import type { ViewOptions } from '@/lib/diff/view-options';
import type { PatchOp } from '@/lib/diff/field-changes';
import type { DiffItem, FieldTitle } from './diff-card';
import { DiffSummary } from './diff-summary';
import { RawDiffPanel } from './raw-diff-panel';
import { useCollapseState } from './use-collapse-state';
import { WorkloadDiffList } from './workload-diff-list';

interface DiffDetailsProps {
  /** The engine's delta turning `from` into `to`. */
  delta: PlainDelta;
  /** The sets, for values before and after; while they load, the summary shows alone. */
  from?: DeploymentSet;
  to?: DeploymentSet;
  setsError?: unknown;
  onRetrySets?: () => void;
  view: ViewOptions;
  onViewChange: (view: ViewOptions) => void;
  /** Offer the raw Monaco view (default true). */
  raw?: boolean;
  /** Fields' titles in their profiles' forms, where the caller knows the profiles (stable: see DiffCard). */
  fieldTitle?: FieldTitle;
}

/** A whole comparison: the summary first, then per-workload field changes and text diffs, then the raw view. */
export function DiffDetails({
  delta,
  from,
  to,
  setsError,
  onRetrySets,
  view,
  onViewChange,
  raw = true,
  fieldTitle,
}: DiffDetailsProps) {
  const summary = useMemo(
    () => summarizeDelta(delta, from?.shared),
    [delta, from],
  );
  const entries = useMemo(
    () => (from && to ? workloadEntries(delta, from, to) : undefined),
    [delta, from, to],
  );
  const shared = useMemo<DiffItem | undefined>(
    () =>
      delta.shared.length > 0 && from && to
        ? {
            id: ':shared',
            kind: 'changed',
            ops: delta.shared as PatchOp[],
            before: from.shared,
            after: to.shared,
          }
        : undefined,
    [delta, from, to],
  );
  const [reveal, setReveal] = useState<{ id: string }>();
  const collapse = useCollapseState();
  const select = (id: string) => {
    collapse.expand(id);
    if (!matchesSearch(id, view.query)) onViewChange({ ...view, query: '' });
    setReveal({ id });
  };
  const empty = isEmptyDelta(summary);
  return (
    <>
      <DiffSummary summary={summary} onSelect={entries ? select : undefined} />
      {empty ? (
        <EmptyState title="No differences">
          Both deployments run the same workloads and shared resources.
        </EmptyState>
      ) : setsError ? (
        <ErrorPanel
          error={setsError}
          action="load the deployment sets"
          onRetry={onRetrySets}
        />
      ) : !entries ? (
        <Skeleton rows={6} label="Loading the deployment sets" />
      ) : (
        <WorkloadDiffList
          entries={entries}
          shared={shared}
          view={view}
          onViewChange={onViewChange}
          collapse={collapse}
          reveal={reveal}
          fieldTitle={fieldTitle}
        />
      )}
      {raw && from && to && !empty && (
        <RawDiffPanel from={from} to={to} delta={delta} />
      )}
    </>
  );
}
