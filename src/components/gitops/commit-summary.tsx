import type { GitopsCommit, GitopsCommitFile } from '@/api/gitops';
import { DiffKindBadge } from '@/components/diff/diff-kind-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { countOf } from '@/lib/format';
import './gitops.css';

const FILE_KIND = {
  added: 'added',
  modified: 'changed',
  deleted: 'removed',
} as const satisfies Record<GitopsCommitFile['change'], string>;

/**
 * A commit of the GitOps repository: its sha (shortened, with a copy
 * button), message, author and time, and, when `showFiles`, the files it
 * changed with what happened to each.
 */
export function CommitSummary({
  commit,
  showFiles = true,
}: {
  commit: GitopsCommit;
  showFiles?: boolean;
}) {
  return (
    <div className="stack" data-testid="gitops-commit">
      <div className="row">
        <ShortId id={commit.sha} label="commit sha" length={7} />
        <span className="gitops-id">{firstLine(commit.message)}</span>
      </div>
      <div className="muted">
        {commit.author_name} &lt;{commit.author_email}&gt; ·{' '}
        <RelativeTime iso={commit.committed_at} /> ·{' '}
        {countOf(commit.files.length, 'file')} changed
      </div>
      {showFiles && commit.files.length > 0 && (
        <ul className="gitops-files" aria-label="Files changed">
          {commit.files.map((file) => (
            <li key={file.path}>
              <DiffKindBadge kind={FILE_KIND[file.change]} />
              <code>{file.path}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The subject line of a commit message. */
function firstLine(message: string) {
  return message.split('\n', 1)[0] ?? '';
}
