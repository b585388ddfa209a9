import { useId, useState } from 'react';
import type { CloneItem } from '@/api/clone';
import { vocabulary } from '@/lib/vocabulary';
import { Panel, PanelBody } from '@/components/ui/panel';

interface SelectionChecklistProps {
  items: CloneItem[];
  modules: string[];
  shared: string[];
  onChange: (selection: { modules: string[]; shared: string[] }) => void;
}

const CHANGE_LABEL: Record<CloneItem['change'], string> = {
  added: 'new in target',
  removed: 'only in target: removed',
  changed: 'differs',
  same: 'same',
};

/** The partial selection: workloads and shared resources with how they differ; search, select all / none. */
export function SelectionChecklist({
  items,
  modules,
  shared,
  onChange,
}: SelectionChecklistProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const q = query.trim().toLowerCase();
  const visible = items.filter(
    (i) => q === '' || i.id.toLowerCase().includes(q),
  );
  const selected = (i: CloneItem) =>
    (i.kind === 'module' ? modules : shared).includes(i.id);
  const set = (changes: CloneItem[], on: boolean) => {
    const next = { modules: new Set(modules), shared: new Set(shared) };
    for (const i of changes) {
      const target = i.kind === 'module' ? next.modules : next.shared;
      if (on) target.add(i.id);
      else target.delete(i.id);
    }
    onChange({
      modules: [...next.modules].sort(),
      shared: [...next.shared].sort(),
    });
  };
  const groups = [
    { kind: 'module' as const, title: vocabulary.modules.title },
    { kind: 'shared' as const, title: vocabulary.shared.title },
  ];
  return (
    <Panel
      titleId="clone-selection-heading"
      title="What to clone"
      actions={
        <span className="muted">
          {modules.length + shared.length} of {items.length} selected
        </span>
      }
    >
      <PanelBody>
        <div className="row">
          <label htmlFor={searchId} className="visually-hidden">
            Search workloads and shared resources
          </label>
          <input
            id={searchId}
            type="search"
            className="input"
            placeholder="Search…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button
            type="button"
            className="button"
            onClick={() => set(visible, true)}
          >
            Select all
          </button>
          <button
            type="button"
            className="button"
            onClick={() => set(visible, false)}
          >
            Select none
          </button>
        </div>
        {visible.length === 0 && (
          <p className="muted">Nothing matches “{query}”.</p>
        )}
        {groups.map(({ kind, title }) => {
          const rows = visible.filter((i) => i.kind === kind);
          if (rows.length === 0) return null;
          return (
            <fieldset key={kind} className="clone-checklist">
              <legend>{title}</legend>
              {rows.map((item) => (
                <label key={item.id} className="clone-checklist__row">
                  <input
                    type="checkbox"
                    checked={selected(item)}
                    onChange={(e) => set([item], e.target.checked)}
                  />
                  <code>{item.id}</code>
                  <span className={`clone-change clone-change--${item.change}`}>
                    {CHANGE_LABEL[item.change]}
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </PanelBody>
    </Panel>
  );
}
