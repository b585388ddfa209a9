import type { ReactNode } from 'react';
import { ErrorPanel } from './error-panel';
import { Skeleton } from './skeleton';

/** What QueryState needs of a query (TanStack Query's useQuery result fits). */
export interface LoadingQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * A query's states in place: a skeleton while it loads ("Loading secret stores"), the error with a retry ("Could not
 * load the secret stores"), and `children` with the data once there is some (a failed refetch shows both).
 */
export function QueryState<T>({
  query,
  what,
  rows = 3,
  children,
}: {
  query: LoadingQuery<T>;
  /** What is loaded, e.g. `secret stores`. */
  what: string;
  /** The skeleton's rows. */
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      {query.isError && (
        <ErrorPanel
          error={query.error}
          action={`load the ${what}`}
          onRetry={() => void query.refetch()}
        />
      )}
      {query.data !== undefined
        ? children(query.data)
        : !query.isError && <Skeleton rows={rows} label={`Loading ${what}`} />}
    </>
  );
}
