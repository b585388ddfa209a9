/**
 * Read, match, create: what a deployment does with the resources its set asks
 * for, before it deploys the workloads. Each resource (resourceRequests) is
 * matched to a resource definition (resourcedefs' matching; an active
 * resource pinned to a version uses that version), the definition's
 * `provision` dependencies are provisioned with it (those it needs first),
 * and the definition's driver creates it (drivers' runDriver) from the
 * definition's inputs (the resource's params override the keys they name)
 * and the outputs of what it
 * depends on. The result is the dependency graph (resources and workloads,
 * each with what it needs), the active resources to record, what happened to
 * each resource (its driver's log) and the deployment errors: a resource no
 * definition matches (RES-MATCH-001, with the nearest candidates) and a
 * driver that failed (RES-PROV-001, naming the definition, its version, the
 * criteria that picked it and the driver's message). Implicit resources (the
 * cluster and the namespace) that no definition matches are provisioned by
 * the orchestrator's defaults (`default-k8s-cluster`, `default-k8s-namespace`).
 * Pure: the same state and input give the same result; nothing is written.
 */
import {
  canonicalJson,
  isJsonObject,
  sha256Text,
  toHex,
} from '../core/canonical';
import type { ActiveResourceRecord } from '../core/model/resourcedefs';
import type {
  GraphNodeRecord,
  ProvisionedRecord,
  ResolvedPlaceholderRecord,
} from '../core/model/provisioning';
import type {
  DeploymentError,
  DeploymentSet,
  Json,
  JsonObject,
} from '../core/model/spec';
import type { StateV1 } from '../core/state';
import { privateDriverTarget, runDriver, type DriverOutputs } from '../drivers';
import {
  activeResourceKey,
  activeVersion,
  indexDefinitions,
  matchWith,
  noMatchingDefinitionError,
  requireDef,
  versionSecrets,
  type DefinitionIndex,
} from '../resourcedefs';
import { findResourceType } from '../resources';
import { AGENT_DRIVER, agentUnreachable } from '../agents';
import {
  fillContextPlaceholders,
  fillResourceReferences,
  resourceReferences,
} from '../core/resource-refs';
import { fillPlaceholders } from './placeholders';
import {
  DEFAULT_RESOURCE_CLASS,
  ingressReferences,
  resourceRequests,
  type ResourceRequest,
} from './requests';

/** Where the resources are provisioned. */
export interface ProvisionInput {
  orgId: string;
  appId: string;
  envId: string;
  envType: string;
  set: DeploymentSet;
  /** The deployment provisioning them (recorded on the active resources). */
  deployId: string;
  /** ISO time of the deployment. */
  at: string;
  /** Resources to provision instead of what the set asks for (a graph computed for them alone). */
  requests?: ResourceRequest[];
  /** Whether drivers run inside the cluster (Operator and GitOps modes, operator/mode.ts): only then may a custom driver's URL be private. */
  inCluster?: boolean;
}

/** What provisioning a set gives. */
export interface ProvisionOutcome {
  nodes: GraphNodeRecord[];
  records: ProvisionedRecord[];
  active: ActiveResourceRecord[];
  errors: DeploymentError[];
  /** Non-secret outputs by resource id (`shared.db` → {host, port, …}), for placeholders. */
  outputs: Record<string, JsonObject>;
  /** The workload fields whose placeholders were filled (placeholders.ts). */
  placeholders: ResolvedPlaceholderRecord[];
}

/** The code of a deployment error for a resource whose driver failed. */
export const DRIVER_FAILED_CODE = 'RES-PROV-001';
/** The code of a custom driver at a private URL in the direct mode (drivers/reach.ts). */
export const DRIVER_UNREACHABLE_CODE = 'RES-PROV-002';

/** How deep `provision` dependencies may nest. */
const MAX_DEPTH = 5;

/** The orchestrator's definitions for implicit resources no definition of the organisation matches. */
const IMPLICIT_DEFAULTS: Record<
  string,
  { driver_type: string; values: (input: ProvisionInput) => JsonObject }
