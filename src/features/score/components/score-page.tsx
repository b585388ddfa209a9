import { useState } from 'react';
import { ApiError } from '@/api/client';
import { useNavigate } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { paths } from '@/config/paths';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { focusableHeading } from '@/lib/focus';
import { useFocusOutcome } from '@/hooks/use-focus-outcome';
import { useDeployScore, usePreviewScore, type ScoreInput } from '../mutations';
import { fileProblems, inFileTerms } from '../utils/file-problems';
import { SCORE_REVIEW_HEADING_ID, ScoreReview } from './score-review';
import { SCORE_SOURCE_FORM_ID, ScoreSource } from './score-source';

interface ScorePageProps {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  /** The set the environment runs (none before its first deployment). */
  setId?: string;
  /** The environment's last deployment: deploying checks it is still the last (If-Match). */
  lastDeployId?: string;
}

/** The id of the refusal's heading. */
const SCORE_ERROR_HEADING_ID = 'score-error-heading';

const EMPTY: ScoreInput = { text: '', extensions: '', image: '' };

/** The key of the unsaved Score file of an environment (localStorage). */
export const scoreDraftKey = (orgId: string, appId: string, envId: string) =>
  `console:score-draft:${orgId}/${appId}/${envId}`;

/**
 * "Deploy a Score file": the file (pasted, uploaded or a sample, kept as a draft across reloads), converted by the
 * API; the workload, the change it makes, the definitions its resources match; then Deploy, which opens the
 * deployment.
 */
export function ScorePage(props: ScorePageProps) {
  const { orgId, appId, envId, envType, setId, lastDeployId } = props;
  const key = scoreDraftKey(orgId, appId, envId);
  const [restored] = useState(() => localStorage.getItem(key) !== null);
  const [input, setInput, clearInput] = usePersistentState<ScoreInput>(
    key,
    EMPTY,
  );
  const [showRestored, setShowRestored] = useState(restored);
  const preview = usePreviewScore(orgId, appId, envId, setId);
  const deploy = useDeployScore(orgId, appId, envId);
  const navigate = useNavigate();
  // "Preview the deployment", disabled while the file converts, drops focus to the page's body: it goes to the
  // result (the preview, or why the file was refused) unless the user has moved it meanwhile.
  useFocusOutcome({
    form: () => {
      const form = document.getElementById(SCORE_SOURCE_FORM_ID);
      return form instanceof HTMLFormElement ? form : null;
    },
    succeeded: preview.data,
    refused: preview.isError,
    onSucceeded: () => focusableHeading(SCORE_REVIEW_HEADING_ID),
    errorHeadingId: SCORE_ERROR_HEADING_ID,
  });
  const onChange = (next: ScoreInput) => {
    setInput(next);
    if (preview.data || preview.error) preview.reset();
  };
  return (
    <div className="stack">
      <ScoreSource
        value={input}
        onChange={onChange}
        onPreview={() => preview.mutate(input)}
        previewing={preview.isPending}
        restored={showRestored && input.text !== ''}
        onDiscard={() => {
          clearInput();
          preview.reset();
          setShowRestored(false);
        }}
      />
      {preview.error && (
        <ScoreRefusal error={preview.error} text={input.text} />
      )}
      {preview.data && (
        <ScoreReview
          orgId={orgId}
          appId={appId}
          envId={envId}
          envType={envType}
          preview={preview.data}
          deploying={deploy.isPending}
          deployError={deploy.error}
          onDeploy={(comment) =>
            deploy.mutate(
              { preview: preview.data, comment, basedOnDeployId: lastDeployId },
              {
                onSuccess: (deployment) => {
                  clearInput();
                  void navigate(
                    paths.deployment(orgId, appId, envId, deployment.id),
                  );
                },
              },
            )
          }
        />
      )}
    </div>
  );
}

/**
 * Why the API refused the file, in the file's terms: its paths from the file's root (the API names them from
 * the request's, `spec.…`), and the line of each problem.
 */
function ScoreRefusal({ error, text }: { error: Error; text: string }) {
  const problems = fileProblems(error, text);
  const shown =
    error instanceof ApiError
      ? new ApiError(error.status, {
          ...error.body,
          message: inFileTerms(error.body.message),
        })
      : error;
  return (
    <ErrorPanel
      error={shown}
      action="convert the Score file"
      headingId={SCORE_ERROR_HEADING_ID}
      details={
        problems.some((p) => p.line !== undefined) && (
          <ul aria-label="Where in the Score file" className="score__problems">
            {problems.map((p, i) => (
              // By position: the API may list two problems of one field.
              <li key={i}>
                {p.line !== undefined && <>Line {p.line}: </>}
                <code>{p.path}</code>
                {/* What is wrong, unless the message above says it of this field already. */}
                {p.message !== undefined &&
                  !shown.message.includes(`\`${p.path}\``) && <> {p.message}</>}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
