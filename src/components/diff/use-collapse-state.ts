import { useCallback, useState } from 'react';
import type { EntryKind } from '@/lib/diff/diff-model';

type Base = 'auto' | 'collapsed' | 'expanded';

/**
 * Which diff cards are collapsed: by default changed ones are open and
 * unchanged ones closed; "collapse all" / "expand all" reset every choice.
 */
export function useCollapseState() {
  const [base, setBase] = useState<Base>('auto');
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const byDefault = useCallback(
    (kind: EntryKind) =>
      base === 'collapsed' || (base === 'auto' && kind === 'unchanged'),
    [base],
  );
  const isCollapsed = (id: string, kind: EntryKind) =>
    overrides[id] ?? byDefault(kind);
  const toggle = useCallback(
    (id: string, kind: EntryKind) =>
      setOverrides((o) => ({ ...o, [id]: !(o[id] ?? byDefault(kind)) })),
    [byDefault],
  );
  const expand = (id: string) => setOverrides((o) => ({ ...o, [id]: false }));
  const setAll = (next: 'collapsed' | 'expanded') => {
    setBase(next);
    setOverrides({});
  };
  return {
    isCollapsed,
    toggle,
    expand,
    collapseAll: () => setAll('collapsed'),
    expandAll: () => setAll('expanded'),
  };
}

export type CollapseState = ReturnType<typeof useCollapseState>;