> = {
  'k8s-cluster': {
    driver_type: 'humanitec/k8s-cluster',
    values: (input) => ({
      name: slug(`${input.orgId}-cluster`),
      loadbalancer: '10.0.0.1',
    }),
  },
  'k8s-namespace': {
    driver_type: 'humanitec/k8s-namespace',
    values: () => ({}),
  },
};

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63) || 'cluster'
  );
}

/** A globally unique resource id: 40 hex characters of SHA-256 over where the resource is and what it is. */
export function guresidOf(
  input: Pick<ProvisionInput, 'orgId' | 'appId' | 'envId'>,
  type: string,
  cls: string,
  resId: string,
): string {
  return toHex(
    sha256Text(
      `${input.orgId}/${input.appId}/${input.envId}/${type}/${cls}/${resId}`,
    ),
  ).slice(0, 40);
}

/** What a definition gives a resource: the version, the rule that picked it, its driver and inputs. */
interface Resolved {
  def_id: string;
  def_version_id: string;
  criteria_id: string;
  /** The rule in words, for messages. */
  criteria: string;
  driver_type: string;
  driver_account?: string;
  values: JsonObject;
  secrets: JsonObject;
  secretKeys: string[];
  provision: Record<string, { is_dependent: boolean; params?: JsonObject }>;
}

/** `{"env_type": "staging"}` for a rule's set fields. */
function ruleText(rule: Record<string, unknown> | undefined): string {
  if (!rule) return 'the orchestrator default';
  const fields: Record<string, unknown> = {};
  for (const key of ['res_id', 'env_id', 'env_type', 'app_id', 'class'])
    if (
      rule[key] !== undefined &&
      !(key === 'class' && rule[key] === 'default')
    )
      fields[key] = rule[key];
  return Object.keys(fields).length === 0
    ? 'a rule matching everything'
    : JSON.stringify(fields);
}

class Provisioner {
  private readonly index: DefinitionIndex;
  private readonly byGuresid = new Map<string, GraphNodeRecord>();
  readonly outcome: ProvisionOutcome = {
    nodes: [],
    records: [],
    active: [],
    errors: [],
    outputs: {},
    placeholders: [],
  };
  /** Outputs (secrets included, never stored) by guresid, for the drivers of dependents. */
  private readonly runOutputs = new Map<string, DriverOutputs>();
  private readonly failed = new Set<string>();

  constructor(
    private readonly state: StateV1,
    private readonly input: ProvisionInput,
  ) {
    this.index = indexDefinitions(state, input.orgId);
  }

  private resolve(request: ResourceRequest): Resolved | DeploymentError {
    const { state, input } = this;
    const match = {
      type: request.type,
      class: request.class,
      res_id: request.id,
      app_id: input.appId,
      env_id: input.envId,
      env_type: input.envType,
    };
    const found = matchWith(this.index, match, false).winner;
    if (!found) {
      const fallback = IMPLICIT_DEFAULTS[request.type];
      if (request.source === 'implicit' && fallback)
        return {
          def_id: `default-${request.type}`,
          def_version_id: '',
          criteria_id: '',
          criteria: ruleText(undefined),
          driver_type: fallback.driver_type,
          values: fallback.values(input),
          secrets: {},
          secretKeys: [],
          provision: {},
        };
      return noMatchingDefinitionError(matchWith(this.index, match, true));
    }
    const def = requireDef(state, input.orgId, found.def_id);
    // An active resource pinned to a version of the definition that matched keeps that version.
    const pinned =
      state.orgs[input.orgId].resourceDefs?.active[
        activeResourceKey({
          app_id: input.appId,
          env_id: input.envId,
          type: request.type,
          class: request.class,
          res_id: request.id,
        })
      ];
    const version =
      (pinned?.def_id === def.id &&
        pinned.target_def_version_id &&
        def.versions.find((v) => v.id === pinned.target_def_version_id)) ||
      activeVersion(def);
    return {
      def_id: def.id,
      def_version_id: version.id,
      criteria_id: found.criteria.id,
      criteria: ruleText(found.criteria as unknown as Record<string, unknown>),
      driver_type: version.driver_type,
      ...(version.driver_account !== undefined
        ? { driver_account: version.driver_account }
        : {}),
      values: version.values,
      secrets: versionSecrets(state, input.orgId, version),
      secretKeys: version.secretKeys,
      provision: version.provision,
    };
  }

