import type { NeedsAttentionItem } from '@/api/health';
import type { NavigationIndex } from '@/api/navigation';
import type { Pipeline, PipelineRun } from '@/api/pipelines';
import type { IconName } from '@/components/layout/icons';
import { config } from '@/config/env';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import { deploymentStatus, type StatusView } from '@/lib/status';
import { environmentHealth } from './environment-health';

/** What a palette row stands for; its group follows from it. */
export type ItemKind =
  | 'app'
  | 'env'
  | 'workload'
  | 'deployment'
  | 'profile'
  | 'pipeline'
  | 'run'
  | 'approval'
  | 'page'
  | 'action';

/** The actions of the palette (see palette-actions.ts). */
export type ActionId =
  | 'deploy'
  | 'compare'
  | 'clone'
  | 'score'
  | 'run-local'
  | 'shell'
  | 'logs'
  | 'create-env'
  | 'shortcuts'
  | 'toggle-pin'
  | 'theme-light'
  | 'theme-dark'
  | 'theme-system';

/**
 * One searchable row. `text` is the lower-case haystack the fuzzy match runs
 * on. Rows are built for every app, environment, workload and deployment of
 * a large organisation, so they keep references to the index's strings and
 * compute their link and detail text only when shown ({@link itemHref},
 * {@link itemDetail}).
 */
export interface SearchItem {
  key: string;
  kind: ItemKind;
  label: string;
  text: string;
  /** Length of the start of `text` that names the item itself (the rest is context); all of it when absent. */
  primary?: number;
  /** A fixed link (pages, stored entries); others are built by {@link itemHref}. */
  to?: string;
  /** A fixed detail line (stored entries); others are built by {@link itemDetail}. */
  detail?: string;
  action?: ActionId;
  status?: StatusView;
  appId?: string;
  appName?: string;
  envId?: string;
  envName?: string;
  /** The deployment, workload or profile id. */
  id?: string;
  /** Found by typing, but not listed when the query is empty (the sections of a page). */
  searchOnly?: boolean;
  /** A page's own icon (the sidebar's), where its kind's would say less. */
  icon?: IconName;
}

/** Where an item leads, or undefined for actions. */
export function itemHref(orgId: string, item: SearchItem): string | undefined {
  if (item.to) return item.to;
  const { appId, envId, id } = item;
  switch (item.kind) {
    case 'app':
      return appId ? paths.app(orgId, appId) : undefined;
    case 'env':
      return appId && envId ? paths.env(orgId, appId, envId) : undefined;
    case 'workload':
      return appId && envId && id
        ? paths.workload(orgId, appId, envId, id)
        : undefined;
    case 'deployment':
      return appId && envId && id
        ? paths.deployment(orgId, appId, envId, id)
        : undefined;
    case 'profile':
      return item.id ? paths.profile(orgId, item.id) : paths.profiles(orgId);
    default:
      return undefined;
  }
}

/** The secondary line of an item (where it lives). */
export function itemDetail(item: SearchItem): string | undefined {
  if (item.detail !== undefined) return item.detail;
  switch (item.kind) {
    case 'app':
      return item.appId !== item.label.toLowerCase() ? item.appId : undefined;
    case 'env':
      return item.appName;
    case 'workload':
      return `${item.appName} · ${item.envName}`;
    case 'deployment':
      return `${shortId(item.id ?? '')} · ${item.appId} · ${item.envId}`;
    default:
      return undefined;
  }
}

const haystack = (...parts: string[]) =>
  parts.filter(Boolean).join(' ').toLowerCase();

/** Each page's icon, in the sidebar and the palette (the settings and their sections: the gear). */
export const PAGE_ICONS = {
  apps: 'apps',
  profiles: 'profiles',
  pipelines: 'pipelines',
  artefacts: 'artefacts',
  'resource-definitions': 'resources',
  'resource-match': 'resources',
  agents: 'agents',
  fleet: 'fleet',
  metrics: 'metrics',
  'audit-log': 'audit',
  settings: 'settings',
} satisfies Record<string, IconName>;

