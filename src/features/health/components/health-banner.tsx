import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { EnvironmentHealth, HealthIssue } from '@/api/health';
import { ApiText } from '@/components/ui/api-text';
import { Banner, BannerLinks } from '@/components/ui/banner';
import { ErrorHint } from '@/components/ui/error-hint';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { resourceDefQueries } from '@/api/queries/resource-definitions';
import { describeCriteria } from '@/lib/criteria';
import { healthStatus } from '@/lib/status';
import { useEnvironmentHealth } from '../queries';
import { issueLinks, type IssueLink } from '../utils/issue-links';
import './health.css';

interface HealthBannerProps {
  orgId: string;
  appId: string;
  envId: string;
  /** Shown when the API has no health extension (computed from the standard endpoints). */
  fallback: ReactNode;
}

/** The environment's verdict, root cause first, then what else is affected. */
export function HealthBanner({
  orgId,
  appId,
  envId,
  fallback,
}: HealthBannerProps) {
  const health = useEnvironmentHealth(orgId, appId, envId);
  if (health.isPending) {
    return (
      <section className="banner" aria-label="Health">
        <Skeleton rows={2} label="Loading the environment's health" />
      </section>
    );
  }
  if (health.isError) {
    return (
      <ErrorPanel
        error={health.error}
        action="load the environment's health"
        onRetry={() => health.refetch()}
      />
    );
  }
  if (health.data === null) return <>{fallback}</>;
  return <Verdict health={health.data} orgId={orgId} appId={appId} />;
}

function Verdict({
  health,
  orgId,
  appId,
}: {
  health: EnvironmentHealth;
  orgId: string;
  appId: string;
}) {
  const root = health.root_cause;
  const ctx = {
    orgId,
    appId,
    envId: health.env_id,
    lastDeploy: health.last_deploy,
  };
  const others = health.issues.slice(1);
  const stillRunning =
    health.last_deploy?.status === 'failed' &&
    health.running_deploy_id &&
    health.running_deploy_id !== health.last_deploy.id;
  return (
    <Banner
      label="Health"
      status={healthStatus(health.state)}
      summary={<ApiText text={health.summary} />}
    >
      {stillRunning && (
        <p className="muted">
          The environment still runs deployment{' '}
          <code>{health.running_deploy_id}</code>, its last successful one.
        </p>
      )}
      {health.state === 'NotDeployed' && (
        <p className="muted">
          Deploy a workload to this environment to bring it to life.
        </p>
      )}
      {root && (
        <>
          {/* The container's own message (a deployment error's full text is on the deployment page). */}
          {root.container_id && root.detail && (
            <pre className="error-message">{root.detail}</pre>
          )}
          {root.scope === 'resource' && (
            <MatchedDefinition issue={root} orgId={orgId} />
          )}
          <ErrorHint code={root.code} />
          <IssueLinks links={issueLinks(root, ctx)} />
        </>
      )}
      {others.length > 0 && (
        <div>
          <h3>Also affected</h3>
          <ul className="health-issues">
            {others.map((issue, i) => (
              <li
                key={`${issue.scope}-${issue.workload_id ?? issue.resource_id ?? i}`}
              >
                <StatusBadge status={healthStatus(issue.state)} />
                <span>
                  <ApiText text={issue.message} />
                </span>
                <IssueLinks links={issueLinks(issue, ctx).slice(0, 1)} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </Banner>
  );
}

/** Which definition a failed resource came from: its version and driver, the rule that picked it, or that none matched. */
function MatchedDefinition({
  issue,
  orgId,
}: {
  issue: HealthIssue;
  orgId: string;
}) {
  if (!issue.definition_id) {
    return issue.code === 'RES-MATCH-001' ? (
      <p className="muted">No resource definition matched this resource.</p>
    ) : null;
  }
  return (
    <dl className="health-definition">
      <dt>Definition</dt>
      <dd>
        <code>{issue.definition_id}</code>
        {issue.definition_version_id && (
          <>
            {' '}
            version <code>{issue.definition_version_id}</code>
          </>
        )}
      </dd>
      {issue.driver_type && (
        <>
          <dt>Driver</dt>
          <dd>
            <code>{issue.driver_type}</code>
          </dd>
        </>
      )}
      {issue.criteria_id && (
        <MatchedRule
          orgId={orgId}
          definitionId={issue.definition_id}
          criteriaId={issue.criteria_id}
        />
      )}
    </dl>
  );
}

/**
 * The matching criteria that picked the definition, in words ("staging environments"), read from the definition:
 * its id alone means nothing to a developer. Nothing while the definition loads or if the rule is gone from it (the
 * banner's message names the rule as it was), or where the definition cannot be read.
 */
function MatchedRule({
  orgId,
  definitionId,
  criteriaId,
}: {
  orgId: string;
  definitionId: string;
  criteriaId: string;
}) {
  // A side detail: not refetched on focus (a definition deleted since would toast a failed refresh about it).
  const definition = useQuery({
    ...resourceDefQueries.detail(orgId, definitionId),
    refetchOnWindowFocus: false,
  });
  const rule = definition.data?.criteria?.find((c) => c.id === criteriaId);
  if (!rule) return null;
  return (
    <>
      <dt>Matched by</dt>
      <dd>{describeCriteria(rule)}</dd>
    </>
  );
}

function IssueLinks({ links }: { links: IssueLink[] }) {
  if (links.length === 0) return null;
  return (
    <BannerLinks>
      {links.map((link) => (
        <Link key={link.to} className="button button--small" to={link.to}>
          {link.label}
        </Link>
      ))}
    </BannerLinks>
  );
}
