import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CanaryRelease } from '@/api/pipelines';
import { pipelineQueries } from '@/api/queries/pipelines';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { ApiText } from '@/components/ui/api-text';
import { Banner } from '@/components/ui/banner';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { paths } from '@/config/paths';
import { useDecideCanary } from '../mutations';
import { pipelineStatus } from '../utils/status';
import './pipelines.css';

function verdict(c: CanaryRelease): string {
  if (c.status === 'aborted')
    return (
      c.abort_reason ??
      'The canary was aborted and traffic returned to the stable version.'
    );
  if (c.status === 'promoted')
    return 'Promoted: 100 % of traffic runs the new version.';
  if (c.status === 'deploying')
    return 'Deploying the canary version; traffic shifting starts when it is up.';
  return `${c.set_weight} % of traffic is set to go to the canary (${c.actual_weight} % does now).`;
}

/** The environment's canary: verdict (the abort reason first), versions, weight steps, analysis charts, promote / abort. */
export function CanaryView(props: {
  orgId: string;
  appId: string;
  envId: string;
  canDecide: boolean;
  noCanaryYet?: boolean;
}) {
  if (props.noCanaryYet) return <NoCanaryYet {...props} />;
  return <LastCanary {...props} />;
}

function LastCanary({
  orgId,
  appId,
  envId,
  canDecide,
}: {
  orgId: string;
  appId: string;
  envId: string;
  canDecide: boolean;
}) {
  const { data } = useSuspenseQuery(
    pipelineQueries.canary(orgId, appId, envId),
  );
  if (data === null)
    return <NoCanaryYet orgId={orgId} appId={appId} envId={envId} />;
  return (
    <Canary
      c={data}
      orgId={orgId}
      appId={appId}
      envId={envId}
      canDecide={canDecide}
    />
  );
}

function NoCanaryYet({
  orgId,
  appId,
  envId,
}: {
  orgId: string;
  appId: string;
  envId: string;
}) {
  return (
    <EmptyState title={`No canary release has run in ${envId} yet`}>
      <p>
        A canary starts when a pipeline step{' '}
        <code>uses: actions/humanitec/canary@v1</code> with{' '}
        <code>env_id: {envId}</code> runs: it shifts traffic to the new version
        step by step while error rate and latency are watched. Add such a step
        to a pipeline of this app: the canary starts when a run reaches it (a
        run starts on a deployment request that the pipeline&apos;s criteria
        match).
      </p>
      <p>
        <Link to={paths.pipelines(orgId, appId)}>
          Open the pipelines of {appId}
        </Link>
      </p>
    </EmptyState>
  );
}

function Canary({
  c,
  orgId,
  appId,
  envId,
  canDecide,
}: {
  c: CanaryRelease;
  orgId: string;
  appId: string;
  envId: string;
  canDecide: boolean;
}) {
  const decide = useDecideCanary(orgId, appId, envId);
  const [reason, setReason] = useState('');
  const times = c.samples.map((s) => Date.parse(s.at));
  const threshold = (value: number) => c.samples.map(() => value);
  const deployLink = (id?: string) =>
    id ? (
      <Link to={paths.deployment(orgId, appId, envId, id)}>{id}</Link>
    ) : (
      'none'
    );
  return (
    <div className="stack">
      <Banner
        label="Canary"
        status={pipelineStatus(c.status)}
        summary={<ApiText text={verdict(c)} />}
      >
        <dl className="row">
          <dt>Stable</dt>
          <dd>{deployLink(c.stable.deploy_id)}</dd>
          <dt>Canary</dt>
          <dd>{deployLink(c.canary.deploy_id)}</dd>
          {c.rollback_deploy_id && (
            <>
              <dt>Rollback</dt>
              <dd>{deployLink(c.rollback_deploy_id)}</dd>
            </>
          )}
          <dt>Set weight</dt>
          <dd>{c.set_weight} %</dd>
          <dt>Actual weight</dt>
          <dd>{c.actual_weight} %</dd>
        </dl>
        <Link
          to={paths.pipelineRun(
            orgId,
            appId,
            c.pipeline.pipeline_id,
            c.pipeline.run_id,
            { job: c.pipeline.job_id, index: c.pipeline.step_index },
          )}
        >
          Open the pipeline step
        </Link>
      </Banner>
      <Panel titleId="weights-heading" title="Weight steps">
        <PanelBody>
          <ol className="canary-weights">
            {c.weights.map((w, i) => {
              const done = c.samples.some(
                (s) => s.step_index === i && s.passed,
              );
              const current = c.status === 'progressing' && i === c.step_index;
              return (
                <li key={i} aria-current={current ? 'step' : undefined}>
                  {w} %{' '}
                  {done
                    ? '(passed)'
                    : current
                      ? '(current)'
                      : c.samples.some((s) => s.step_index === i)
                        ? '(failed)'
                        : ''}
                </li>
              );
            })}
          </ol>
        </PanelBody>
      </Panel>
      <Panel titleId="analysis-heading" title="Analysis">
        <PanelBody className="canary-charts">
          <TimeSeriesChart
            title="Error rate"
            summary={`${c.samples.length} samples against a ${c.thresholds.error_rate_percent} % threshold; ${c.samples.filter((s) => !s.passed).length} failed.`}
            times={times}
            unit="%"
            series={[
              {
                label: 'Error rate',
                values: c.samples.map((s) => s.error_rate_percent),
                color: 'var(--status-progress)',
              },
              {
                label: 'Threshold',
                values: threshold(c.thresholds.error_rate_percent),
                color: 'var(--status-failure)',
                dashed: true,
              },
            ]}
          />
          <TimeSeriesChart
            title="p95 latency"
            summary={`${c.samples.length} samples against a ${c.thresholds.latency_p95_ms} ms threshold.`}
            times={times}
            unit="ms"
            series={[
              {
                label: 'p95 latency',
                values: c.samples.map((s) => s.latency_p95_ms),
                color: 'var(--status-progress)',
              },
              {
                label: 'Threshold',
                values: threshold(c.thresholds.latency_p95_ms),
                color: 'var(--status-failure)',
                dashed: true,
              },
            ]}
          />
        </PanelBody>
      </Panel>
      {c.status === 'progressing' && (
        <Panel titleId="decide-heading" title="Decide now">
          <PanelBody className="stack">
            <div className="field">
              <label htmlFor="abort-reason">Reason to abort (optional)</label>
              <input
                className="input"
                id="abort-reason"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            {decide.isError && (
              <ErrorPanel error={decide.error} action="decide the canary" />
            )}
            <div className="row">
              <button
                type="button"
                className="button button--primary"
                disabled={!canDecide || decide.isPending}
                onClick={() => decide.mutate({ action: 'promote' })}
              >
                Promote to 100 %
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={!canDecide || decide.isPending}
                onClick={() => decide.mutate({ action: 'abort', reason })}
              >
                Abort and roll back
              </button>
            </div>
          </PanelBody>
        </Panel>
      )}
    </div>
  );
}