/** The sections of the sidebar and the sections of the settings page. */
export function pageItems(
  orgId: string,
  embedded = config.useEmbeddedEngine,
): SearchItem[] {
  const page = (
    key: string,
    label: string,
    to: string,
    words = '',
    detail?: string,
  ): SearchItem => ({
    key: `page:${key}`,
    kind: 'page',
    label,
    text: haystack(label, words, detail ?? ''),
    to,
    detail,
    icon:
      (PAGE_ICONS as Record<string, IconName>)[key.split('/')[0]] ?? 'settings',
  });
  const settings = paths.settings(orgId);
  const section = (id: string, label: string, words = ''): SearchItem => ({
    ...page(
      `settings/${id}`,
      label,
      `${settings}#${id}-heading`,
      words,
      'Organisation settings',
    ),
    searchOnly: true,
  });
  return [
    page('apps', 'Applications', paths.apps(orgId), 'apps home'),
    page(
      'profiles',
      'Workload profiles',
      paths.profiles(orgId),
      'profiles schemas',
    ),
    page(
      'pipelines',
      'Pipelines',
      paths.orgPipelines(orgId),
      'pipelines runs ci cd canary releases promote',
    ),
    page(
      'artefacts',
      'Artefacts',
      paths.artefacts(orgId),
      'artefacts images container versions registry tags commits deploy',
    ),
    page(
      'resource-definitions',
      'Resource definitions',
      paths.resourceDefs(orgId),
      'resource definitions drivers criteria matching postgres redis dns provision',
    ),
    {
      // Found by typing (the definitions page links it); browsing lists the pages only.
      ...page(
        'resource-match',
        'Which definition matches?',
        paths.resourceMatch(orgId),
        'which resource definition matches explain match criteria winner',
      ),
      searchOnly: true,
    },
    {
      // Found by typing (an operator or GitOps environment links it).
      ...page(
        'gitops-setup',
        'Operator and GitOps setup',
        paths.gitopsSetup(orgId),
        'operator gitops argo cd flux helm install repository git kubernetes cluster sync resync drift reconcile',
      ),
      searchOnly: true,
    },
    page(
      'agents',
      'Agents',
      paths.agents(orgId),
      'agents humanitec agent private cluster keys rotate register heartbeat connected',
    ),
    page(
      'fleet',
      'Fleet',
      paths.fleet(orgId),
      'fleet organisations drift baseline rollouts',
    ),
    page(
      'metrics',
      'Team performance',
      paths.metrics(orgId),
      'team performance dora metrics lead time deployment frequency',
    ),
    page(
      'audit-log',
      'Audit log',
      paths.auditLog(orgId),
      'audit log history who changed calls events administrators',
    ),
    page(
      'settings',
      'Organisation settings',
      settings,
      'settings organization api connection demo data',
    ),
    section('api', 'API connection', 'api base url'),
    section('access', 'Signed in', 'user who act as'),
    section(
      'members',
      'Members and service users',
      'members users roles people',
    ),
    section('app-roles', 'App roles', 'roles permissions access'),
    section(
      'deployers',
      'Deployers by environment type',
      'deployers roles environment types',
    ),
    section('tokens', 'API tokens', 'tokens keys service users'),
    section(
      'secret-stores',
      'Secret stores',
      'secret stores vault aws gcp azure key vault primary credentials',
    ),
    {
      ...page(
        'settings/env-types',
        'Environment types',
        paths.envTypes(orgId),
        'environment types env types deployers development staging production',
        'Organisation settings',
      ),
      searchOnly: true,
    },
    ...(embedded
      ? [
          section('demo', 'Embedded engine', 'demo data reset'),
          section(
            'faults',
            'Fault injection',
            'faults failures errors latency',
          ),
        ]
      : []),
  ];
}

