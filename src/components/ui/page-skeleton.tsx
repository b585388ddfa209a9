import { Skeleton } from './skeleton';

/** The first paint while the first route loads its data: the page's shape, no spinner. */
export function PageSkeleton() {
  return (
    <main className="shell__main" id="main">
      <span
        className="skeleton"
        style={{ display: 'block', height: 28, width: 240, marginBottom: 24 }}
      />
      <Skeleton rows={6} label="Loading the console" />
    </main>
  );
}
