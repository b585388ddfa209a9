/**
 * The button under a long list cut to its first items (a 500-workload set,
 * the files of its commit): "Show all N <noun>", then "Show the first M
 * <noun>" to fold it again; `aria-expanded` says which. Nothing when the list
 * is not longer than what is shown first.
 */
export function ShowAllToggle({
  all,
  total,
  first,
  noun,
  onToggle,
  className = 'button',
}: {
  /** Whether every item is shown. */
  all: boolean;
  total: number;
  /** How many items are shown when folded. */
  first: number;
  /** What the items are, plural ("workloads", "files"). */
  noun: string;
  onToggle: () => void;
  className?: string;
}) {
  if (total <= first) return null;
  return (
    <button
      type="button"
      className={className}
      aria-expanded={all}
      onClick={onToggle}
    >
      {all ? `Show the first ${first} ${noun}` : `Show all ${total} ${noun}`}
    </button>
  );
}