  /** Provisions a resource (and its `provision` dependencies); its guresid. */
  provision(request: ResourceRequest, depth = 0): string {
    const { input } = this;
    const guresid = guresidOf(input, request.type, request.class, request.id);
    if (this.byGuresid.has(guresid) || this.failed.has(guresid)) return guresid;
    const resolved = this.resolve(request);
    const record: ProvisionedRecord = {
      res_id: request.id,
      type: request.type,
      class: request.class,
      status: 'failed',
      log: [],
    };
    this.outcome.records.push(record);
    if (!('def_id' in resolved)) {
      record.log.push(`Error: ${resolved.message}`);
      this.outcome.errors.push(resolved);
      this.failed.add(guresid);
      return guresid;
    }
    Object.assign(record, {
      def_id: resolved.def_id,
      def_version_id: resolved.def_version_id,
      criteria_id: resolved.criteria_id,
      driver_type: resolved.driver_type,
    });
    record.log.push(
      `Matched resource definition ${resolved.def_id}${resolved.def_version_id ? ` (version ${resolved.def_version_id})` : ''} through ${resolved.criteria}`,
    );

    // Dependencies it needs first (`provision` entries not marked is_dependent), then itself, then its dependents.
    const before: [string, string][] = [];
    const after: ResourceRequest[] = [];
    for (const key of Object.keys(resolved.provision).sort()) {
      const dep = parseProvisionKey(key, request);
      if (!dep) continue;
      const entry = resolved.provision[key];
      const child: ResourceRequest = {
        ...dep,
        resource: entry.params ?? {},
        source: request.source,
      };
      if (depth >= MAX_DEPTH) {
        record.log.push(
          `Skipped ${key}: provision dependencies nest deeper than ${MAX_DEPTH}`,
        );
        continue;
      }
      if (entry.is_dependent) after.push(child);
      else before.push([key, this.provision(child, depth + 1)]);
    }
    // Resources the definition's inputs reference (${resources['agent.default#agent'].outputs.url}) come first too.
    for (const ref of resourceReferences(resolved.values)) {
      if (before.some(([key]) => key === ref.key) || depth >= MAX_DEPTH)
        continue;
      const child: ResourceRequest = {
        id: ref.id ?? request.id,
        type: ref.type,
        class: ref.class,
        resource: {},
        source: request.source,
      };
      before.push([ref.key, this.provision(child, depth + 1)]);
    }
    const dependencies: Record<string, DriverOutputs> = {};
    for (const [key, id] of before) {
      const outputs = this.runOutputs.get(id);
      if (outputs) dependencies[key] = outputs;
    }
    const blocked = before.filter(([, id]) => this.failed.has(id));
    if (blocked.length > 0) {
      record.status = 'skipped';
      record.log.push(
        `Not provisioned: ${blocked.map(([key]) => key).join(', ')} failed first`,
      );
      this.failed.add(guresid);
      return guresid;
    }
    const unreachable = input.inCluster
      ? undefined
      : privateDriverTarget(this.state, input.orgId, resolved.driver_type);
    if (unreachable !== undefined) {
      const message = `Driver \`${resolved.driver_type}\` is at a private URL (${unreachable}) that the Platform Orchestrator cannot reach: in the direct mode drivers are called from outside the cluster. Deploy through the Humanitec Operator (a k8s-cluster definition with \`deployment_mode: operator\` or \`gitops\`, where the driver runs in the cluster), or expose the driver at a public URL.`;
      record.log.push(`Error: ${message}`);
      this.failed.add(guresid);
      this.outcome.errors.push({
        ...driverError(request, resolved, message),
        code: DRIVER_UNREACHABLE_CODE,
      });
      return guresid;
    }
    const context = {
      org: { id: input.orgId },
      app: { id: input.appId },
      env: { id: input.envId, type: input.envType },
      res: { id: request.id, type: request.type, class: request.class },
    };
    // The definition's inputs (their ${context.*} and ${resources…} placeholders filled), with the
    // resource's params taking precedence for the keys they name.
    const values: JsonObject = {
      ...fillResourceReferences(
        fillContextPlaceholders(resolved.values, context),
        Object.fromEntries(
          Object.entries(dependencies).map(([key, out]) => [key, out.values]),
        ),
      ),
      ...request.resource,
    };
    // A cluster behind a Humanitec Agent is reached only while the agent is connected (agents/reach.ts).
    if (resolved.driver_type === AGENT_DRIVER) {
      record.agent_id = String(values.id);
      const refused = agentUnreachable(
        this.state,
        input.orgId,
        String(values.id),
        Date.parse(input.at),
        request.id,
      );
      if (refused) {
        record.log.push(`Error: ${refused.message}`);
        this.failed.add(guresid);
        this.outcome.errors.push(refused);
        return guresid;
      }
    }
    const result = runDriver(this.state, input.orgId, resolved.driver_type, {
      inputs: {
        values,
        secrets: fillContextPlaceholders(resolved.secrets, context),
      },
      context,
      dependencies,
    });
    record.log.push(...result.log);
    if (!result.ok) {
      this.failed.add(guresid);
      this.outcome.errors.push(driverError(request, resolved, result.message));
      return guresid;
    }
    record.status = 'succeeded';
    this.runOutputs.set(guresid, result.outputs);
    this.outcome.outputs[request.id] = result.outputs.values;
    const node: GraphNodeRecord = {
      id: request.id,
      type: request.type,
      class: request.class,
      guresid,
      def_id: resolved.def_id,
      def_version_id: resolved.def_version_id,
      criteria_id: resolved.criteria_id,
      driver_type: resolved.driver_type,
      ...(resolved.driver_account !== undefined
        ? { driver_account: resolved.driver_account }
        : {}),
      driver: {
        values: resolved.values,
        secrets: Object.fromEntries(
          resolved.secretKeys.map((key) => [key, '(secret)']),
        ),
      },
      resource: result.outputs.values,
      resource_schema:
        findResourceType(this.state, input.orgId, request.type)
          ?.outputs_schema ?? {},
      depends_on: before.map(([, id]) => id),
      in_place_driver_change: false,
    };
    this.byGuresid.set(guresid, node);
    this.outcome.nodes.push(node);
    this.outcome.active.push({
      org_id: input.orgId,
      app_id: input.appId,
      env_id: input.envId,
      env_type: input.envType,
      res_id: request.id,
      type: request.type,
      class: request.class,
      def_id: resolved.def_id,
      def_version_id: resolved.def_version_id,
      ...(resolved.criteria_id ? { criteria_id: resolved.criteria_id } : {}),
      driver_type: resolved.driver_type,
      ...(resolved.driver_account !== undefined
        ? { driver_account: resolved.driver_account }
        : {}),
      status: 'active',
      resource: result.outputs.values,
      secret_refs: Object.fromEntries(
        Object.keys(result.outputs.secrets)
          .sort()
          .map((key) => [
            key,
            {
              store: 'humanitec',
              ref: `orgs/${input.orgId}/resources/${guresid}/${key}`,
              version: '1',
            },
          ]),
      ),
      updated_at: input.at,
      deploy_id: input.deployId,
      gu_res_id: guresid,
      scheduled_deletion: false,
    });
    for (const child of after) {
      const id = this.provision(child, depth + 1);
      const childNode = this.byGuresid.get(id);
      if (childNode && !childNode.depends_on.includes(guresid))
        childNode.depends_on.push(guresid);
    }
    return guresid;
  }

