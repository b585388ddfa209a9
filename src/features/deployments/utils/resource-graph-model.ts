/**
 * The resource graph of a deployment as the page shows it: every workload and
 * resource, what each depends on, its status and the definition that matched
 * it. Built from the deployment's dependency graph (what was provisioned),
 * its set (what was asked for: a resource that failed is in the set but not
 * in the graph), its errors (which resource or workload failed, and why) and,
 * where the API has them, its steps (the definition that matched a failed
 * resource; whether a workload was rolled out). Pure: no React, no fetching.
 */
import type { DeploymentStep } from '@/api/health';
import type { DependencyGraphNode } from '@/api/resource-graphs';
import type { DeploymentError, DeploymentSet } from '@/api/types';
import { parseResourceRef } from '@/lib/json-schema/resource-refs';
import type { StatusView } from '@/lib/status';
import { DEFAULT_CLASS } from '@/lib/criteria';

/** ok: provisioned (or rolled out); failed: an error names it; not-provisioned: asked for, not made. */
export type NodeStatus = 'ok' | 'failed' | 'not-provisioned';

/** The resource definition that matched a node. */
export interface NodeDefinition {
  defId: string;
  /** Empty for the orchestrator's defaults (`default-k8s-namespace`), which have no page. */
  versionId: string;
  driverType: string;
}

export interface GraphNode {
  /** Unique in the graph: `type/class/id` (a provision dependency may share its parent's id). */
  key: string;
  /** `shared.db`, `modules.api.externals.cache`, `k8s-cluster`, or a workload's id. */
  id: string;
  type: string;
  class: string;
  kind: 'workload' | 'resource';
  status: NodeStatus;
  definition?: NodeDefinition;
  /** The deployment errors naming it. */
  errors: DeploymentError[];
  /** Keys of the nodes it needs (edges point from a node to what it depends on). */
  dependsOn: string[];
  /** Keys of the nodes that need it. */
  usedBy: string[];
}

export interface GraphModel {
  /** Failed nodes first (in the order of the deployment's errors), then workloads, then resources, by id. */
  nodes: GraphNode[];
  byKey: ReadonlyMap<string, GraphNode>;
  edges: { from: string; to: string }[];
}

export interface GraphModelInput {
  /** The dependency graph's nodes. */
  graphNodes: readonly DependencyGraphNode[];
  set: Pick<DeploymentSet, 'modules' | 'shared'>;
  /** The deployment's errors (empty unless it failed). */
  errors: readonly DeploymentError[];
  /** The deployment's steps (console extension): undefined when the API has none. */
  steps?: readonly DeploymentStep[];
  /** The deployment's status (`pending`, `in progress`, `succeeded`, `failed`). */
  deploymentStatus: string;
}

const WORKLOAD = 'workload';
/** The resources every environment provisions, cluster first (as the engine and Humanitec do). */
const IMPLICIT = ['k8s-cluster', 'k8s-namespace'] as const;

export const nodeKey = (type: string, cls: string, id: string) =>
  `${type}/${cls || DEFAULT_CLASS}/${id}`;

/** What the set asks for: type and class of a `{type, class}` resource entry. */
function typeAndClass(entry: unknown): { type: string; class: string } {
  const { type, class: cls } = (entry ?? {}) as {
    type?: unknown;
    class?: unknown;
  };
  return {
    type: typeof type === 'string' ? type : 'unknown',
    class: typeof cls === 'string' && cls ? cls : DEFAULT_CLASS,
  };
}

const EMBEDDED_SHARED = /\$\{shared\.([A-Za-z0-9_-]+)/g;

/** The shared resources a workload names: `${shared.db.host}` anywhere in a string, or a field holding `shared.db`. */
export function sharedNamesUsedBy(module: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(EMBEDDED_SHARED)) names.add(match[1]);
      const ref = parseResourceRef(value);
      if (ref && ref.scope === 'shared') names.add(ref.name);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object')
      Object.values(value).forEach(visit);
  };
  visit(module);
  return [...names].sort();
}

/** Mutable node while the model is built. */
type Draft = Omit<GraphNode, 'dependsOn' | 'usedBy'> & {
  dependsOn: Set<string>;
  usedBy: Set<string>;
};

class Builder {
  readonly nodes = new Map<string, Draft>();
  /** The key of each resource or workload the set names, by its id and kind. */
  private readonly byId = new Map<string, string>();

  add(
    type: string,
    cls: string,
    id: string,
    definition?: NodeDefinition,
  ): string {
    const key = nodeKey(type, cls, id);
    if (!this.nodes.has(key))
      this.nodes.set(key, {
        key,
        id,
        type,
        class: cls || DEFAULT_CLASS,
        kind: type === WORKLOAD ? 'workload' : 'resource',
        status: 'ok',
        errors: [],
        dependsOn: new Set(),
        usedBy: new Set(),
        ...(definition ? { definition } : {}),
      });
    const idKey = `${type === WORKLOAD ? 'w' : 'r'}:${id}`;
    if (!this.byId.has(idKey)) this.byId.set(idKey, key);
    return key;
  }

  resourceKey(id: string) {
    return this.byId.get(`r:${id}`);
  }

  workloadKey(id: string) {
    return this.byId.get(`w:${id}`);
  }

  link(from: string | undefined, to: string | undefined) {
    if (!from || !to || from === to) return;
    const a = this.nodes.get(from);
    const b = this.nodes.get(to);
    if (!a || !b) return;
    a.dependsOn.add(to);
    b.usedBy.add(from);
  }
}

function definitionOf(node: DependencyGraphNode): NodeDefinition | undefined {
  if (!node.def_id || node.type === WORKLOAD) return undefined;
  return {
    defId: node.def_id,
    versionId: node.def_version_id ?? '',
    driverType: node.driver_type ?? '',
  };
}

