import { useLocation, useParams } from 'react-router';
import { Breadcrumbs, type Crumb } from '@/components/layout/breadcrumbs';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import { useNavIndex, useOrgs } from '../queries';
import { DeploymentSwitcher, WorkloadSwitcher } from './deploy-switchers';
import { AppSwitcher, EnvSwitcher } from './switchers';

/**
 * The trail Apps › App › Environment › Deployment | Workload; each step after Apps switches to a sibling. The
 * organisation's own pages (Fleet, Agents, settings, profiles…) are not under Apps: their trail starts with the
 * organisation's name (which leads to its landing, the apps).
 */
export function BreadcrumbSwitchers() {
  const {
    orgId,
    appId,
    envId,
    deployId,
    workloadId,
    profileId,
    defId,
    pipelineId,
    runId,
  } = useParams();
  const { pathname } = useLocation();
  const index = useNavIndex(orgId);
  const orgs = useOrgs();
  if (!orgId) return null;
  const app = index.data?.apps.find((a) => a.id === appId);
  const where = { orgId, appId: appId ?? '', envId, deployId, workloadId };
  const underApps = appId !== undefined || pathname === paths.apps(orgId);
  const crumbs: Crumb[] = [
    underApps
      ? { key: 'apps', label: 'Apps', to: paths.apps(orgId) }
      : {
          key: 'org',
          label: orgs.data?.find((o) => o.id === orgId)?.name ?? orgId,
          to: paths.apps(orgId),
        },
  ];
  /** The crumb of the current page when `pages` (path → label) names it. */
  const pageCrumb = (key: string, pages: Record<string, string>): Crumb[] =>
    Object.hasOwn(pages, pathname)
      ? [{ key, label: pages[pathname], to: pathname }]
      : [];
  // The organisation's own pages (environment types under the settings).
  const settings: Crumb = {
    key: 'settings',
    label: 'Organisation settings',
    to: paths.settings(orgId),
  };
  const resourceDefs: Crumb = {
    key: 'resource-defs',
    label: 'Resource definitions',
    to: paths.resourceDefs(orgId),
  };
  const orgPages: Record<string, Crumb[]> = {
    [paths.settings(orgId)]: [settings],
    [paths.envTypes(orgId)]: [
      settings,
      { key: 'env-types', label: 'Environment types', to: pathname },
    ],
    [paths.fleet(orgId)]: [{ key: 'fleet', label: 'Fleet', to: pathname }],
    [paths.artefacts(orgId)]: [
      { key: 'artefacts', label: 'Artefacts', to: pathname },
    ],
    [paths.metrics(orgId)]: [
      { key: 'metrics', label: 'Team performance', to: pathname },
    ],
    [paths.auditLog(orgId)]: [
      { key: 'audit-log', label: 'Audit log', to: pathname },
    ],
    [paths.orgPipelines(orgId)]: [
      { key: 'pipelines', label: 'Pipelines', to: pathname },
    ],
    [paths.agents(orgId)]: [{ key: 'agents', label: 'Agents', to: pathname }],
    [paths.gitopsSetup(orgId)]: [
      { key: 'gitops-setup', label: 'Operator and GitOps setup', to: pathname },
    ],
    [paths.resourceDefs(orgId)]: [resourceDefs],
    [paths.resourceMatch(orgId)]: [
      resourceDefs,
      {
        key: 'resource-match',
        label: 'Which definition matches?',
        to: pathname,
      },
    ],
  };
  crumbs.push(...(orgPages[pathname] ?? []));
  if (defId)
    crumbs.push(resourceDefs, {
      key: 'resource-def',
      label: defId === 'new' ? 'New definition' : defId,
      to: pathname,
    });
  if (pathname === paths.profiles(orgId) || profileId) {
    crumbs.push({
      key: 'profiles',
      label: 'Workload profiles',
      to: paths.profiles(orgId),
    });
  }
  if (profileId)
    crumbs.push({
      key: 'profile',
      label: profileId === 'new' ? 'New profile' : profileId,
      to: pathname,
    });
  if (appId) {
    crumbs.push({
      key: 'app',
      label: app?.name ?? appId,
      to: paths.app(orgId, appId),
      switcher: <AppSwitcher {...where} />,
    });
  }
  if (appId && !envId)
    crumbs.push(
      ...pageCrumb('app-page', {
        [paths.diff(orgId, appId)]: 'Compare deployments',
        [paths.values(orgId, appId)]: 'Values',
        [paths.clone(orgId, appId, {})]: 'Clone',
      }),
    );
  if (appId && (pipelineId || pathname === paths.pipelines(orgId, appId))) {
    crumbs.push({
      key: 'pipelines',
      label: 'Pipelines',
      to: paths.pipelines(orgId, appId),
    });
    if (pipelineId)
      crumbs.push({
        key: 'pipeline',
        label: pipelineId === 'new' ? 'New pipeline' : pipelineId,
        to: paths.pipeline(orgId, appId, pipelineId),
      });
    if (pipelineId && runId)
      crumbs.push({ key: 'run', label: `Run ${shortId(runId)}`, to: pathname });
  }
  if (appId && envId) {
    const env = app?.envs.find((e) => e.id === envId);
    crumbs.push({
      key: 'env',
      label: env?.name ?? envId,
      to: paths.env(orgId, appId, envId),
      switcher: <EnvSwitcher {...where} />,
    });
  }
  // The environment's own pages (the deployment and workload pages add their own steps below).
  if (appId && envId && !deployId && !workloadId)
    crumbs.push(
      ...pageCrumb('env-page', {
        [paths.envStream(orgId, appId, envId)]: 'Logs and events',
        [paths.canary(orgId, appId, envId)]: 'Canary release',
        [paths.addWorkload(orgId, appId, envId)]: 'Add workload',
        [paths.score(orgId, appId, envId)]: 'Deploy a Score file',
      }),
    );
  if (appId && envId && deployId) {
    crumbs.push({
      key: 'deploy',
      label: `Deployment ${shortId(deployId)}`,
      to: paths.deployment(orgId, appId, envId, deployId),
      switcher: <DeploymentSwitcher {...where} />,
    });
  }
  if (appId && envId && workloadId) {
    crumbs.push({
      key: 'workload',
      label: workloadId,
      to: paths.workload(orgId, appId, envId, workloadId),
      switcher: <WorkloadSwitcher {...where} />,
    });
    crumbs.push(
      ...pageCrumb('workload-page', {
        [paths.workloadEdit(orgId, appId, envId, workloadId)]: 'Edit',
        [paths.changeProfile(orgId, appId, envId, workloadId)]:
          'Change profile',
        [paths.runLocally(orgId, appId, envId, workloadId)]: 'Run locally',
      }),
    );
  }
  return <Breadcrumbs crumbs={crumbs} />;
}
