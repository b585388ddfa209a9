import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { setQueries } from '@/api/queries/sets';
import type { PlainDelta } from '@/api/types';
import { DiffDetails } from '@/components/diff/diff-details';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { canonicalYaml } from '@/lib/diff/canonical-yaml';
import type { JsonValue } from '@/lib/json-schema/pointer';
import type { ViewOptions } from '@/lib/diff/view-options';
import type { ScorePreview } from '../mutations';
import { scoreResources } from '../utils/resources';

interface ScoreReviewProps {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  preview: ScorePreview;
  deploying: boolean;
  deployError: unknown;
  onDeploy: (comment: string) => void;
}

/** The id of the preview's first heading (where focus goes once the file is converted). */
export const SCORE_REVIEW_HEADING_ID = 'score-review-heading';

/** The converted workload, the change it makes to the environment, the definitions its resources match, and Deploy. */
export function ScoreReview(props: ScoreReviewProps) {
  const { orgId, appId, envId, preview } = props;
  return (
    <>
      <Panel
        titleId={SCORE_REVIEW_HEADING_ID}
        title={`Workload ${preview.workloadId}`}
      >
        <PanelBody>
          <p className="muted">
            What the API converted the Score file to (profile, containers,
            private resources):
          </p>
          <pre
            className="score-workload"
            tabIndex={0}
            aria-label="Converted workload"
          >
            {canonicalYaml(
              preview.set.modules[preview.workloadId] as JsonValue,
            )}
          </pre>
        </PanelBody>
      </Panel>
      <ScoreDiff
        orgId={orgId}
        appId={appId}
        baseSetId={preview.baseSetId}
        nextSetId={preview.nextSetId}
      />
      <ScoreMatches
        orgId={orgId}
        appId={appId}
        envId={envId}
        preview={preview}
      />
      <DeployPanel {...props} />
    </>
  );
}

/** The change as the deployment diff shows changes: the environment's set, then with the Score workload. */
function ScoreDiff({
  orgId,
  appId,
  baseSetId,
  nextSetId,
}: {
  orgId: string;
  appId: string;
  baseSetId: string;
  nextSetId: string;
}) {
  const [view, setView] = useState<ViewOptions>({
    layout: 'unified',
    context: 'compact',
    changedOnly: true,
    query: '',
  });
  const from = useQuery(setQueries.set(orgId, appId, baseSetId));
  const to = useQuery(setQueries.set(orgId, appId, nextSetId));
  const delta = useQuery(setQueries.diff(orgId, appId, nextSetId, baseSetId));
  const failed = [from, to, delta].find((q) => q.isError);
  return (
    <Panel title="What changes in the environment">
      <PanelBody className="stack">
        {failed ? (
          <ErrorPanel
            error={failed.error}
            action="load the change"
            onRetry={() =>
              void Promise.all([from.refetch(), to.refetch(), delta.refetch()])
            }
          />
        ) : delta.data && from.data && to.data ? (
          <DiffDetails
            delta={delta.data as PlainDelta}
            from={from.data}
            to={to.data}
            view={view}
            onViewChange={setView}
            raw={false}
          />
        ) : (
          <Skeleton rows={4} label="Loading the change" />
        )}
      </PanelBody>
    </Panel>
  );
}

/** Each resource the workload asks for and the definition that would provision it (explainResourceMatch). */
function ScoreMatches({
  orgId,
  appId,
  envId,
  preview,
}: {
  orgId: string;
  appId: string;
  envId: string;
  preview: ScorePreview;
}) {
  const resources = scoreResources(preview.set, preview.workloadId);
  const missing = preview.matches.filter((m) => !m.winner).length;
  return (
    <Panel title="Resources it will match">
      <PanelBody className="stack">
        {missing > 0 && (
          <p role="status" className="field-error">
            {missing === 1
              ? 'One resource matches'
              : `${missing} resources match`}{' '}
            no resource definition: the deployment will fail with RES-MATCH-001
            unless a definition is added for it.
          </p>
        )}
        <DataTable
          caption="Resources and the definitions that match them"
          columns={['Resource', 'Type', 'Class', 'Definition']}
          rows={resources}
          empty={
            <p className="muted">
              The workload asks for no resources of its own; the environment's
              cluster and namespace are provisioned as for every deployment.
            </p>
          }
          renderRow={(r, i) => {
            const winner = preview.matches[i]?.winner;
            const match = paths.resourceMatch(orgId, {
              app: appId,
              env: envId,
              type: r.type,
              class: r.class,
              res: r.resId,
            });
            return (
              <tr key={r.resId}>
                <td>
                  <code>{r.resId}</code>
                </td>
                <td>{r.type}</td>
                <td>{r.class}</td>
                <td>
                  {winner ? (
                    <>
                      <Link to={paths.resourceDef(orgId, winner.def_id)}>
                        {winner.def_id}
                      </Link>{' '}
                      <span className="muted">({winner.driver_type})</span>
                    </>
                  ) : (
                    <strong>No definition matches (RES-MATCH-001)</strong>
                  )}{' '}
                  · <Link to={match}>Why?</Link>
                </td>
              </tr>
            );
          }}
        />
      </PanelBody>
    </Panel>
  );
}

function DeployPanel({
  envId,
  envType,
  preview,
  deploying,
  deployError,
  onDeploy,
}: ScoreReviewProps) {
  const [comment, setComment] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const needsConfirmation = envType === 'production';
  const canDeploy =
    !deploying && (!needsConfirmation || confirmation === envId);
  return (
    <Panel title="Deploy">
      <PanelBody className="stack">
        <div className="field">
          <label htmlFor="score-comment">Comment</label>
          <input
            id="score-comment"
            className="input"
            value={comment}
            placeholder={`Score: ${preview.workloadId}`}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        {needsConfirmation && (
          <div className="field">
            <label htmlFor="score-confirm">
              Type <code>{envId}</code> to deploy to production
            </label>
            <input
              id="score-confirm"
              className="input mono"
              value={confirmation}
              autoComplete="off"
              onChange={(e) => setConfirmation(e.target.value)}
            />
          </div>
        )}
        {deployError !== null && deployError !== undefined && (
          <ErrorPanel error={deployError} action="deploy the Score file" />
        )}
        <div className="row">
          <button
            type="button"
            className="button button--primary"
            disabled={!canDeploy}
            onClick={() => onDeploy(comment.trim())}
          >
            {deploying
              ? 'Deploying…'
              : `Deploy ${preview.workloadId} to ${envId}`}
          </button>
        </div>
      </PanelBody>
    </Panel>
  );
}
