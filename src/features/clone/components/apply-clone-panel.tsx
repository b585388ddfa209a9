import { useMemo, useRef, useState } from 'react';
import { ApiError } from '@/api/client';
import type { CloneRecord, CloneRequest, ClonePreview } from '@/api/clone';
import { newIdempotencyKey } from '@/api/idempotency';
import { DiffSummary } from '@/components/diff/diff-summary';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { GuardedButton } from '@/components/ui/guarded-button';
import { Panel, PanelBody } from '@/components/ui/panel';
import { useCan } from '@/hooks/use-can';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { isEmptyDelta, summarizeDelta } from '@/lib/diff/diff-model';
import { isRetryableStatus } from '@/lib/errors';
import { focusableHeading } from '@/lib/focus';
import { useApplyClone, type ApplyCloneRequest } from '../mutations';

interface ApplyClonePanelProps {
  orgId: string;
  appId: string;
  preview: ClonePreview;
  request: CloneRequest;
  /** The preview is being recomputed: applying waits for it. */
  stale: boolean;
  /** The target has never been deployed. */
  targetIsNew: boolean;
  onApplied: (clone: CloneRecord) => void;
  /** The target changed since the preview (409): the page recomputes it. */
  onConflict: (seen: ClonePreview) => void;
}

/** Comment and apply, after a confirmation showing the summary (production asks for its id). */
export function ApplyClonePanel({
  orgId,
  appId,
  preview,
  request,
  stale,
  targetIsNew,
  onApplied,
  onConflict,
}: ApplyClonePanelProps) {
  const { target, source } = preview;
  const [comment, setComment, clearComment] = usePersistentState(
    `clone-comment:${orgId}/${appId}/${source.env_id}>${target.env_id}`,
    '',
  );
  const [open, setOpen] = useState(false);
  const may = useCan(orgId, 'deploy', { appId, envType: target.env_type });
  const apply = useApplyClone(orgId, appId);
  const summary = useMemo(
    () => summarizeDelta(preview.delta, preview.target_set.shared),
    [preview],
  );
  // A new environment (never deployed) is started even when it already has the source's set as its base.
  const empty = isEmptyDelta(summary) && !targetIsNew;
  // The last apply whose outcome is unknown (no answer, a time-out, a server error): confirming the same
  // clone again, even after closing the dialog, resends exactly that request with its Idempotency-Key. A
  // time-out whose apply was done then answers that clone (the target changed, so a fresh preview's
  // fingerprint would be refused as a conflict); one that was not done applies now.
  const attempt = useRef<{ selection: string; body: ApplyCloneRequest }>(
    undefined,
  );
  // Whether the confirmation closed because the clone was applied (read where focus goes as it closes).
  const applied = useRef(false);
  const confirm = () => {
    const next = {
      ...request,
      envId: target.env_id,
      fingerprint: preview.fingerprint,
      comment: comment.trim(),
    };
    const selection = JSON.stringify({ ...next, fingerprint: undefined });
    const body =
      attempt.current?.selection === selection
        ? attempt.current.body
        : { ...next, idempotencyKey: newIdempotencyKey() };
    attempt.current = { selection, body };
    applied.current = false;
    apply.mutate(body, {
      onSuccess: (clone) => {
        applied.current = true;
        attempt.current = undefined;
        setOpen(false);
        clearComment();
        onApplied(clone);
      },
      onError: (error) => {
        // A refusal (4xx) changed nothing: the next confirmation is a new action with the current preview.
        if (!(error instanceof ApiError) || !isRetryableStatus(error.status))
          attempt.current = undefined;
        if (error instanceof ApiError && error.status === 409) {
          setOpen(false);
          apply.reset();
          onConflict(preview);
        }
      },
    });
  };
  return (
    <Panel titleId="clone-apply-heading" title="Apply">
      <PanelBody>
        <div className="field">
          <label htmlFor="clone-comment">Comment</label>
          <input
            id="clone-comment"
            className="input"
            value={comment}
            maxLength={1000}
            placeholder={`${preview.mode === 'full' ? 'Full clone' : 'Clone'} from ${source.env_id}`}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        {empty && (
          <p className="muted">
            Nothing to clone: {target.env_id} already has what is selected.
          </p>
        )}
        <GuardedButton
          can={may}
          className="button button--primary"
          disabled={empty || stale || target.deploying}
          onClick={() => setOpen(true)}
        >
          Clone to {target.env_id}…
        </GuardedButton>
      </PanelBody>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) apply.reset();
        }}
        title={`Clone ${source.env_id} to ${target.env_id}`}
        confirmLabel={`Deploy to ${target.env_id}`}
        typeToConfirm={
          target.env_type === 'production' ? target.env_id : undefined
        }
        danger={target.env_type === 'production'}
        pending={apply.isPending}
        error={apply.error ?? undefined}
        onConfirm={confirm}
        // Applied: focus goes to the clone's progress (rendered as the dialog closes), not back to this button.
        returnFocusTo={() =>
          applied.current
            ? focusableHeading('clone-progress-heading')
            : undefined
        }
      >
        <p>
          {preview.mode === 'full' ? 'A full clone: ' : 'A partial clone: '}
          {target.env_id} gets these changes from {source.env_id} and deploys
          them.
        </p>
        <DiffSummary summary={summary} headingLevel={3} />
      </ConfirmDialog>
    </Panel>
  );
}
