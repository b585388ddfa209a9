import type { NavigationIndex } from '@/api/navigation';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import { deploymentStatus, type StatusView } from '@/lib/status';
import { environmentHealth } from './environment-health';

/** What a palette row stands for; its group follows from it. */
export type ItemKind =
  'app' | 'env' | 'workload' | 'deployment' | 'profile' | 'page' | 'action';

/** The actions of the palette (see palette-actions.ts). */
export type ActionId =
  | 'deploy'
  | 'compare'
  | 'clone'
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

/** The console's sections and settings pages. */
export function pageItems(orgId: string): SearchItem[] {
  const page = (
    key: string,
    label: string,
    to: string,
    words = '',
  ): SearchItem => ({
    key: `page:${key}`,
    kind: 'page',
    label,
    text: haystack(label, words),
    to,
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
      'settings',
      'Organisation settings',
      paths.settings(orgId),
      'settings organization api connection demo data',
    ),
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

/** Apps and environments of the index. */
export function appAndEnvItems(index: NavigationIndex): SearchItem[] {
  const items: SearchItem[] = [];
  for (const app of index.apps) {
    items.push({
      key: `app:${app.id}`,
      kind: 'app',
      label: app.name,
      text: both(app.name, app.id),
      appId: app.id,
    });
  }
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

/** Everything the palette searches at its first step. */
export function buildSearchItems(
  orgId: string,
  index: NavigationIndex,
): SearchItem[] {
  return [
    ...appAndEnvItems(index),
    ...workloadItems(index),
    ...deploymentItems(index),
    ...profileItems(index),
    ...pageItems(orgId),
    ...actionItems(),
  ];
}
