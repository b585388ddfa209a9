import { useCallback, useRef } from 'react';
import {
  createSearchParams,
  useSearchParams,
  type NavigateOptions,
  type URLSearchParamsInit,
} from 'react-router';

/** A change of the URL's query: the next query, from the newest one asked for. */
export type SearchChange = (current: URLSearchParams) => URLSearchParamsInit;

/**
 * The URL's query, and a setter that builds on the newest query asked for.
 *
 * React Router's `setSearchParams`, its function form too, starts from the query of the render it was called from,
 * and a navigation renders only once the route's loaders have answered: two changes before then (two filters chosen
 * quickly, or one after the other on a busy machine) and the second puts back what the first changed. This keeps the
 * query last asked for until a render shows it, and builds the next change on it; a render of some other query (back,
 * a link) is the new base.
 */
export function useSearchUpdate(): [
  URLSearchParams,
  (change: SearchChange, options?: NavigateOptions) => void,
] {
  const [search, setSearch] = useSearchParams();
  const rendered = search.toString();
  // The query asked for last, and the rendered query it was asked from.
  const asked = useRef<{ from: string; to: string } | null>(null);
  const update = useCallback(
    (change: SearchChange, options?: NavigateOptions) => {
      const last = asked.current;
      const base = last && last.from === rendered ? last.to : rendered;
      const next = createSearchParams(change(new URLSearchParams(base)));
      asked.current = { from: rendered, to: next.toString() };
      setSearch(next, options);
    },
    [rendered, setSearch],
  );
  return [search, update];
}