/** Which step says what happened to a resource (`resource:<id>`) or a workload (`workload:<id>`). */
function stepsById(steps: readonly DeploymentStep[] | undefined) {
  const map = new Map<string, DeploymentStep>();
  for (const step of steps ?? [])
    if (
      step.object_id &&
      (step.kind === 'resource' || step.kind === 'workload')
    )
      map.set(
        `${step.kind === 'workload' ? 'w' : 'r'}:${step.object_id}`,
        step,
      );
  return map;
}

/** The graph model of a deployment (see the file's comment). */
export function buildGraphModel(input: GraphModelInput): GraphModel {
  const b = new Builder();
  const { set } = input;

  // What was provisioned: the graph's nodes and their edges.
  const byGuresid = new Map<string, string>();
  for (const node of input.graphNodes)
    byGuresid.set(
      node.guresid,
      b.add(node.type, node.class, node.id, definitionOf(node)),
    );
  const provisioned = new Set(byGuresid.values());
  for (const node of input.graphNodes)
    for (const dep of node.depends_on ?? [])
      b.link(byGuresid.get(node.guresid), byGuresid.get(dep));

  // What was asked for: implicit resources, shared ones, each workload's private ones, the workloads.
  for (const type of IMPLICIT) if (!b.resourceKey(type)) b.add(type, '', type);
  for (const name of Object.keys(set.shared).sort()) {
    const id = `shared.${name}`;
    const { type, class: cls } = typeAndClass(set.shared[name]);
    if (!b.resourceKey(id)) b.add(type, cls, id);
  }
  const workloads = Object.keys(set.modules).sort();
  for (const workload of workloads) {
    const externals = set.modules[workload].externals ?? {};
    for (const name of Object.keys(externals).sort()) {
      const id = `modules.${workload}.externals.${name}`;
      const { type, class: cls } = typeAndClass(externals[name]);
      if (!b.resourceKey(id)) b.add(type, cls, id);
    }
    if (!b.workloadKey(workload)) b.add(WORKLOAD, '', workload);
  }

  // What uses what, from the set (so resources missing from the graph keep their edges).
  const namespace = b.resourceKey('k8s-namespace');
  b.link(namespace, b.resourceKey('k8s-cluster'));
  for (const workload of workloads) {
    const from = b.workloadKey(workload);
    const module = set.modules[workload];
    b.link(from, namespace);
    for (const name of Object.keys(module.externals ?? {}))
      b.link(from, b.resourceKey(`modules.${workload}.externals.${name}`));
    for (const name of sharedNamesUsedBy(module))
      b.link(from, b.resourceKey(`shared.${name}`));
  }

  // What happened: errors name failed nodes; steps say the rest where the API has them.
  const failedOrder: string[] = [];
  for (const error of input.errors) {
    const key =
      error.scope === 'workload'
        ? b.workloadKey(error.object_id)
        : (b.resourceKey(error.object_id) ?? b.workloadKey(error.object_id));
    const node = key ? b.nodes.get(key) : undefined;
    if (!node) continue;
    node.errors.push(error);
    node.status = 'failed';
    if (!failedOrder.includes(node.key)) failedOrder.push(node.key);
  }
  const steps = stepsById(input.steps);
  const deployed = input.deploymentStatus === 'succeeded';
  for (const node of b.nodes.values()) {
    const step = steps.get(
      `${node.kind === 'workload' ? 'w' : 'r'}:${node.id}`,
    );
    if (step?.definition && !node.definition)
      node.definition = {
        defId: step.definition.def_id,
        versionId: step.definition.def_version_id ?? '',
        driverType: step.definition.driver_type,
      };
    if (node.status === 'failed') continue;
    if (step?.status === 'failed') {
      node.status = 'failed';
      node.errors.push(...step.errors);
      failedOrder.push(node.key);
    } else if (node.kind === 'resource')
      node.status = provisioned.has(node.key) ? 'ok' : 'not-provisioned';
    else
      node.status = (step ? step.status === 'succeeded' : deployed)
        ? 'ok'
        : 'not-provisioned';
  }

  const rest = [...b.nodes.values()]
    .filter((n) => n.status !== 'failed')
    .sort(
      (x, y) =>
        Number(x.kind === 'resource') - Number(y.kind === 'resource') ||
        x.id.localeCompare(y.id) ||
        x.key.localeCompare(y.key),
    );
  const ordered = [
    ...failedOrder.map((key) => b.nodes.get(key) as Draft),
    ...rest,
  ];
  const nodes: GraphNode[] = ordered.map((n) => ({
    ...n,
    dependsOn: [...n.dependsOn],
    usedBy: [...n.usedBy],
  }));
  return {
    nodes,
    byKey: new Map(nodes.map((n) => [n.key, n])),
    edges: nodes.flatMap((n) => n.dependsOn.map((to) => ({ from: n.key, to }))),
  };
}

const STATUS_VIEW: Record<NodeStatus, StatusView> = {
  ok: { tone: 'success', label: 'OK' },
  failed: { tone: 'failure', label: 'Failed' },
  'not-provisioned': { tone: 'skipped', label: 'Not provisioned' },
};

/** A node's status as the console shows statuses: an icon and a word, never colour alone. */
export const nodeStatusView = (node: Pick<GraphNode, 'status'>): StatusView =>
  STATUS_VIEW[node.status];

/** Whether a definition has a page (the orchestrator's defaults have no version and none). */
export const hasDefinitionPage = (definition: NodeDefinition | undefined) =>
  !!definition && definition.versionId !== '';
