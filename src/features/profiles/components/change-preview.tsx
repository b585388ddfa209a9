import { useCallback, useEffect, useMemo, useState } from 'react';
import { DiffDetails } from '@/components/diff/diff-details';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { ShortId } from '@/components/ui/short-id';
import { Skeleton } from '@/components/ui/skeleton';
import type { ViewOptions } from '@/lib/diff/view-options';
import { focusHeadingSoon } from '@/lib/focus';
import { schemaTitleAt } from '@/lib/json-schema/labels';
import { parsePointer } from '@/lib/json-schema/pointer';
import type { SchemaObject } from '@/lib/json-schema/validate';
import { useProfileSet, useProfileSetDiff } from '../queries';
import { maskProfileSecrets } from '../utils/review-masking';

interface ChangePreviewProps {
  orgId: string;
  appId: string;
  workloadId: string;
  deltaId: string;
  /** The set the environment runs, and the set the change makes of it (the engine applied it already). */
  setId: string;
  nextSetId: string;
  schema: SchemaObject;
  envId: string;
  envType: string;
  deploying: boolean;
  error: unknown;
  /** Resends the failed deploy as it was (same comment, same Idempotency-Key); absent when retrying cannot help. */
  onRetry?: () => void;
  onDeploy: (comment: string) => void;
  onBack: () => void;
}

/**
 * The saved change as the deployment diff shows changes (summary, field
 * changes, YAML text diff), with the profile's secret fields hidden; then a
 * comment and deploy (production asks for the environment id).
 */
export function ChangePreview(props: ChangePreviewProps) {
  const {
    orgId,
    appId,
    workloadId,
    deltaId,
    setId,
    nextSetId,
    schema,
    envId,
    envType,
    deploying,
    error,
    onRetry,
    onDeploy,
    onBack,
  } = props;
  const [comment, setComment] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [view, setView] = useState<ViewOptions>({
    layout: 'unified',
    context: 'compact',
    changedOnly: true,
    query: '',
  });
  const from = useProfileSet(orgId, appId, setId);
  const to = useProfileSet(orgId, appId, nextSetId);
  const delta = useProfileSetDiff(orgId, appId, nextSetId, setId);
  const review = useMemo(
    () =>
      from.data && to.data && delta.data
        ? maskProfileSecrets(schema, workloadId, {
            from: from.data,
            to: to.data,
            delta: delta.data,
          })
        : undefined,
    [schema, workloadId, from.data, to.data, delta.data],
  );
  // The workload's fields named as its form names them ("Owning team", beside the key `team`): the schema is its spec's.
  const fieldTitle = useCallback(
    (id: string, path: string) => {
      const tokens = parsePointer(path);
      if (id !== workloadId || !tokens || tokens[0] !== 'spec')
        return undefined;
      return schemaTitleAt(schema, tokens.slice(1));
    },
    [schema, workloadId],
  );
  // The review replaces the form (whose button had focus): focus goes to its heading.
  useEffect(() => focusHeadingSoon('review-heading'), [deltaId]);
  const failed = [from, to, delta].find((q) => q.isError);
  const needsConfirmation = envType === 'production';
  const canDeploy =
    !deploying && (!needsConfirmation || confirmation === envId);
  return (
    <Panel
      titleId="review-heading"
      title="Review the change"
      actions={
        <span className="muted">
          Saved as change <ShortId id={deltaId} label="change id" />
        </span>
      }
    >
      <PanelBody className="stack">
        {failed ? (
          <ErrorPanel
            error={failed.error}
            action="load the change for review"
            onRetry={() =>
              void Promise.all([from.refetch(), to.refetch(), delta.refetch()])
            }
          />
        ) : review ? (
          <DiffDetails
            delta={review.delta}
            from={review.from}
            to={review.to}
            view={view}
            onViewChange={setView}
            raw={false}
            fieldTitle={fieldTitle}
          />
        ) : (
          <Skeleton rows={4} label="Loading the change" />
        )}
        <div className="field">
          <label htmlFor="change-comment">Comment</label>
          <input
            id="change-comment"
            className="input"
            value={comment}
            placeholder="What does this change do?"
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        {needsConfirmation && (
          <div className="field">
            <label htmlFor="change-confirm">
              Type <code>{envId}</code> to deploy to production
            </label>
            <input
              id="change-confirm"
              className="input mono"
              value={confirmation}
              autoComplete="off"
              onChange={(e) => setConfirmation(e.target.value)}
            />
          </div>
        )}
        {error !== null && error !== undefined && (
          <ErrorPanel
            error={error}
            action="deploy the change"
            onRetry={onRetry}
          />
        )}
        <div className="row">
          <button
            type="button"
            className="button button--primary"
            disabled={!canDeploy}
            onClick={() => onDeploy(comment.trim())}
          >
            {deploying ? 'Deploying…' : `Deploy to ${envId}`}
          </button>
          <button
            type="button"
            className="button"
            onClick={onBack}
            disabled={deploying}
          >
            Back to editing
          </button>
        </div>
      </PanelBody>
    </Panel>
  );
}
