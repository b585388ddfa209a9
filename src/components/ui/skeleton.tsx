/** Placeholder rows while a page loads: same height as the content, so nothing jumps. */
export function Skeleton({
  rows = 3,
  label = 'Loading',
}: {
  rows?: number;
  label?: string;
}) {
  return (
    <div role="status" aria-live="polite" className="stack">
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <span
          key={i}
          className="skeleton"
          style={{ height: 28, width: `${90 - i * 12}%` }}
        />
      ))}
    </div>
  );
}
