/**
 * Opening, using and closing shell sessions over a session store (the
 * methods keep it in memory: a session lasts as long as the engine runs, as
 * an exec stream lasts as long as its connection). No authorization here.
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireEnv } from '../core/lookup';
import type { Pod } from '../core/model/spec';
import { invalid, show } from '../core/validate';
import { getRuntime } from '../runtime';
import {
  DEBUG_CONTAINER,
  MAX_COMMAND_LENGTH,
  commandNames,
  runLine,
} from './commands';
import type {
  OpenShellInput,
  SessionRecord,
  ShellCommandResult,
  ShellSession,
} from './model';
import { containerView } from './view';

/** Sessions kept at most; opening one more ends the least recently used. */
export const MAX_SESSIONS = 100;
/** A session unused this long has ended. */
export const SESSION_IDLE_MS = 30 * 60_000;

/** Where sessions are kept, by id. */
export type SessionStore = Map<string, SessionRecord>;

function checkInput(input: OpenShellInput): void {
  if (typeof input.container_id !== 'string' || input.container_id === '')
    invalid('`container_id` must name a container of the workload.', {
      field: 'container_id',
    });
  if (input.pod_name !== undefined && typeof input.pod_name !== 'string')
    invalid(`\`pod_name\` must be a pod name; got ${show(input.pod_name)}.`, {
      field: 'pod_name',
    });
  if (input.debug !== undefined && typeof input.debug !== 'boolean')
    invalid(`\`debug\` must be true or false; got ${show(input.debug)}.`, {
      field: 'debug',
    });
}

/** The pod to open the shell in: the one named, else the first where the container runs (debug: where it does not, else the first). */
function choosePod(pods: Pod[], input: OpenShellInput, where: string): Pod {
  const running = (p: Pod) =>
    Boolean(
      p.containerStatuses.find((c) => c.name === input.container_id)?.state
        .running,
    );
  if (input.pod_name !== undefined) {
    const named = pods.find((p) => p.podName === input.pod_name);
    if (!named)
      throw new EngineError(
        'not_found',
        `Pod \`${input.pod_name}\` does not run ${where}; its pods are ${pods.map((p) => `\`${p.podName}\``).join(', ') || 'none'}.`,
        { kind: 'pod', id: input.pod_name },
      );
    return named;
  }
  if (input.debug) return pods.find((p) => !running(p)) ?? pods[0];
  return pods.find(running) ?? pods[0];
}

/** Opens a session for `ctx.userId` on a container of a running workload (404 unknown, 409 not running). */
export function openSession(
  ctx: OpContext,
  store: SessionStore,
  ref: { orgId: string; appId: string; envId: string; workloadId: string },
  input: OpenShellInput,
  id: string,
): ShellSession {
  checkInput(input);
  const { orgId, appId, envId, workloadId } = ref;
  requireEnv(ctx.state, orgId, appId, envId);
  const where = `workload \`${workloadId}\` in ${appId}/${envId}`;
  const controller = Object.values(
    getRuntime(ctx, orgId, appId, envId).modules[workloadId]?.controllers ?? {},
  )[0];
  if (!controller)
    throw new EngineError(
      'not_found',
      `Workload \`${workloadId}\` does not run in environment \`${envId}\` of app \`${appId}\`.`,
      { kind: 'workload', id: workloadId },
    );
  const pods = controller.pods ?? [];
  if (pods.length === 0)
    throw new EngineError(
      'conflict',
      `No pod of ${where} is running (paused or scaled to 0): there is no container to open a shell in.`,
    );
  const pod = choosePod(pods, input, where);
  const status = pod.containerStatuses.find(
    (c) => c.name === input.container_id,
  );
  if (!status)
    throw new EngineError(
      'not_found',
      `Pod \`${pod.podName}\` of ${where} has no container \`${input.container_id}\`; it has ${pod.containerStatuses.map((c) => `\`${c.name}\``).join(', ')}.`,
      { kind: 'container', id: input.container_id },
    );
  if (!input.debug && !status.state.running) {
    const why =
      status.state.waiting?.reason ??
      status.state.terminated?.reason ??
      'not running';
    throw new EngineError(
      'conflict',
      `Container \`${input.container_id}\` of pod \`${pod.podName}\` is not running (${why}), so there is nothing to exec into: attach a debug container to its pod instead (\`debug: true\`).`,
    );
  }
  const record: SessionRecord = {
    id,
    userId: ctx.userId,
    orgId,
    appId,
    envId,
    workloadId,
    kind: input.debug ? 'debug' : 'container',
    containerId: input.container_id,
    podName: pod.podName,
    openedAt: ctx.now,
    lastUsedAt: ctx.now,
  };
  const view = containerView(ctx, record);
  dropIdle(store, ctx.now);
  if (store.size >= MAX_SESSIONS) {
    const oldest = [...store.values()].sort(
      (a, b) => a.lastUsedAt - b.lastUsedAt,
    )[0];
    store.delete(oldest.id);
  }
  store.set(id, record);
  return sessionView(record, view.namespace);
}

