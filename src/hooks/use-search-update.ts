import { useCallback, useRef } from 'react';
import {
  createSearchParams,
  useLocation,
  useSearchParams,
  type Location,
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
 * query last asked for with the location it was asked from, and builds the next change on it while that location is
 * still the one rendered; once any navigation has rendered (this change arriving, back, a link, even to the same
 * query), the rendered query is the base again.
 */
export function useSearchUpdate(): [
  URLSearchParams,
  (change: SearchChange, options?: NavigateOptions) => void,
] {
  const [search, setSearch] = useSearchParams();
  // A new object for every navigation that renders, back and forth included.
  const location = useLocation();
  const asked = useRef<{ at: Location; to: string } | null>(null);
  const update = useCallback(
    (change: SearchChange, options?: NavigateOptions) => {
      const last = asked.current;
      const base = last && last.at === location ? last.to : search.toString();
      const next = createSearchParams(change(new URLSearchParams(base)));
      asked.current = { at: location, to: next.toString() };
      setSearch(next, options);
    },
    [location, search, setSearch],
  );
  return [search, update];
}
