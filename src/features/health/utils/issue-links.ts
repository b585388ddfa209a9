import type { EnvironmentHealth, HealthIssue } from '@/api/health';
import { paths } from '@/config/paths';
import { catalogueEntry } from '@/lib/error-catalogue';

/** A place to go from an issue. */
export interface IssueLink {
  to: string;
  label: string;
}

interface Context {
  orgId: string;
  appId: string;
  envId: string;
  lastDeploy?: EnvironmentHealth['last_deploy'];
}

/**
 * Where to go from an issue, the catalogue's "next step" first: the
 * container's logs, the workload (editor), the diff of the failed deployment
 * against its base, or the deployment itself.
 */
export function issueLinks(
  issue: HealthIssue,
  { orgId, appId, envId, lastDeploy }: Context,
): IssueLink[] {
  const links: IssueLink[] = [];
  const workload = issue.workload_id;
  if (workload && issue.container_id) {
    links.push({
      to: paths.workloadRuntime(
        orgId,
        appId,
        envId,
        workload,
        issue.container_id,
      ),
      label: `Show logs of ${issue.container_id}`,
    });
  } else if (workload && issue.scope === 'workload' && !issue.deploy_id) {
    links.push({
      to: paths.workloadRuntime(orgId, appId, envId, workload),
      label: `Show runtime of ${workload}`,
    });
  }
  if (workload) {
    links.push({
      to: paths.workload(orgId, appId, envId, workload),
      label: `Open workload ${workload}`,
    });
  }
  if (workload && issue.container_id) {
    // The environment's stream, on this container's lines and events from warnings up.
    links.push({
      to: paths.envStream(orgId, appId, envId, {
        only: `${workload}/${issue.container_id}`,
        level: 'warn',
      }),
      label: `Lines and events of ${issue.container_id}`,
    });
  }
  const deploy = issue.deploy_id;
  if (deploy && lastDeploy?.id === deploy && lastDeploy.from_id) {
    links.push({
      to: paths.diff(
        orgId,
        appId,
        {
          envId: lastDeploy.from_env_id ?? envId,
          deployId: lastDeploy.from_id,
        },
        { envId, deployId: deploy },
      ),
      label: 'Compare with the previous deployment',
    });
  }
  if (deploy)
    links.push({
      to: paths.deployment(orgId, appId, envId, deploy),
      label: `Open deployment ${deploy}`,
    });
  links.push(...resourceLinks(issue, { orgId, appId, envId }));
  const next = catalogueEntry(issue.code)?.next;
  // A value or secret the workload reads is fixed where values are kept.
  if (next === 'values')
    links.push({ to: paths.values(orgId, appId), label: VALUES_LABEL });
  const rank = (link: IssueLink) =>
    (next === 'values' && link.label === VALUES_LABEL) ||
    (next === 'logs' && link.label.startsWith('Show logs')) ||
    (next === 'workload' && link.label.startsWith('Open workload')) ||
    (next === 'diff' && link.label.startsWith('Compare')) ||
    (next === 'resource' && RESOURCE_LABEL.test(link.label))
      ? 0
      : 1;
  return links.sort((a, b) => rank(a) - rank(b));
}

const RESOURCE_LABEL = /^(Open definition|Which definition matches)/;
const VALUES_LABEL = 'Open the app’s values';

/**
 * For a resource that failed: the definition that matched it (when one did)
 * and "Which definition matches?" for the same resource, which shows every
 * candidate and why each lost.
 */
function resourceLinks(
  issue: HealthIssue,
  { orgId, appId, envId }: Pick<Context, 'orgId' | 'appId' | 'envId'>,
): IssueLink[] {
  if (issue.scope !== 'resource' || !issue.resource_id) return [];
  const links: IssueLink[] = [];
  if (issue.definition_id)
    links.push({
      to: paths.resourceDef(orgId, issue.definition_id),
      label: `Open definition ${issue.definition_id}`,
    });
  if (issue.resource_type)
    links.push({
      to: paths.resourceMatch(orgId, {
        app: appId,
        env: envId,
        type: issue.resource_type,
        class: issue.resource_class,
        res: issue.resource_id,
      }),
      label: 'Which definition matches?',
    });
  return links;
}
