import { useLayoutEffect, useRef, useState } from 'react';
import type { PipelineApproval } from '@/api/pipelines';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { focusableHeading, focusIsLost } from '@/lib/focus';
import { StatusBadge } from '@/components/ui/status-badge';
import { useDecideApproval } from '../mutations';
import { pipelineStatus } from '../utils/status';

type RunPath = {
  orgId: string;
  appId: string;
  pipelineId: string;
  runId: string;
};

/** A waiting approval request: its message, a comment, Approve and Deny. Decided ones show who and why. */
export function ApprovalPanel({
  run,
  approval,
  canDecide,
}: {
  run: RunPath;
  approval: PipelineApproval;
  canDecide: boolean;
}) {
  const [comment, setComment] = useState('');
  const decide = useDecideApproval(run);
  const id = `approval-${approval.id}`;
  // Decided, the panel goes with its buttons: focus moves to the jobs and steps (what the decision set going), not
  // to the page.
  const decided = useRef(false);
  useLayoutEffect(
    () => () => {
      if (!decided.current) return;
      requestAnimationFrame(() => {
        if (focusIsLost()) focusableHeading('graph-heading')?.focus();
      });
    },
    [],
  );
  if (approval.status !== 'waiting') {
    return (
      <p>
        <StatusBadge status={pipelineStatus(approval.status)} />{' '}
        <ApiText text={approval.message} />
        {approval.approved_by &&
          ` (${approval.status} by ${approval.approved_by}${approval.comment ? `: “${approval.comment}”` : ''})`}
      </p>
    );
  }
  const submit = (approve: boolean) => {
    decided.current = true;
    decide.mutate(
      { jobId: approval.job_id, approvalId: approval.id, approve, comment },
      { onError: () => (decided.current = false) },
    );
  };
  return (
    <Panel
      titleId={id}
      title={<>Approval needed to deploy to {approval.env_id}</>}
      actions={<StatusBadge status={pipelineStatus('waiting')} />}
    >
      <PanelBody className="stack">
        <p>
          <ApiText text={approval.message} />
        </p>
        <div className="field">
          <label htmlFor={`${id}-comment`}>Comment (optional)</label>
          <textarea
            className="textarea"
            id={`${id}-comment`}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        {decide.isError && (
          <ErrorPanel error={decide.error} action="record the decision" />
        )}
        <div className="row">
          <button
            type="button"
            className="button button--primary"
            disabled={!canDecide || decide.isPending}
            onClick={() => submit(true)}
          >
            Approve
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={!canDecide || decide.isPending}
            onClick={() => submit(false)}
          >
            Deny
          </button>
          {!canDecide && (
            <span className="muted">
              Only people who may deploy to {approval.env_id} can decide.
            </span>
          )}
        </div>
      </PanelBody>
    </Panel>
  );
}
