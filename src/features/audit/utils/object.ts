import type { AuditLogEntry } from '@/api/audit';
import { paths } from '@/config/paths';

/** What an audit entry's path is about, in the console's words, and where the console shows it. */
export interface AuditObject {
  /** e.g. "environment shop / production", "workload profile acme/web-service". */
  label: string;
  /** The console page of the object, when it has one. */
  to?: string;
}

const VERBS: Record<string, string> = {
  POST: 'Created',
  PUT: 'Replaced',
  PATCH: 'Changed',
  DELETE: 'Deleted',
};

/** What a POST to a path ending in this segment did, where it is not "created". */
const ACTIONS: Record<string, string> = {
  deploys: 'Deployed',
  rebase: 'Rebased',
  restore: 'Restored',
  purge: 'Purged',
  promote: 'Promoted',
  archive: 'Archived',
  check: 'Checked',
  pin: 'Pinned',
  approve: 'Approved',
  deny: 'Denied',
  cancel: 'Cancelled',
  reset: 'Reset',
  match: 'Matched',
  graph: 'Computed',
  'convert-score': 'Converted',
  // The GitOps demo actions (…/console/gitops/…): what they simulate.
  resync: 'Resynced',
  drift: 'Simulated drift in',
  'secret-fault': 'Simulated a secret fault in',
};

/** What a PUT to a path ending in this segment did, where it is not "replaced". */
const PUT_ACTIONS: Record<string, string> = {
  connectivity: 'Changed the connectivity of',
};

/** What a call did, when the engine recorded it (the entry's `action`). */
const RECORDED_ACTIONS: Record<NonNullable<AuditLogEntry['action']>, string> = {
  archived: 'Archived',
  restored: 'Restored',
  cut_off: 'Cut off',
  connected: 'Connected',
  secrets_broken: 'Broke the in-cluster secrets (demo) of',
  secrets_restored: 'Restored the in-cluster secrets (demo) of',
};

/**
 * The verb of a call: by method ("Changed" for PATCH), and for a POST by what its path names
 * ("Deployed" for …/deploys, "Restored" for …/restore, "Created" for a collection).
 */
