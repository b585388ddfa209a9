import { useState } from 'react';
import type { DeploymentStep } from '@/api/health';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDuration } from '@/lib/format';
import { stepStatus } from '@/lib/status';
import { useDeployment, useDeploymentSteps } from '../queries';
import { DeploymentErrors } from './deployment-errors';
import { ErrorDetail } from './error-detail';
import './timeline.css';

interface Props {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
  /** The base deployment when it is in the same environment (for the diff links). */
  baseDeployId?: string;
}

/**
 * Succeeded steps shown before "Show all": a deployment of many workloads and
 * resources has hundreds of steps (one per resource), and drawing them all
 * makes its page slow to open, while what a reader came for is the step that
 * failed or is still running: those are always shown.
 */
export const SETTLED_STEPS_SHOWN = 25;

/** The steps shown: all of them, or every one not succeeded and the first few that did. */
export function visibleSteps(
  steps: readonly DeploymentStep[],
  showAll: boolean,
): DeploymentStep[] {
  if (showAll) return [...steps];
  let settled = 0;
  return steps.filter(
    (step) =>
      step.status !== 'succeeded' || (settled += 1) <= SETTLED_STEPS_SHOWN,
  );
}

/** The deployment's steps with status and duration; for a failed one, "Why it failed" with the failed step open. */
export function DeploymentTimeline({
  orgId,
  appId,
  envId,
  deployId,
  baseDeployId,
}: Props) {
  const { data: deployment } = useDeployment(orgId, appId, envId, deployId);
  const steps = useDeploymentSteps(orgId, appId, envId, deployId);
  const [showAll, setShowAll] = useState(false);
  const failed = deployment.status === 'failed';
  if (steps.data === null) {
    return failed ? (
      <DeploymentErrors
        orgId={orgId}
        appId={appId}
        envId={envId}
        deployId={deployId}
        baseDeployId={baseDeployId}
        note="The step timeline is unavailable from this API; these are the deployment's errors."
      />
    ) : null;
  }
  const failedSteps =
    steps.data?.steps.filter((s) => s.status === 'failed') ?? [];
  const total = steps.data?.steps.length ?? 0;
  const collapsed = steps.data ? visibleSteps(steps.data.steps, false) : [];
  const shown = showAll && steps.data ? steps.data.steps : collapsed;
  const hidden = total - shown.length;
  return (
    <Panel
      titleId="timeline-heading"
      title={failed ? 'Why it failed' : 'Timeline'}
      failure={failed}
      actions={steps.data && <span className="muted">{total} steps</span>}
    >
      {steps.isPending ? (
        <PanelBody>
          <Skeleton rows={4} label="Loading the deployment's steps" />
        </PanelBody>
      ) : steps.isError ? (
        <PanelBody>
          <ErrorPanel
            error={steps.error}
            action="load the deployment's steps"
            onRetry={() => steps.refetch()}
          />
        </PanelBody>
      ) : (
        <>
          {failedSteps.length > 0 && (
            <PanelBody
              as="p"
              style={{ borderBottom: '1px solid var(--color-border)' }}
            >
              <strong>
                Step {steps.data.steps.indexOf(failedSteps[0]) + 1} of {total}{' '}
                failed: <ApiText text={failedSteps[0].title} />
              </strong>
              {failedSteps.length > 1 && (
                <span className="muted">
                  {' '}
                  (and {failedSteps.length - 1} more)
                </span>
              )}
            </PanelBody>
          )}
          <ol className="timeline" aria-label="Deployment steps">
            {shown.map((step) => (
              <Step
                key={step.id}
                step={step}
                {...{ orgId, appId, envId, deployId, baseDeployId }}
              />
            ))}
          </ol>
          {collapsed.length < total && (
            <PanelBody className="timeline__more">
              {hidden > 0 && (
                <span className="muted">
                  {hidden} more succeeded {hidden === 1 ? 'step' : 'steps'}{' '}
                </span>
              )}
              <button
                type="button"
                className="button"
                aria-expanded={showAll}
                onClick={() => setShowAll((all) => !all)}
              >
                {showAll
                  ? `Show the first ${SETTLED_STEPS_SHOWN} succeeded steps`
                  : `Show all ${total} steps`}
              </button>
            </PanelBody>
          )}
        </>
      )}
    </Panel>
  );
}

function Step({ step, ...ctx }: { step: DeploymentStep } & Props) {
  return (
    <li className="timeline__step">
      <div className="timeline__row">
        <span>
          <StatusBadge status={stepStatus(step.status)} />
        </span>
        <span className="timeline__title">
          <ApiText text={step.title} />
          {step.change && step.change !== 'unchanged' && (
            <span className="chip" style={{ marginLeft: 8 }}>
              {step.change}
            </span>
          )}
        </span>
        <span className="timeline__time">
          {step.duration_ms !== undefined
            ? formatDuration(step.duration_ms)
            : step.status === 'in progress'
              ? 'running…'
              : '—'}
        </span>
      </div>
      {(step.definition || (step.log && step.log.length > 0)) && (
        <div className="timeline__provisioned">
          {step.definition && (
            <p className="small muted">
              Definition{' '}
              {/* The orchestrator's default for an implicit resource has no version and no page. */}
              {!step.definition.def_version_id ? (
                <code>{step.definition.def_id}</code>
              ) : (
                <Link to={paths.resourceDef(ctx.orgId, step.definition.def_id)}>
                  <code>{step.definition.def_id}</code>
                </Link>
              )}
              {step.definition.def_version_id && (
                <>
                  {' '}
                  version <code>{step.definition.def_version_id}</code>
                </>
              )}
              , driver <code>{step.definition.driver_type}</code>
            </p>
          )}
          {step.log && step.log.length > 0 && (
            <details>
              <summary>Driver log ({step.log.length} lines)</summary>
              <pre className="timeline__log">{step.log.join('\n')}</pre>
            </details>
          )}
        </div>
      )}
      {step.status === 'failed' && (
        <div className="timeline__error">
          {step.errors.length === 0 ? (
            <p className="muted">This step failed without a reported error.</p>
          ) : (
            step.errors.map((error, i) => (
              <ErrorDetail key={`${error.code}-${i}`} error={error} {...ctx} />
            ))
          )}
        </div>
      )}
    </li>
  );
}