function sessionView(record: SessionRecord, namespace: string): ShellSession {
  const debug = record.kind === 'debug';
  return {
    id: record.id,
    kind: record.kind,
    app_id: record.appId,
    env_id: record.envId,
    workload_id: record.workloadId,
    container_id: debug ? DEBUG_CONTAINER : record.containerId,
    ...(debug ? { target_container_id: record.containerId } : {}),
    pod_name: record.podName,
    namespace,
    prompt: debug ? `${record.podName}:/# ` : '/ # ',
    banner: debug
      ? `Attached ephemeral container '${DEBUG_CONTAINER}' (busybox) to pod ${record.podName}, sharing the process namespace of '${record.containerId}'.\nType 'help' for the commands: ${commandNames('debug').join(', ')}.`
      : `Shell in container '${record.containerId}' of pod ${record.podName} (namespace ${namespace}).\nType 'help' for the commands: ${commandNames('container').join(', ')}.`,
    opened_at: new Date(record.openedAt).toISOString(),
  };
}

function dropIdle(store: SessionStore, now: number): void {
  for (const [id, s] of store)
    if (now - s.lastUsedAt > SESSION_IDLE_MS) store.delete(id);
}

/** The caller's open session `sessionId` of the environment; 404 otherwise (another user's sessions are not named). */
export function requireSession(
  ctx: OpContext,
  store: SessionStore,
  ref: { orgId: string; appId: string; envId: string },
  sessionId: string,
): SessionRecord {
  dropIdle(store, ctx.now);
  const s = store.get(sessionId);
  if (
    !s ||
    s.userId !== ctx.userId ||
    s.orgId !== ref.orgId ||
    s.appId !== ref.appId ||
    s.envId !== ref.envId
  )
    throw new EngineError(
      'not_found',
      `Shell session \`${sessionId}\` is not open in ${ref.appId}/${ref.envId} for you (sessions end on exit, after ${SESSION_IDLE_MS / 60_000} idle minutes and when the engine restarts): open a new shell.`,
      { kind: 'shell session', id: sessionId },
    );
  return s;
}

/** Runs one command line in the session; `exit` ends it. */
export function runCommand(
  ctx: OpContext,
  store: SessionStore,
  session: SessionRecord,
  command: unknown,
): ShellCommandResult {
  if (typeof command !== 'string')
    invalid(`\`command\` must be a string; got ${show(command)}.`, {
      field: 'command',
    });
  if (command.length > MAX_COMMAND_LENGTH)
    invalid(
      `\`command\` is ${command.length} characters long; at most ${MAX_COMMAND_LENGTH} are taken.`,
      { field: 'command' },
    );
  if ([...command].some(isControl))
    invalid(
      '`command` must be one line without control characters (send each line on its own).',
      { field: 'command' },
    );
  const answer = runLine(containerView(ctx, session), command);
  session.lastUsedAt = ctx.now;
  if (answer.exit) store.delete(session.id);
  return {
    output: answer.output,
    exit_code: answer.exit_code,
    closed: answer.exit === true,
  };
}

/** A control character other than tab (a command is one line of text). */
function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && ch !== '\t') || code === 0x7f;
}

/** Ends the session. */
export function closeSession(store: SessionStore, session: SessionRecord) {
  store.delete(session.id);
}