  /** Records that the node `from` needs `to` (the namespace needs its cluster). */
  link(from: string | undefined, to: string | undefined) {
    const node = from ? this.byGuresid.get(from) : undefined;
    if (node && to && this.byGuresid.has(to) && !node.depends_on.includes(to))
      node.depends_on.push(to);
  }

  /** A workload's node: it needs the namespace and each resource it uses. */
  workload(id: string, needs: string[]) {
    const { input } = this;
    const guresid = guresidOf(input, 'workload', DEFAULT_RESOURCE_CLASS, id);
    this.outcome.nodes.push({
      id,
      type: 'workload',
      class: DEFAULT_RESOURCE_CLASS,
      guresid,
      def_id: 'default-workload',
      def_version_id: '',
      criteria_id: '',
      driver_type: 'humanitec/template',
      driver: {},
      resource: {},
      resource_schema: {},
      depends_on: needs.filter((need) => this.byGuresid.has(need)),
      in_place_driver_change: false,
    });
  }
}

/**
 * A `provision` key (`dns`, `aws-policy.large`, `dns#api-dns`) as the
 * resource it asks for: its type, class and id (the parent's id when it names
 * none); undefined when it names no type.
 */
function parseProvisionKey(
  key: string,
  parent: ResourceRequest,
): Pick<ResourceRequest, 'id' | 'type' | 'class'> | undefined {
  const [typeAndClass, id] = key.split('#', 2);
  const [type, cls] = typeAndClass.split('.', 2);
  if (!type) return undefined;
  return {
    type,
    class: cls || DEFAULT_RESOURCE_CLASS,
    id: id || parent.id,
  };
}

