/**
 * Planning a workload's local run from the environment's running deployment
 * (its set, its value-set version, the active resources' outputs and the
 * cluster and namespace they ran in) and writing the bundle (compose.ts). No
 * authorization here (methods.ts decides whether secrets may be included).
 */
import { EngineError } from '../core/errors';
import { isJsonObject } from '../core/canonical';
import { requireEnv, type OpContext } from '../core/lookup';
import type { Json, JsonObject, Module } from '../core/model/spec';
import type { ActiveResourceRecord } from '../core/model/resourcedefs';
import type { AppRecord } from '../core/state';
import { deploySet, runningDeploy } from '../deploys';
import { activeResourcesOf } from '../resourcedefs';
import { deployVersion } from '../values';
import {
  bundleFiles,
  envName,
  type PlannedContainer,
  type PlannedFile,
  type PlannedResource,
} from './compose';
import type { LocalRunBundle, LocalRunOptions, ResourceMode } from './model';
import {
  resolveText,
  resourcesRead,
  type ResolveScope,
  type ResourceOutputs,
} from './resolve';
import { STAND_IN_TYPES, standInFor } from './standins';

/** Where the environment's resources run (for the port forwards). */
interface Cluster {
  context: string;
  namespace: string;
}

/** `shared.db` → `shared-db`: a Compose service name and a pod name. */
function slugOf(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The active resource id of a resource the workload names (`externals.x` is the workload's own). */
function activeId(workloadId: string, id: string): string {
  return id.startsWith('externals.') ? `modules.${workloadId}.${id}` : id;
}

function typeOf(
  module: Module,
  set: { shared: Record<string, { type: string }> },
  id: string,
): string {
  const [scope, name] = id.split(/\.(.*)/s);
  const ref = scope === 'externals' ? module.externals[name] : set.shared[name];
  return ref?.type ?? 'unknown';
}

/** The mode of each resource: the caller's choice, else the default; 400 for a choice of a resource the workload does not read. */
function modesOf(
  ids: readonly string[],
  types: ReadonlyMap<string, string>,
  workloadId: string,
  options: LocalRunOptions,
  warnings: string[],
): Map<string, ResourceMode> {
  const choices = options.choices ?? {};
  const unknown = Object.keys(choices).filter((id) => !ids.includes(id));
  if (unknown.length > 0)
    throw new EngineError(
      'invalid',
      `\`resource\` names ${unknown.map((id) => `\`${id}\``).join(', ')}, which workload \`${workloadId}\` does not read; it reads ${ids.length > 0 ? ids.map((id) => `\`${id}\``).join(', ') : 'no resources'}.`,
      { field: 'resource' },
    );
  const modes = new Map<string, ResourceMode>();
  for (const id of ids) {
    const type = types.get(id)!;
    const chosen = choices[id];
    const mode = chosen ?? options.resources ?? 'local';
    if (mode === 'local' && !STAND_IN_TYPES.includes(type)) {
      if (chosen)
        throw new EngineError(
          'invalid',
          `\`resource\` asks for a local \`${id}\`, but there is no local stand-in for type \`${type}\` (there are for ${STAND_IN_TYPES.join(', ')}); choose remote for it.`,
          { field: 'resource' },
        );
      warnings.push(
        `\`${id}\` (${type}) has no local stand-in: it is reached in the environment through a port forward.`,
      );
      modes.set(id, 'remote');
    } else modes.set(id, mode);
  }
  return modes;
}

