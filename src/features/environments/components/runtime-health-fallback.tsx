import { Link } from 'react-router';
import type { Environment } from '@/api/types';
import { Banner, BannerLinks } from '@/components/ui/banner';
import { ErrorHint } from '@/components/ui/error-hint';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { deploymentStatus, runtimeStatus } from '@/lib/status';
import { useRuntime } from '../queries';
import { runtimeSummary } from '../utils/workloads';

/**
 * What the standard API tells about an environment's health when the console
 * extension is missing: the last deployment's status and the workloads whose
 * runtime fails, each with its reason and the catalogue's hint.
 */
export function RuntimeHealthFallback({
  orgId,
  appId,
  env,
}: {
  orgId: string;
  appId: string;
  env: Environment;
}) {
  const runtime = useRuntime(orgId, appId, env.id);
  const deploy = env.last_deploy;
  if (deploy && runtime.isPending) {
    return (
      <section className="banner" aria-label="Health">
        <Skeleton rows={2} label="Loading the runtime" />
      </section>
    );
  }
  if (runtime.isError && !runtime.data) {
    return (
      <ErrorPanel
        error={runtime.error}
        action="load the runtime"
        onRetry={() => runtime.refetch()}
      />
    );
  }
  const failing = Object.entries(runtime.data?.modules ?? {})
    .filter(
      ([, m]) => m.status_class === 'Failure' || m.status_class === 'Warning',
    )
    .sort(([a], [b]) => a.localeCompare(b));
  const status = deploymentStatus(deploy?.status);
  const summary = !deploy
    ? 'Nothing runs in this environment yet.'
    : deploy.status === 'failed'
      ? `The last deployment failed: open it to see why.`
      : failing.length > 0
        ? `${failing.length} ${failing.length === 1 ? 'workload is' : 'workloads are'} failing or degraded.`
        : `The last deployment ${status.label.toLowerCase()}; no workload reports a failure.`;
  const tone =
    failing.length > 0 && deploy?.status === 'succeeded'
      ? runtimeStatus(failing[0][1].status_class)
      : status;
  return (
    <Banner
      label="Health"
      status={{ tone: tone.tone, label: tone.label }}
      summary={summary}
    >
      <p className="muted">
        Aggregated health is unavailable from this API; this is computed from
        the last deployment&rsquo;s status and the workloads&rsquo; runtime.
      </p>
      {deploy && (
        <BannerLinks>
          <Link
            className="button button--small"
            to={paths.deployment(orgId, appId, env.id, deploy.id)}
          >
            Open deployment {deploy.id}
          </Link>
        </BannerLinks>
      )}
      {failing.map(([id, module]) => {
        const figures = runtimeSummary(module)!;
        return (
          <div key={id} className="stack">
            <p>
              <StatusBadge
                status={runtimeStatus(module.status_class, module.status)}
              />{' '}
              Workload <code>{id}</code>: {figures.ready}/{figures.desired}{' '}
              ready{figures.reason ? `, ${figures.reason}` : ''}
            </p>
            <ErrorHint code={figures.reason} />
            <BannerLinks>
              <Link
                className="button button--small"
                to={paths.workloadRuntime(orgId, appId, env.id, id)}
              >
                Show runtime of {id}
              </Link>
            </BannerLinks>
          </div>
        );
      })}
    </Banner>
  );
}
