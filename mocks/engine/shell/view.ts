/**
 * What a shell sees of its container, read from the engine's state at each
 * command: the pod and namespace, the container's state and main process,
 * its variables and files as the running deployment filled them (localrun/'s
 * resolution with the environment's own resources), and the environment's
 * services (workloads) and resources by host name. Secret contents only when
 * asked for (`reveal`); no authorization here.
 */
import { isJsonObject } from '../core/canonical';
import { EngineError } from '../core/errors';
import { requireEnv, type OpContext } from '../core/lookup';
import type {
  ContainerStatus,
  JsonObject,
  Module,
  Pod,
} from '../core/model/spec';
import { deploySet, runningDeploy } from '../deploys';
import { runningContainers, type PlannedContainer } from '../localrun';
import { activeResourcesOf } from '../resourcedefs';
import { getContainerLogs, getRuntime } from '../runtime';
import type { SessionRecord } from './model';

/** A variable or a file's text: `secret` when it reads a secret (its text is then the value only when revealed). */
export interface ShellText {
  text: string;
  secret: boolean;
  /** Secrets it reads that have no value here (never their values). */
  missing: string[];
}

/** A file mounted into the container. */
export interface ShellFile {
  content: ShellText;
  mode?: string;
  binary?: boolean;
}

/** A name the environment's DNS answers. */
export interface ShellHost {
  /** `service` for a workload, `resource` for a resource's host. */
  kind: 'service' | 'resource';
  /** The workload id or the resource id (`shared.db`, `modules.api.externals.cache`). */
  id: string;
  type?: string;
  /** The canonical name (a service's `<id>.<namespace>.svc.cluster.local`). */
  fqdn: string;
  address: string;
  ports: number[];
  /** Whether something answers on it (a service with a ready pod; a resource always). */
  up: boolean;
}

/** The state of the container the shell enters or targets. */
export interface TargetState {
  status: ContainerStatus;
  /** Its main process as `ps` shows it. */
  command: string;
}

/** Everything the command interpreter reads. */
export interface ContainerView {
  kind: SessionRecord['kind'];
  appId: string;
  envId: string;
  workloadId: string;
  containerId: string;
  image: string;
  podName: string;
  namespace: string;
  target: TargetState;
  /** The container's variables (secrets filled only when `reveal`). */
  variables(reveal: boolean): [string, ShellText][];
  /** The container's files by absolute path (secrets filled only when `reveal`). */
  files(reveal: boolean): Map<string, ShellFile>;
  /** The environment's names: short service names, their FQDNs and resource hosts. */
  hosts: Map<string, ShellHost>;
  /** The target container's last log lines (the previous run's when it crash-loops). */
  lastLogs(limit: number): string[];
}

/** The cluster's DNS suffix. */
export const CLUSTER_DOMAIN = 'svc.cluster.local';

/** A stable private address for a name (the same on every call). */
export function addressOf(name: string, prefix: '10.96' | '172.20'): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i += 1) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return `${prefix}.${(h >>> 8) & 0xff}.${Math.max(1, h & 0xfe)}`;
}

function text(value: {
  text: string;
  secret: boolean;
  missing: string[];
}): ShellText {
  return { text: value.text, secret: value.secret, missing: value.missing };
}

/** The main process of a container: its command and args, or its image's entrypoint. */
function commandOf(container: PlannedContainer | undefined, image: string) {
  const parts = [...(container?.command ?? []), ...(container?.args ?? [])];
  return parts.length > 0
    ? parts.map((p) => (p.secret ? '********' : p.text)).join(' ')
    : `/docker-entrypoint (entrypoint of ${image})`;
}

function servicePorts(spec: JsonObject): number[] {
  const service = isJsonObject(spec.service) ? spec.service : {};
  const ports = isJsonObject(service.ports) ? service.ports : {};
  return Object.values(ports).flatMap((p) =>
    isJsonObject(p) && typeof p.port === 'number' ? [p.port] : [],
  );
}

