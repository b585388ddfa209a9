import type { ViewOptions } from '@/lib/diff/view-options';

interface DiffToolbarProps {
  view: ViewOptions;
  onViewChange: (view: ViewOptions) => void;
  onCollapseAll: () => void;
  onExpandAll: () => void;
}

/** How the diffs are shown: unified/split, compact/full context, changed only, search, collapse/expand all. */
export function DiffToolbar({
  view,
  onViewChange,
  onCollapseAll,
  onExpandAll,
}: DiffToolbarProps) {
  const set = (patch: Partial<ViewOptions>) =>
    onViewChange({ ...view, ...patch });
  return (
    <div className="diff-toolbar" role="group" aria-label="Diff view options">
      <div className="segmented" role="group" aria-label="Layout">
        <button
          type="button"
          aria-pressed={view.layout === 'unified'}
          onClick={() => set({ layout: 'unified' })}
        >
          Unified
        </button>
        <button
          type="button"
          aria-pressed={view.layout === 'split'}
          onClick={() => set({ layout: 'split' })}
        >
          Split
        </button>
      </div>
      <div className="segmented" role="group" aria-label="Context">
        <button
          type="button"
          aria-pressed={view.context === 'compact'}
          onClick={() => set({ context: 'compact' })}
        >
          Compact
        </button>
        <button
          type="button"
          aria-pressed={view.context === 'full'}
          onClick={() => set({ context: 'full' })}
        >
          Full context
        </button>
      </div>
      <label className="diff-check">
        <input
          type="checkbox"
          checked={view.changedOnly}
          onChange={(e) => set({ changedOnly: e.target.checked })}
        />
        Changed only
      </label>
      <input
        type="search"
        className="input diff-toolbar__search"
        aria-label="Filter workloads by name"
        placeholder="Filter workloads…"
        value={view.query}
        onChange={(e) => set({ query: e.target.value })}
      />
      <div className="row">
        <button
          type="button"
          className="button button--small"
          onClick={onCollapseAll}
        >
          Collapse all
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={onExpandAll}
        >
          Expand all
        </button>
      </div>
    </div>
  );
}
