import { useCallback, useEffect, useState } from 'react';

// Row ids only need to be unique on the page.
let rowSeq = 0;

/** A row of a map editor: a stable id, the key, and the value. */
export interface Row<V> {
  id: number;
  key: string;
  value: V;
}

/**
 * Rows of a map (object) being edited. Rows may have empty or duplicate keys
 * while the user types; the map emitted keeps rows with a key (the last of
 * duplicates wins). When the map changes from outside, the rows follow it.
 */
export function useRows<V>(
  map: Record<string, V> | undefined,
  emit: (next: Record<string, V> | undefined) => void,
) {
  const toRows = (m: Record<string, V> | undefined) =>
    Object.entries(m ?? {}).map(([key, value]) => ({
      id: rowSeq++,
      key,
      value,
    }));
  const [state, setState] = useState(() => ({
    rows: toRows(map),
    emitted: JSON.stringify(map ?? {}),
  }));
  let rows = state.rows;
  if (JSON.stringify(map ?? {}) !== state.emitted) {
    rows = toRows(map);
    setState({ rows, emitted: JSON.stringify(map ?? {}) });
  }
  const update = (next: Row<V>[]) => {
    const out: Record<string, V> = {};
    for (const row of next)
      if (row.key.trim() !== '') out[row.key.trim()] = row.value;
    setState({ rows: next, emitted: JSON.stringify(out) });
    emit(next.length === 0 && map === undefined ? undefined : out);
  };
  const duplicates = new Set(
    rows
      .map((r) => r.key.trim())
      .filter((k, i, all) => k !== '' && all.indexOf(k) !== i),
  );
  return {
    rows,
    duplicates,
    add: (value: V) => {
      const row = { id: rowSeq++, key: '', value };
      update([...rows, row]);
      return row.id;
    },
    change: (id: number, patch: Partial<Row<V>>) =>
      update(rows.map((r) => (r.id === id ? { ...r, ...patch } : r))),
    remove: (id: number) => update(rows.filter((r) => r.id !== id)),
  };
}

/** A row of a list editor: a stable id and the item. */
export interface ListRow<V> {
  id: number;
  value: V;
}

/**
 * Rows of a list (array) being edited, with ids that stay while items are
 * edited, added or removed (React keys and focus follow them). When the list
 * changes from outside, the rows follow it.
 */
export function useListRows<V>(
  list: V[] | undefined,
  emit: (next: V[] | undefined) => void,
) {
  const toRows = (l: V[] | undefined) =>
    (l ?? []).map((value) => ({ id: rowSeq++, value }));
  const [state, setState] = useState(() => ({
    rows: toRows(list),
    emitted: JSON.stringify(list ?? []),
  }));
  let rows = state.rows;
  if (JSON.stringify(list ?? []) !== state.emitted) {
    rows = toRows(list);
    setState({ rows, emitted: JSON.stringify(list ?? []) });
  }
  const update = (next: ListRow<V>[]) => {
    const out = next.map((r) => r.value);
    setState({ rows: next, emitted: JSON.stringify(out) });
    emit(next.length === 0 && list === undefined ? undefined : out);
  };
  return {
    rows,
    add: (value: V) => {
      const row = { id: rowSeq++, value };
      update([...rows, row]);
      return row.id;
    },
    change: (id: number, value: V) =>
      update(rows.map((r) => (r.id === id ? { ...r, value } : r))),
    remove: (id: number) => update(rows.filter((r) => r.id !== id)),
  };
}

/**
 * Moves focus to an element by id after the next render, for rows added or removed (the new row's first field, the
 * next row's, else the Add button): focus never falls to the page with the button that had it. A new request each
 * time, so the same id twice still moves focus.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string }>();
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return useCallback((id: string) => setTarget({ id }), []);
}
