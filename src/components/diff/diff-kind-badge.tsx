import type { EntryKind } from '@/lib/diff/diff-model';
import './diff.css';

const KINDS: Record<EntryKind, { sign: string; word: string }> = {
  added: { sign: '+', word: 'Added' },
  removed: { sign: '−', word: 'Removed' },
  changed: { sign: '~', word: 'Changed' },
  unchanged: { sign: '=', word: 'Unchanged' },
};

/** What happened to a workload or field: sign + word + colour (never colour alone). */
export function DiffKindBadge({ kind }: { kind: EntryKind }) {
  const { sign, word } = KINDS[kind];
  return (
    <span className={`diff-kind diff-kind--${kind}`}>
      <span className="diff-kind__sign" aria-hidden="true">
        {sign}
      </span>
      {word}
    </span>
  );
}