/** The palette's actions; the `…` ones continue with a choice in the palette. */
export function actionItems(): SearchItem[] {
  const action = (action: ActionId, label: string, words = ''): SearchItem => ({
    key: `action:${action}`,
    kind: 'action',
    label,
    text: haystack(label, words),
    action,
  });
  return [
    action('deploy', 'Deploy…', 'deploy workload change image release'),
    action('compare', 'Compare deployments…', 'compare diff deployments'),
    action('clone', 'Clone to…', 'clone promote copy environment'),
    action('score', 'Deploy a Score file…', 'score yaml workload deploy file'),
    action(
      'logs',
      'Logs and events of…',
      'logs events stream kubernetes debug environment',
    ),
    action(
      'run-local',
      'Run locally…',
      'run local laptop compose docker debug workload',
    ),
    action(
      'shell',
      'Open shell in…',
      'shell terminal exec container debug busybox kubectl workload',
    ),
    action('create-env', 'Create environment', 'create new environment add'),
    action(
      'toggle-pin',
      'Pin or unpin this page',
      'pin favourite favorite star',
    ),
    action('shortcuts', 'Keyboard shortcuts', 'help keys shortcuts ?'),
    action('theme-light', 'Use the light theme', 'theme light appearance'),
    action('theme-dark', 'Use the dark theme', 'theme dark appearance'),
    action(
      'theme-system',
      'Use the system theme',
      'theme system auto appearance',
    ),
  ];
}

/** A name and its id as lower-case text, the id left out when it only repeats the name. */
function both(name: string, id: string) {
  const lower = name.toLowerCase();
  return lower === id ? id : `${lower} ${id}`;
}

/** Apps of the index (and each one's values page). */
export function appItems(index: NavigationIndex): SearchItem[] {
  const items: SearchItem[] = [];
  for (const app of index.apps) {
    items.push({
      key: `app:${app.id}`,
      kind: 'app',
      label: app.name,
      text: both(app.name, app.id),
      appId: app.id,
    });
    items.push({
      key: `page:values/${app.id}`,
      kind: 'page',
      label: `Values of ${app.name}`,
      text: `values secrets config env ${both(app.name, app.id)}`,
      to: paths.values(index.org_id, app.id),
      detail: 'Shared values and secrets',
      searchOnly: true,
    });
  }
  return items;
}

/** Environments of the index's apps. */
export function envItems(index: NavigationIndex): SearchItem[] {
  const items: SearchItem[] = [];
  for (const app of index.apps) {
    const appText = both(app.name, app.id);
    for (const env of app.envs) {
      const own = both(env.name, env.id);
      items.push({
        key: `env:${app.id}/${env.id}`,
        kind: 'env',
        label: env.name,
        text: `${own} ${appText}`,
        primary: own.length,
        status: environmentHealth(env),
        appId: app.id,
        appName: app.name,
        envId: env.id,
        envName: env.name,
      });
    }
  }
  return items;
}

/** Workloads of every environment's last deployment. */
export function workloadItems(index: NavigationIndex): SearchItem[] {
  const items: SearchItem[] = [];
  for (const app of index.apps) {
    for (const env of app.envs) {
      for (const workload of env.workloads) {
        items.push({
          key: `workload:${app.id}/${env.id}/${workload}`,
          kind: 'workload',
          label: workload,
          text: `${workload} ${app.id} ${env.id}`,
          primary: workload.length,
          appId: app.id,
          appName: app.name,
          envId: env.id,
          envName: env.name,
          id: workload,
        });
      }
    }
  }
  return items;
}

/** The recent deployments of the index (id and comment searchable). */
export function deploymentItems(index: NavigationIndex): SearchItem[] {
  return index.deployments.map((d) => ({
    key: `deployment:${d.app_id}/${d.env_id}/${d.id}`,
    kind: 'deployment' as const,
    label: d.comment || `Deployment ${shortId(d.id)}`,
    text: `${d.comment.toLowerCase()} ${d.id} ${d.app_id} ${d.env_id}`,
    primary: d.comment.length + 1 + d.id.length,
    status: deploymentStatus(d.status),
    appId: d.app_id,
    envId: d.env_id,
    id: d.id,
  }));
}