export function verbOf(
  method: string,
  path = '',
  action?: AuditLogEntry['action'],
): string {
  if (action && Object.hasOwn(RECORDED_ACTIONS, action))
    return RECORDED_ACTIONS[action];
  const upper = method.toUpperCase();
  if (upper === 'PUT') {
    const last = path.split('?')[0].split('/').pop() ?? '';
    if (Object.hasOwn(PUT_ACTIONS, last)) return PUT_ACTIONS[last];
  }
  if (upper === 'POST') {
    const segments = path.split('?')[0].split('/');
    // A key restored or purged names the action one segment before it (…/restore/KEY).
    for (const segment of segments.slice(-2).reverse()) {
      const verb = Object.hasOwn(ACTIONS, segment) ? ACTIONS[segment] : '';
      if (verb) return verb;
    }
  }
  return VERBS[upper] ?? method;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The object an API path names (`/orgs/acme/apps/shop/envs/production/deploys` → the deployments of
 * shop / production, linked to the environment) as a label and a link; unknown paths keep the path as the label.
 */
export function describeAuditPath(path: string): AuditObject {
  const parts = path.split('/').slice(1).map(decode);
  if (parts[0] === 'console' && parts[1] === 'demo')
    return { label: 'the demo data' };
  if (parts[0] === 'users' && parts[2] === 'tokens')
    return { label: `API tokens of ${parts[1]}` };
  if (parts[0] !== 'orgs' || parts.length < 2) return { label: path };
  const org = parts[1];
  const [kind, id, ...rest] = parts.slice(2);
  const settings = (section: string) =>
    `${paths.settings(org)}#${section}-heading`;
  switch (kind) {
    case undefined:
      return { label: `organisation ${org}` };
    case 'apps': {
      if (id === undefined)
        return { label: `apps of ${org}`, to: paths.apps(org) };
      const [sub, subId, third, thirdId] = rest;
      if (sub === 'envs' && subId !== undefined) {
        const env = `${id} / ${subId}`;
        if (third === 'deploys' && thirdId !== undefined)
          return {
            label: `deployment ${thirdId} of ${env}`,
            to: paths.deployment(org, id, subId, thirdId),
          };
        if (third === 'deploys')
          return {
            label: `deployments of ${env}`,
            to: paths.env(org, id, subId),
          };
        if (third === 'values')
          return { label: `values of ${env}`, to: paths.env(org, id, subId) };
        if (third === 'runtime' && thirdId !== undefined)
          return {
            label: `workload ${thirdId} in ${env}`,
            to: paths.workload(org, id, subId, thirdId),
          };
        return { label: `environment ${env}`, to: paths.env(org, id, subId) };
      }
      if (sub === 'pipelines' && subId !== undefined) {
        if (third === 'runs' && thirdId !== undefined)
          return {
            label: `run ${thirdId} of pipeline ${id} / ${subId}`,
            to: paths.pipelineRun(org, id, subId, thirdId),
          };
        return {
          label: `pipeline ${id} / ${subId}`,
          to: paths.pipeline(org, id, subId),
        };
      }
      if (sub === 'pipelines')
        return { label: `pipelines of ${id}`, to: paths.pipelines(org, id) };
      if (sub === 'users')
        return {
          label: subId
            ? `role of ${subId} on app ${id}`
            : `members of app ${id}`,
          to: paths.app(org, id),
        };
      const what: Record<string, string> = {
        deltas: 'changes (deltas)',
        sets: 'deployment sets',
        values: 'values',
        'value-set-versions': 'value versions',
      };
      return {
        label: sub && what[sub] ? `${what[sub]} of app ${id}` : `app ${id}`,
        to: paths.app(org, id),
      };
    }
    case 'workload-profiles':
      return id === undefined
        ? { label: 'workload profiles', to: paths.profiles(org) }
        : { label: `workload profile ${id}`, to: paths.profile(org, id) };
    case 'users':
      return {
        label: id ? `member ${id}` : 'members',
        to: settings('members'),
      };
    case 'env-types':
      return {
        label: id ? `environment type ${id}` : 'environment types',
        to: settings('deployers'),
      };
    case 'console':
      if (id === 'tokens' || id === 'users')
        return { label: 'API tokens', to: settings('tokens') };
      if (id === 'fleet')
        return { label: 'profile rollouts', to: paths.fleet(org) };
      if (id === 'agents' && rest[0] !== undefined)
        return { label: `agent ${rest[0]}`, to: paths.agents(org) };
      return { label: path };
    case 'artefact-versions':
    case 'artefacts':
      if (id !== undefined && rest[0] === 'versions' && rest[1] !== undefined)
        return {
          label: `version ${rest[1]} of artefact ${id}`,
          to: paths.artefacts(org),
        };
      return {
        label: id ? `artefact ${id}` : 'artefact versions',
        to: paths.artefacts(org),
      };
    case 'registries':
      return { label: id ? `registry ${id}` : 'registries' };
    case 'agents':
      if (id === undefined) return { label: 'agents', to: paths.agents(org) };
      return {
        label: rest[0] === 'keys' ? `keys of agent ${id}` : `agent ${id}`,
        to: paths.agents(org),
      };
    case 'resources':
      if (id === 'defs' && rest[0] !== undefined)
        return {
          label: `resource definition ${rest[0]}`,
          to: paths.resourceDef(org, rest[0]),
        };
      if (id === 'defs')
        return { label: 'resource definitions', to: paths.resourceDefs(org) };
      return { label: path };
    case 'secretstores':
      return { label: id ? `secret store ${id}` : 'secret stores' };
    default:
      return { label: path };
  }
}

/** An entry in the console's words: what was done, to what, and the environments it deploys to. */
export interface AuditEntryDescription {
  verb: string;
  object: AuditObject;
  /** The environments the call deploys to (an approval, a deployment request through a pipeline), with how to say it. */
  envs?: { lead: string; list: AuditObject[] };
}

/**
 * Describes an entry: its verb (the engine's recorded action first), its object (the object it made, e.g. the run
 * a deployment request started, else its path's, named as the engine recorded it where the path has only an id)
 * and the environments it deploys to.
 */
export function describeAuditEntry(
  entry: AuditLogEntry,
): AuditEntryDescription {
  const verb = verbOf(entry.request_method, entry.request_path, entry.action);
  const object = describeAuditPath(entry.object_path ?? entry.request_path);
  if (entry.object_name && !entry.object_path) {
    const parts = entry.request_path.split('/');
    const kind = parts[3];
    if (kind === 'artefacts' && parts[5] === 'versions')
      object.label = `artefact version ${entry.object_name}`;
    else if (kind === 'artefacts')
      object.label = `artefact ${entry.object_name}`;
  }
  const envPaths = (entry.env_paths ?? []).filter(
    (path) => !underPath(entry.request_path, path),
  );
  if (envPaths.length === 0) return { verb, object };
  const list = envPaths.map((path) => {
    const env = describeAuditPath(path);
    return { ...env, label: env.label.replace(/^environment /, '') };
  });
  const lead = entry.request_path.includes('/approvals/')
    ? 'deployment to'
    : 'deploys to';
  return { verb, object, envs: { lead, list } };
}

/** Whether `path` is `prefix` or lies below it (segment by segment). */
function underPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
