import { useState } from 'react';
import type { GitopsCommit, GitopsCommitFile } from '@/api/gitops';
import { DiffKindBadge } from '@/components/diff/diff-kind-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { ShowAllToggle } from '@/components/ui/show-all-toggle';
import { countOf } from '@/lib/format';
import './gitops.css';

const FILE_KIND = {
  added: 'added',
  modified: 'changed',
  deleted: 'removed',
} as const satisfies Record<GitopsCommitFile['change'], string>;

/** Files listed before "Show all": a 500-workload export's commit changes 500+ files. */
export const COMMIT_FILES_SHOWN = 10;

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
        <CommitFiles files={commit.files} />
      )}
    </div>
  );
}

/** The files a commit changed, the first {@link COMMIT_FILES_SHOWN} until "Show all". */
function CommitFiles({ files }: { files: readonly GitopsCommitFile[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? files : files.slice(0, COMMIT_FILES_SHOWN);
  return (
    <>
      <ul className="gitops-files" aria-label="Files changed">
        {shown.map((file) => (
          <li key={file.path}>
            <DiffKindBadge kind={FILE_KIND[file.change]} />
            <code>{file.path}</code>
          </li>
        ))}
      </ul>
      <ShowAllToggle
        all={all}
        total={files.length}
        first={COMMIT_FILES_SHOWN}
        noun="files"
        onToggle={() => setAll((on) => !on)}
        className="button button--small gitops-more"
      />
    </>
  );
}

/** The subject line of a commit message. */
function firstLine(message: string) {
  return message.split('\n', 1)[0] ?? '';
}