/** Workload profiles in use. */
export function profileItems(index: NavigationIndex): SearchItem[] {
  return index.profiles.map((id) => ({
    key: `profile:${id}`,
    kind: 'profile' as const,
    label: id,
    text: id.toLowerCase(),
    id,
  }));
}

const RUN_STATUS: Record<string, string> = {
  waiting: 'Waiting',
  executing: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The most runs the palette lists (the newest). */
export const PALETTE_RUNS = 50;

/** Pipelines of every app, and their newest runs. */
export function pipelineItems(
  orgId: string,
  pipelines: readonly Pipeline[],
  runs: readonly PipelineRun[],
): SearchItem[] {
  const names = new Map(pipelines.map((p) => [`${p.app_id}/${p.id}`, p.name]));
  const items: SearchItem[] = pipelines.map((p) => {
    const own = both(p.name, p.id);
    return {
      key: `pipeline:${p.app_id}/${p.id}`,
      kind: 'pipeline',
      label: p.name,
      text: `${own} ${p.app_id}`,
      primary: own.length,
      to: paths.pipeline(orgId, p.app_id, p.id),
      detail: `${p.id} · ${p.app_id}`,
      appId: p.app_id,
      id: p.id,
    };
  });
  const newest = [...runs]
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .slice(0, PALETTE_RUNS);
  for (const run of newest) {
    const name =
      names.get(`${run.app_id}/${run.pipeline_id}`) ?? run.pipeline_id;
    const status = RUN_STATUS[run.status] ?? run.status;
    items.push({
      key: `run:${run.app_id}/${run.pipeline_id}/${run.id}`,
      kind: 'run',
      label: `Run ${shortId(run.id)} of ${name}`,
      text: haystack(
        run.id,
        'run',
        name,
        run.pipeline_id,
        run.app_id,
        ...run.env_ids,
        status,
      ),
      primary: run.id.length,
      to: paths.pipelineRun(orgId, run.app_id, run.pipeline_id, run.id),
      detail: [status, run.app_id, ...run.env_ids].join(' · '),
      appId: run.app_id,
      id: run.id,
    });
  }
  return items;
}

/** How a waiting approval shows in the palette (as on the landing and the environment's banner). */
export const APPROVAL_STATUS: StatusView = {
  tone: 'progress',
  label: 'Approval needed',
};

/**
 * The pipeline runs waiting for the reader's approval, from the
 * organisation's needs-attention rows (the engine lists only those the
 * reader may decide): found by "approval", the pipeline, app or
 * environment; each opens its run, where Approve and Deny are.
 */
export function approvalItems(
  orgId: string,
  rows: readonly NeedsAttentionItem[],
): SearchItem[] {
  const items: SearchItem[] = [];
  for (const row of rows) {
    if (!('approval' in row)) continue;
    const { approval } = row;
    // Short, where it deploys first: a phone's palette row has room for little more.
    const label = `Deploy to ${row.app_id} / ${row.env_id}`;
    items.push({
      key: `approval:${row.app_id}/${approval.id}`,
      kind: 'approval',
      label,
      text: haystack(
        label,
        'approval approve waiting',
        row.app_name,
        row.env_name,
        approval.pipeline_name,
        approval.pipeline_id,
        approval.run_id,
      ),
      to: paths.pipelineRun(
        orgId,
        row.app_id,
        approval.pipeline_id,
        approval.run_id,
      ),
      detail: `Run ${shortId(approval.run_id)} of ${approval.pipeline_name}`,
      status: APPROVAL_STATUS,
      appId: row.app_id,
      appName: row.app_name,
      envId: row.env_id,
      envName: row.env_name,
      id: approval.id,
    });
  }
  return items;
}

/** Everything the palette searches at its first step. */
export function buildSearchItems(
  orgId: string,
  index: NavigationIndex,
): SearchItem[] {
  return [
    ...appItems(index),
    ...envItems(index),
    ...workloadItems(index),
    ...deploymentItems(index),
    ...profileItems(index),
    ...pageItems(orgId),
    ...actionItems(),
  ];
}