function driverError(
  request: ResourceRequest,
  resolved: Resolved,
  message: string,
): DeploymentError {
  const version = resolved.def_version_id
    ? `version \`${resolved.def_version_id}\`, `
    : '';
  return {
    scope: 'resource',
    object_id: request.id,
    code: DRIVER_FAILED_CODE,
    summary: 'Resource provisioning failed',
    message: `Resource "${request.id}" (type ${request.type}, class ${request.class}): ${message} It matched resource definition \`${resolved.def_id}\` (${version}driver \`${resolved.driver_type}\`) through ${resolved.criteria}. Fix the definition's driver inputs or the resource's params, then deploy again.`,
    error_type: 'ResourceProvisioningError',
  };
}

/** The ids of the resources a workload's content names as `${shared.NAME…}`. */
function sharedReferences(module: unknown): string[] {
  const names = new Set<string>();
  for (const match of canonicalJson(module as Json).matchAll(
    /\$\{shared\.([A-Za-z0-9_-]+)/g,
  ))
    names.add(match[1]);
  return [...names].sort().map((name) => `shared.${name}`);
}

/** Matches and provisions every resource `input.set` asks for; writes nothing. */
export function provisionSet(
  state: StateV1,
  input: ProvisionInput,
): ProvisionOutcome {
  const provisioner = new Provisioner(state, input);
  const ids = new Map<string, string>();
  for (const request of input.requests ?? resourceRequests(input.set))
    ids.set(request.id, provisioner.provision(request));
  provisioner.link(ids.get('k8s-namespace'), ids.get('k8s-cluster'));
  const namespace = ids.get('k8s-namespace');
  for (const workload of Object.keys(input.set.modules).sort()) {
    const module = input.set.modules[workload];
    const needs = [
      ...(namespace ? [namespace] : []),
      ...Object.keys(module.externals ?? {})
        .sort()
        .map((name) => ids.get(`modules.${workload}.externals.${name}`)),
      ...sharedReferences(module).map((id) => ids.get(id)),
      ...ingressReferences(workload, module).map((id) => ids.get(id)),
    ].filter(
      (id, i, all): id is string => id !== undefined && all.indexOf(id) === i,
    );
    provisioner.workload(workload, needs);
  }
  const outcome = provisioner.outcome;
  if (!input.requests) {
    const filled = fillPlaceholders({
      ...input,
      outputs: outcome.outputs,
      secretRefs: Object.fromEntries(
        outcome.active.map((resource) => [
          resource.res_id,
          Object.fromEntries(
            Object.entries(resource.secret_refs).map(([key, ref]) => [
              key,
              isJsonObject(ref) ? String(ref.ref) : String(ref),
            ]),
          ),
        ]),
      ),
      failed: new Set(
        outcome.records
          .filter((record) => record.status !== 'succeeded')
          .map((record) => record.res_id),
      ),
    });
    outcome.placeholders = filled.fields;
    outcome.errors.push(...filled.errors);
  }
  return outcome;
}

/** The id of a graph of nodes: its content address (equal nodes, equal id). */
export function graphIdOf(nodes: GraphNodeRecord[]): string {
  return toHex(sha256Text(canonicalJson(nodes as unknown as Json))).slice(
    0,
    40,
  );
}