function clusterOf(
  active: readonly ActiveResourceRecord[],
  appId: string,
  envId: string,
): Cluster {
  const output = (resId: string, key: string) => {
    const value = active.find((r) => r.res_id === resId)?.resource[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    context: output('k8s-cluster', 'name') ?? `${appId}-cluster`,
    namespace: output('k8s-namespace', 'namespace') ?? `${appId}-${envId}`,
  };
}

/** kubectl commands that forward `host:port` of the environment to this machine through a relay pod. */
function portForward(
  cluster: Cluster,
  slug: string,
  host: string,
  port: number,
): string[] {
  const kubectl = `kubectl --context ${cluster.context} --namespace ${cluster.namespace}`;
  const pod = `local-run-${slug}`.slice(0, 63);
  return [
    `${kubectl} run ${pod} --image=alpine/socat --restart=Never -- tcp-listen:${port},fork,reuseaddr tcp-connect:${host}:${port}`,
    `${kubectl} wait --for=condition=Ready pod/${pod}`,
    `${kubectl} port-forward --address 0.0.0.0 pod/${pod} ${port}:${port}`,
    `# when done: ${kubectl} delete pod ${pod}`,
  ];
}

/** The environment's secret outputs of a resource: references only (the engine never keeps a driver's secret values). */
function secretRefsOf(
  active: ActiveResourceRecord | undefined,
): ResourceOutputs['secrets'] {
  return Object.fromEntries(
    Object.entries(active?.secret_refs ?? {}).map(([key, ref]) => [
      key,
      { ref: isJsonObject(ref) ? String(ref.ref) : String(ref) },
    ]),
  );
}

interface PlannedResources {
  planned: PlannedResource[];
  outputs: Map<string, ResourceOutputs>;
}

function planResources(
  ids: readonly string[],
  types: ReadonlyMap<string, string>,
  modes: ReadonlyMap<string, ResourceMode>,
  activeOf: (id: string) => ActiveResourceRecord | undefined,
  cluster: Cluster,
  warnings: string[],
): PlannedResources {
  const planned: PlannedResource[] = [];
  const outputs = new Map<string, ResourceOutputs>();
  for (const id of ids) {
    const type = types.get(id)!;
    const active = activeOf(id);
    const envOutputs: JsonObject = active?.resource ?? {};
    const slug = slugOf(id);
    if (modes.get(id) === 'local') {
      const credential = (output: string) => envName(slug, output);
      const standIn = standInFor(
        type,
        slug,
        envOutputs,
        (output) => `\${${credential(output)}}`,
      )!;
      outputs.set(id, {
        values: { ...envOutputs, ...standIn.values },
        secrets: Object.fromEntries(
          Object.entries(standIn.secrets).map(([key, value]) => [
            key,
            { value, ref: 'local stand-in' },
          ]),
        ),
      });
      const host = standIn.values.host;
      planned.push({
        id,
        type,
        mode: 'local',
        ...(standIn.service
          ? {
              service: slug,
              image: standIn.service.image,
              standIn: standIn.service,
              credentials: Object.entries(standIn.secrets).map(
                ([key, value]) => [credential(key), value],
              ),
              ...(typeof host === 'string' && host !== slug
                ? { alias: host }
                : {}),
            }
          : {}),
        ...(standIn.note ? { note: standIn.note } : {}),
      });
      continue;
    }
    outputs.set(id, { values: envOutputs, secrets: secretRefsOf(active) });
    const host = envOutputs.host;
    const port = envOutputs.port;
    if (!active)
      warnings.push(
        `\`${id}\` (${type}) has no active resource in the environment: its outputs are unknown.`,
      );
    if (type === 'dns') {
      planned.push({
        id,
        type,
        mode: 'remote',
        note: `The environment's name ${String(host ?? '')} is used as it is.`,
      });
    } else if (typeof host === 'string' && typeof port === 'number') {
      planned.push({
        id,
        type,
        mode: 'remote',
        port_forward: portForward(cluster, slug, host, port),
        forwardedHost: host,
      });
    } else {
      planned.push({
        id,
        type,
        mode: 'remote',
        note: 'Its outputs name no host and port to forward: reach it as the environment does.',
      });
    }
  }
  return { planned, outputs };
}

function texts(
  value: Json | undefined,
  resolve: (t: string) => ReturnType<typeof resolveText>,
) {
  return Array.isArray(value)
    ? value.map((v) => resolve(typeof v === 'string' ? v : JSON.stringify(v)))
    : undefined;
}

function planContainers(
  module: Module,
  resolve: (t: string) => ReturnType<typeof resolveText>,
): PlannedContainer[] {
  const containers = isJsonObject(module.spec.containers)
    ? module.spec.containers
    : {};
  return Object.keys(containers)
    .sort()
    .flatMap((id) => {
      const c = containers[id];
      if (!isJsonObject(c)) return [];
      const variables = isJsonObject(c.variables) ? c.variables : {};
      const files = isJsonObject(c.files) ? c.files : {};
      const command = texts(c.command, resolve);
      const args = texts(c.args, resolve);
      return [
        {
          id,
          image: typeof c.image === 'string' ? c.image : '',
          ...(command ? { command } : {}),
          ...(args ? { args } : {}),
          variables: Object.keys(variables)
            .sort()
            .map((name): [string, ReturnType<typeof resolveText>] => {
              const v = variables[name];
              return [
                name,
                resolve(typeof v === 'string' ? v : JSON.stringify(v)),
              ];
            }),
          files: Object.keys(files)
            .sort()
            .flatMap((path): PlannedFile[] => {
              const f = files[path];
              if (!isJsonObject(f) || typeof f.value !== 'string') return [];
              return [
                {
                  path,
                  content: resolve(f.value),
                  ...(typeof f.mode === 'string' ? { mode: f.mode } : {}),
                  ...(f.encoding === 'base64'
                    ? { encoding: 'base64' as const }
                    : {}),
                },
              ];
            }),
        },
      ];
    });
}

function publishedPorts(module: Module): string[] {
  const service = isJsonObject(module.spec.service) ? module.spec.service : {};
  const ports = isJsonObject(service.ports) ? service.ports : {};
  return Object.keys(ports)
    .sort()
    .flatMap((name) => {
      const p = ports[name];
      if (!isJsonObject(p) || typeof p.port !== 'number') return [];
      const inner =
        typeof p.container_port === 'number' ? p.container_port : p.port;
      return [`${p.port}:${inner}`];
    });
}

/** `${values.KEY}` and `${secrets.KEY}` readers for the deployment's values (secret contents only when included). */
function valueReaders(
  app: AppRecord,
  envId: string,
  versionId: string | null | undefined,
  includeSecrets: boolean,
): Pick<ResolveScope, 'value' | 'storedSecret'> {
  const version = deployVersion(app, envId, versionId ?? undefined);
  const values = version?.values ?? {};
  return {
    value(key) {
      if (!Object.hasOwn(values, key)) return undefined;
      const v = values[key];
      if (!v.is_secret) return { value: v.value ?? '', secret: false };
      const vault = app.values?.vault ?? {};
      return {
        secret: true,
        ...(includeSecrets && !v.purged && Object.hasOwn(vault, v.rev)
          ? { value: vault[v.rev] }
          : {}),
      };
    },
    storedSecret(key) {
      const store = app.secrets?.values ?? {};
      return includeSecrets && Object.hasOwn(store, key)
        ? store[key].value
        : undefined;
    },
  };
}

/** What a workload's local run and its simulated shell (shell/) read of the running deployment. */
interface WorkloadPlan {
  deployId: string;
  set: ReturnType<typeof deploySet>;
  module: Module;
  env: ReturnType<typeof requireEnv>['env'];
  app: AppRecord;
  valueSetVersion: string | null | undefined;
  planned: PlannedResource[];
  outputs: Map<string, ResourceOutputs>;
  warnings: string[];
}

/** The running deployment's workload and its resources in the modes asked for; 404 when the environment does not run it. */
function planWorkload(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  workloadId: string,
  options: LocalRunOptions,
): WorkloadPlan {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const record = runningDeploy(app, env);
  const set = record ? deploySet(app, record) : undefined;
  if (!record || !set || !Object.hasOwn(set.modules, workloadId))
    throw new EngineError(
      'not_found',
      `Workload \`${workloadId}\` does not run in environment \`${envId}\` of app \`${appId}\`${
        set
          ? ` (its deployment runs ${
              Object.keys(set.modules)
                .sort()
                .map((id) => `\`${id}\``)
                .join(', ') || 'no workloads'
            })`
          : ' (nothing is deployed there yet)'
      }.`,
      { kind: 'workload', id: workloadId },
    );
  const module = set.modules[workloadId];
  const warnings: string[] = [];
  const ids = resourcesRead(module);
  const types = new Map(ids.map((id) => [id, typeOf(module, set, id)]));
  const modes = modesOf(ids, types, workloadId, options, warnings);
  const active = activeResourcesOf(ctx.state, orgId, { appId, envId });
  const byId = new Map(active.map((r) => [r.res_id, r]));
  const { planned, outputs } = planResources(
    ids,
    types,
    modes,
    (id) => byId.get(activeId(workloadId, id)),
    clusterOf(active, appId, envId),
    warnings,
  );
  return {
    deployId: record.deployment.id,
    set,
    module,
    env,
    app,
    valueSetVersion: record.deployment.value_set_version_id,
    planned,
    outputs,
    warnings,
  };
}

/** The scope a workload's placeholders are filled from (secrets only when included). */
function scopeOf(
  plan: WorkloadPlan,
  orgId: string,
  appId: string,
  envId: string,
  workloadId: string,
  includeSecrets: boolean,
): ResolveScope {
  return {
    orgId,
    appId,
    envId,
    envType: plan.env.env.type,
    workloadId,
    workloads: new Set(Object.keys(plan.set.modules)),
    resources: plan.outputs,
    ...valueReaders(plan.app, envId, plan.valueSetVersion, includeSecrets),
  };
}

/**
 * The containers of workload `workloadId` as they run in environment `envId`
 * (the shell domain's view of a container): command, variables and files
 * filled as the deployment filled them with the environment's own resources;
 * secret contents only with `includeSecrets` (else the placeholder's text
 * stays and the field is marked secret). 404 as {@link localRunBundle}.
 */
export function runningContainers(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  workloadId: string,
  includeSecrets: boolean,
): PlannedContainer[] {
  const plan = planWorkload(ctx, orgId, appId, envId, workloadId, {
    resources: 'remote',
  });
  const scope = scopeOf(plan, orgId, appId, envId, workloadId, includeSecrets);
  return planContainers(plan.module, (t) => resolveText(scope, t));
}

/**
 * The local-run bundle of workload `workloadId` as it runs in environment
 * `envId` (its running deployment): 404 when the environment runs no
 * deployment with that workload; 400 for a resource choice it cannot honour.
 */
export function localRunBundle(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  workloadId: string,
  options: LocalRunOptions,
): LocalRunBundle {
  const workload = planWorkload(ctx, orgId, appId, envId, workloadId, options);
  const { module, planned, warnings } = workload;
  const includeSecrets = options.includeSecrets === true;
  const scope = scopeOf(
    workload,
    orgId,
    appId,
    envId,
    workloadId,
    includeSecrets,
  );
  const containers = planContainers(module, (t) => resolveText(scope, t));
  if (includeSecrets)
    warnings.unshift(
      "`.env` holds the environment's secrets: keep it on this machine, never commit or share it, and delete it when done.",
    );
  const volumes = Object.values(module.spec.containers ?? {}).some(
    (c) =>
      isJsonObject(c) &&
      isJsonObject(c.volume_mounts) &&
      Object.keys(c.volume_mounts).length > 0,
  );
  if (volumes)
    warnings.push(
      'Volume mounts are not reproduced: the containers get no volumes.',
    );
  const plan = {
    project: slugOf(`${appId}-${envId}-${workloadId}`),
    title: `workload \`${workloadId}\` of ${appId}/${envId}`,
    containers,
    ports: publishedPorts(module),
    resources: planned,
    secretsIncluded: includeSecrets,
    warnings,
  };
  return {
    app_id: appId,
    env_id: envId,
    workload_id: workloadId,
    deploy_id: workload.deployId,
    secrets_included: includeSecrets,
    resources: planned.map(
      ({
        standIn: _s,
        alias: _a,
        forwardedHost: _f,
        credentials: _c,
        ...view
      }) => view,
    ),
    files: bundleFiles(plan),
    warnings,
  };
}
