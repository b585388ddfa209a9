/**
 * What the engine knows of a call when it records it, beyond its method and
 * path (the console-extension fields of an AuditRecord): the environments a
 * call deploys to when its path is not under them (an approval, a run a
 * deployment request started), the name of an object its path names by id
 * (an artefact version), and what a call did where its method does not say it
 * (archived or restored, cut off or connected). Read from the state as the
 * call left it; never from the call's body.
 */
import type { AuditAction, AuditRecord } from '../core/model/audit';
import { deployingEnvIds } from '../core/model/pipelines';
import { existingPipelines } from '../core/pipelines-store';
import type { StateV1 } from '../core/state';

/** The extension fields of a record. */
export type AuditContext = Pick<
  AuditRecord,
  'object_path' | 'object_name' | 'action' | 'env_paths'
>;

const own = <T>(map: Record<string, T> | undefined, key: string) =>
  map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;

/** The decoded segments of a path (`undefined` when one is not valid percent-encoding). */
function segmentsOf(path: string): string[] | undefined {
  try {
    return path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

const envPath = (orgId: string, appId: string, envId: string) =>
  `/orgs/${encodeURIComponent(orgId)}/apps/${encodeURIComponent(appId)}/envs/${encodeURIComponent(envId)}`;

function pipelinesOfApp(state: StateV1, orgId: string, appId: string) {
  return own(existingPipelines(state)?.apps, `${orgId}/${appId}`);
}

/** A run's path: `/orgs/o/apps/a/pipelines/p/runs/r` and below. */
function runContext(state: StateV1, parts: string[]): AuditContext {
  const [, orgId, , appId, , pipelineId, , runId] = parts;
  const run = own(pipelinesOfApp(state, orgId, appId)?.runs, runId);
  if (run === undefined || run.pipelineId !== pipelineId) return {};
  const envIds = deployingEnvIds(run);
  return envIds.length > 0
    ? { env_paths: envIds.map((envId) => envPath(orgId, appId, envId)) }
    : {};
}

/** The context of a call on an organisation's object (`parts` start with `orgs`, `<org>`). */
function orgCallContext(
  state: StateV1,
  parts: string[],
  call: { method: string; status: number },
): AuditContext {
  const ok = call.status < 400;
  const [, orgId, kind, id, sub, subId, third, , fourth, , fifth, , sixth] =
    parts;
  const org = own(state.orgs, orgId);
  if (org === undefined) return {};
  const apps = kind === 'apps' && id !== undefined;
  // …/pipelines/p/runs/r/jobs/j/approvals/x/(approve|deny): the environment the approval is for.
  if (
    apps &&
    sub === 'pipelines' &&
    third === 'runs' &&
    fourth === 'jobs' &&
    fifth === 'approvals' &&
    (sixth === 'approve' || sixth === 'deny')
  ) {
    const approval = own(
      pipelinesOfApp(state, orgId, id)?.approvals,
      parts[11],
    );
    if (approval === undefined || approval.runId !== parts[7]) return {};
    return { env_paths: [envPath(orgId, id, approval.envId)] };
  }
  if (
    apps &&
    sub === 'envs' &&
    third === 'console' &&
    parts[7] === 'gitops' &&
    parts[8] === 'secret-fault' &&
    ok
  ) {
    const live = own(own(org.apps, id)?.operator, String(subId));
    if (live === undefined) return {};
    return {
      action:
        live.secret_fault_ms !== undefined
          ? 'secrets_broken'
          : 'secrets_restored',
    };
  }
  if (kind === 'artefacts' && id !== undefined) {
    const artefacts = org.artefacts;
    if (sub === 'versions' && subId !== undefined) {
      const version = own(artefacts?.versions, subId);
      if (version === undefined || version.artefact_id !== id) return {};
      const out: AuditContext = {
        object_name: version.version
          ? `${version.name}:${version.version}`
          : version.digest
            ? `${version.name}@${version.digest}`
            : version.name,
      };
      if (ok && call.method.toUpperCase() === 'PATCH' && third === undefined) {
        const action: AuditAction = version.archived ? 'archived' : 'restored';
        out.action = action;
      }
      return out;
    }
    const artefact = own(artefacts?.artefacts, id);
    return artefact ? { object_name: artefact.name } : {};
  }
  if (
    kind === 'console' &&
    id === 'agents' &&
    subId === 'connectivity' &&
    sub !== undefined &&
    ok
  ) {
    const agent = own(org.agents?.agents, sub);
    if (agent === undefined) return {};
    return {
      action:
        agent.connection.cut_off_at !== undefined ? 'cut_off' : 'connected',
    };
  }
  return {};
}

/**
 * The extension fields of the record of a call (see the file comment), from
 * the state after the call: `objectPath` names the object the call made when
 * its path does not (the run a deployment request started). Actions are
 * recorded only for calls that succeeded: a refused call changed nothing.
 */
export function auditContext(
  state: StateV1,
  call: { method: string; path: string; status: number; objectPath?: string },
): AuditContext {
  const parts = segmentsOf(call.path);
  const out: AuditContext =
    parts !== undefined && parts[0] === 'orgs' && parts.length >= 2
      ? orgCallContext(state, parts, call)
      : {};
  const made =
    call.objectPath !== undefined ? segmentsOf(call.objectPath) : undefined;
  if (
    made !== undefined &&
    made.length === 8 &&
    made[0] === 'orgs' &&
    made[2] === 'apps' &&
    made[4] === 'pipelines' &&
    made[6] === 'runs'
  ) {
    out.object_path = call.objectPath;
    Object.assign(out, runContext(state, made));
  }
  return out;
}