/** The environment's services and resource hosts by every name that resolves to them. */
function hostsOf(
  ctx: OpContext,
  session: Pick<SessionRecord, 'orgId' | 'appId' | 'envId'>,
  namespace: string,
  modules: Record<string, Module>,
  pods: (workloadId: string) => Pod[],
): Map<string, ShellHost> {
  const hosts = new Map<string, ShellHost>();
  for (const id of Object.keys(modules).sort()) {
    const fqdn = `${id}.${namespace}.${CLUSTER_DOMAIN}`;
    const host: ShellHost = {
      kind: 'service',
      id,
      fqdn,
      address: addressOf(fqdn, '10.96'),
      ports: servicePorts(modules[id].spec),
      up: pods(id).some((p) => p.containerStatuses.every((c) => c.ready)),
    };
    for (const name of [
      id,
      `${id}.${namespace}`,
      `${id}.${namespace}.svc`,
      fqdn,
    ])
      hosts.set(name, host);
  }
  for (const r of activeResourcesOf(ctx.state, session.orgId, {
    appId: session.appId,
    envId: session.envId,
  })) {
    const name = r.resource.host;
    if (typeof name !== 'string' || name === '' || hosts.has(name)) continue;
    const port = r.resource.port;
    hosts.set(name, {
      kind: 'resource',
      id: r.res_id,
      type: r.type,
      fqdn: name,
      address: addressOf(name, '172.20'),
      ports: typeof port === 'number' ? [port] : [],
      up: true,
    });
  }
  return hosts;
}

/** The view of session `session`'s container now; 404 when its workload, pod or container no longer runs. */
export function containerView(
  ctx: OpContext,
  session: Omit<SessionRecord, 'id' | 'userId' | 'openedAt' | 'lastUsedAt'>,
): ContainerView {
  const { orgId, appId, envId, workloadId, containerId, podName } = session;
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const record = runningDeploy(app, env);
  const set = record ? deploySet(app, record) : undefined;
  const runtime = getRuntime(ctx, orgId, appId, envId);
  const podsOf = (id: string) =>
    Object.values(runtime.modules[id]?.controllers ?? {})[0]?.pods ?? [];
  const pod = podsOf(workloadId).find((p) => p.podName === podName);
  const status = pod?.containerStatuses.find((c) => c.name === containerId);
  if (!set || !pod || !status)
    throw new EngineError(
      'not_found',
      `Pod \`${podName}\` of workload \`${workloadId}\` in ${appId}/${envId} no longer runs container \`${containerId}\` (redeployed, scaled or paused): open a new shell.`,
      { kind: 'pod', id: podName },
    );
  const resolved = (reveal: boolean) =>
    runningContainers(ctx, orgId, appId, envId, workloadId, reveal);
  const plain = resolved(false);
  const own = plain.find((c) => c.id === containerId);
  const image = own?.image ?? '';
  return {
    kind: session.kind,
    appId,
    envId,
    workloadId,
    containerId,
    image,
    podName,
    namespace: runtime.namespace,
    target: { status, command: commandOf(own, image) },
    variables(reveal) {
      const c = (reveal ? resolved(true) : plain).find(
        (x) => x.id === containerId,
      );
      return (c?.variables ?? []).map(([name, v]) => [name, text(v)]);
    },
    files(reveal) {
      const c = (reveal ? resolved(true) : plain).find(
        (x) => x.id === containerId,
      );
      return new Map(
        (c?.files ?? []).map((f) => [
          f.path.startsWith('/') ? f.path : `/${f.path}`,
          {
            content: text(f.content),
            ...(f.mode ? { mode: f.mode } : {}),
            ...(f.encoding === 'base64' ? { binary: true } : {}),
          },
        ]),
      );
    },
    hosts: hostsOf(ctx, session, runtime.namespace, set.modules, podsOf),
    lastLogs(limit) {
      const page = getContainerLogs(
        ctx,
        orgId,
        appId,
        envId,
        workloadId,
        containerId,
        { pod: podName, limit: String(limit) },
      );
      return page.lines.length > 0
        ? page.lines.map((l) => l.text)
        : page.notice
          ? [page.notice]
          : [];
    },
  };
}
