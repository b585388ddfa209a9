/**
 * The documented, deterministic fault rules of the mock engine. Every rule is
 * triggered by plain workload or resource content a person can type in the
 * console, so a demo (or an end-to-end test) can provoke each failure on
 * purpose. `simulation/runtime.ts` turns container faults into V2 runtime data and
 * `planDeploy` turns the deploy-time rules into deployment errors.
 */
import {
  containerVariables,
  formatMemory,
  isObject,
  objectAt,
  parseImage,
  parseMemory,
} from './parse';
import type {
  DeploymentError,
  DeploymentSet,
  FaultRule,
  Json,
  JsonObject,
  ResourceRef,
} from '../core/model/spec';

/** Ids of the fault rules in {@link FAULT_RULES}. */
export type FaultRuleId =
  | 'image-pull'
  | 'config-error'
  | 'crash-loop'
  | 'oom'
  | 'degraded'
  | 'resource-params'
  | 'unknown-profile'
  | 'unresolved-resource'
  | 'no-matching-definition'
  | 'unfilled-placeholder'
  | 'agent-disconnected'
  | 'missing-value';

/** Memory a container needs when it sets no `MEMORY_NEEDED` variable: 64Mi. */
export const DEFAULT_MEMORY_NEEDED_BYTES = 64 * 1024 ** 2;

/** The fault rules, in the order they are checked; README and the demo panel show this table. */
export const FAULT_RULES: (FaultRule & { id: FaultRuleId })[] = [
  {
    id: 'image-pull',
    trigger:
      'A container image whose tag is `missing` or `doesnotexist` or ends with `-missing` (e.g. `registry.acme.dev/shop/api:1.5.0-missing`), or any image on the registry host `invalid.example`. An empty image gives `InvalidImageName`.',
    effect:
      'Container waiting with reason `ImagePullBackOff` (`Back-off pulling image "<image>": manifest unknown`; for `invalid.example`: `…: dial tcp: lookup invalid.example: no such host`), restart_count 0, pod phase Pending / status Failure; workload Failed / Failure.',
  },
  {
    id: 'config-error',
    trigger:
      'A container variable referencing a secret whose name starts with `missing`, e.g. `${secrets.missing-api-key}`. Other `${secrets.<name>}` references (e.g. `${secrets.db-password}`) exist.',
    effect:
      'Container waiting with reason `CreateContainerConfigError` (`secret "<name>" not found`), pod phase Pending / status Failure; workload Failed / Failure.',
  },
  {
    id: 'crash-loop',
    trigger:
      'A container whose `command` or `args` contains `exit 1`, or with the variable `CRASH=true`.',
    effect:
      'Container waiting with reason `CrashLoopBackOff` (`back-off 40s restarting failed container=<name> pod=<pod>`); `restart_count` grows with time since the deploy (back-off 10 s, 20 s, 40 s … capped at 5 min); pod Running / Failure; workload Failed / Failure.',
  },
  {
    id: 'oom',
    trigger:
      'A container whose `resources.limits.memory` is below what it needs: the variable `MEMORY_NEEDED` (e.g. `512Mi`) if set, else 64Mi. Units Ki/Mi/Gi/Ti and K/M/G/T.',
    effect:
      'Container terminated with reason `OOMKilled`, exit code 137, restarting with the crash-loop back-off; pod Running / Failure; workload Failed / Failure.',
  },
  {
    id: 'degraded',
    trigger:
      'A container with the variable `FLAKY_REPLICAS=<n>`: the first n replicas crash-loop (set `replicas` ≥ 2 and n < replicas).',
    effect:
      'Some pods healthy, some in `CrashLoopBackOff`: workload `Partially Succeeded` / Warning (Failed / Failure if n ≥ replicas).',
  },
  {
    id: 'resource-params',
    trigger:
      "A private (`externals`) or shared resource whose `params` has a key `invalid`, or whose driver refuses its inputs: e.g. a `postgres` resource whose `params.version` (or its definition's `version` input) is not a PostgreSQL major the `humanitec/postgres` driver supports (12 to 16).",
    effect:
      'The deployment fails; one error per resource: scope `resource`, object_id `modules.<id>.externals.<name>` or `shared.<name>`, code `RES-PROV-001`, error_type `ResourceProvisioningError`. The environment keeps running its previous successful deployment.',
  },
  {
    id: 'unknown-profile',
    trigger:
      'A workload whose profile the organisation does not have when the deployment starts: neither a built-in (`humanitec/default-module`, `humanitec/default-job`, `humanitec/default-cronjob`) nor one of its own workload profiles (e.g. `acme/web-service`, or one created in the designer).',
    effect:
      'The deployment fails with an error of scope `workload`, object_id `<workload id>`, code `WL-PROF-001`, error_type `WorkloadProfileNotFound`.',
  },
  {
    id: 'unresolved-resource',
    trigger:
      "A field of a workload's profile with `x-console-widget: resource-ref` that the set cannot resolve when the deployment starts: it names a shared resource (`shared.<name>`, `${shared.<name>.<output>}`) or private resource (`externals.<name>`) the set does not have (e.g. one removed after the workload was saved), or one of a type or class the field does not accept (`x-console-resource-type`, `x-console-resource-class`). Applying a delta that touches the workload is refused (400) for the same reason.",
    effect:
      'The deployment fails with one error per workload: scope `workload`, object_id `<workload id>`, code `WL-RES-001`, error_type `ResourceReferenceError`, naming the field and how to fix it.',
  },
  {
    id: 'no-matching-definition',
    trigger:
      'A resource the deployment needs (shared, private, or an implicit one other than the cluster and namespace, which have orchestrator defaults) of a type and class no resource definition of the organisation matches by its criteria (`res_id`, `env_id`, `env_type`, `app_id`, `class`).',
    effect:
      'The deployment fails; one error per resource: scope `resource`, code `RES-MATCH-001`, error_type `ResourceProvisioningError`, naming the resource, its type and class, and the nearest definitions with the criteria field where each differs.',
  },
  {
    id: 'unfilled-placeholder',
    trigger:
      'A workload field with a placeholder (`${shared.<name>.<output>}`, `${externals.<name>.<output>}`, `${modules.<id>.service.name}`, `${context.…}`) naming a resource the set does not have, or an output the resource’s driver did not give.',
    effect:
      'The deployment fails with one error per workload: scope `workload`, object_id `<workload id>`, code `WL-RES-002`, error_type `PlaceholderResolutionError`, naming each placeholder, its field and the outputs the resource has. (A workload already failing `WL-RES-001` is not reported twice.)',
  },
  {
    id: 'agent-disconnected',
    trigger:
      "An environment whose `k8s-cluster` definition references an `agent` resource (`${resources['agent.default#agent'].outputs.url}`) whose definition (driver `humanitec/agent`) names an agent that is cut off (the Agents page's demo action), silent for more than 90 seconds, or not registered.",
    effect:
      'The deployment fails with one error: scope `resource`, object_id the agent resource (`agent`), code `RES-AGENT-001`, error_type `AgentDisconnectedError`, naming the agent, when it was last seen and what to check; the cluster and everything after it are not provisioned.',
  },
  {
    id: 'missing-value',
    trigger:
      'A workload whose spec or resource params refer to a shared value (`${values.KEY}`) the environment does not define in the value-set version the deployment uses (neither an app value nor an override), or to a secret value whose content was purged or whose secret store is not registered.',
    effect:
      'The deployment fails with one error per workload and kind: scope `workload`, object_id `<workload id>`, code `WL-VAL-001` (error_type `ValueNotFound`) or `WL-VAL-002` (error_type `SecretReferenceError`), naming each reference and the field holding it, never a value.',
  },
];

/** A resource reference of a workload its set cannot resolve (rule `unresolved-resource`). */
export interface UnresolvedReference {
  /** Dotted path from the set, e.g. `modules.worker.spec.queue`. */
  field: string;
  message: string;
}

/** A container fault found by {@link containerFault}; `reason` is the Kubernetes reason. */
export interface ContainerFault {
  rule: 'image-pull' | 'config-error' | 'crash-loop' | 'oom';
  reason:
    | 'ImagePullBackOff'
    | 'InvalidImageName'
    | 'CreateContainerConfigError'
    | 'CrashLoopBackOff'
    | 'OOMKilled';
  /** The Kubernetes-style message (for crash loops the runtime adds the back-off). */
  message: string;
}

function commandLine(container: JsonObject): string {
  return ['command', 'args']
    .flatMap((key) => {
      const value = container[key];
      if (typeof value === 'string') return [value];
      return Array.isArray(value) ? value.map((part) => String(part)) : [];
    })
    .join(' ');
}

function imageFault(image: Json | undefined): ContainerFault | undefined {
  if (typeof image !== 'string' || image.trim() === '') {
    return {
      rule: 'image-pull',
      reason: 'InvalidImageName',
      message: `Failed to apply default image tag "${typeof image === 'string' ? image : ''}": couldn't parse image reference: invalid reference format`,
    };
  }
  const { host, tag } = parseImage(image);
  if (host === 'invalid.example') {
    return {
      rule: 'image-pull',
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "${image}": dial tcp: lookup invalid.example: no such host`,
    };
  }
  if (
    tag === 'missing' ||
    tag === 'doesnotexist' ||
    tag?.endsWith('-missing')
  ) {
    return {
      rule: 'image-pull',
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "${image}": manifest unknown`,
    };
  }
  return undefined;
}

/**
 * The fault a container shows, checked in the kubelet's order: image pull,
 * configuration, then the running process (crash, then out-of-memory).
 * Undefined when the container is healthy. `degraded` is per replica and
 * handled by {@link flakyReplicas}.
 */
export function containerFault(
  container: JsonObject,
): ContainerFault | undefined {
  const image = imageFault(container.image);
  if (image) return image;
  const variables = containerVariables(container);
  for (const value of Object.values(variables)) {
    for (const match of value.matchAll(/\$\{secrets\.([A-Za-z0-9_.-]+)\}/g)) {
      if (match[1].startsWith('missing')) {
        return {
          rule: 'config-error',
          reason: 'CreateContainerConfigError',
          message: `secret "${match[1]}" not found`,
        };
      }
    }
  }
  if (
    /\bexit\s+1\b/.test(commandLine(container)) ||
    variables.CRASH?.trim().toLowerCase() === 'true'
  ) {
    return {
      rule: 'crash-loop',
      reason: 'CrashLoopBackOff',
      message: 'exit code 1',
    };
  }
  const limit = parseMemory(
    String(objectAt(objectAt(container, 'resources'), 'limits').memory ?? ''),
  );
  const need =
    parseMemory(variables.MEMORY_NEEDED) ?? DEFAULT_MEMORY_NEEDED_BYTES;
  if (limit !== undefined && limit < need) {
    return {
      rule: 'oom',
      reason: 'OOMKilled',
      message: `Container exceeded its memory limit of ${formatMemory(limit)} (needs ${formatMemory(need)})`,
    };
  }
  return undefined;
}

/** How many replicas of a workload the container's `FLAKY_REPLICAS` variable makes crash (0 if unset). */
export function flakyReplicas(container: JsonObject): number {
  const n = Number.parseInt(
    containerVariables(container).FLAKY_REPLICAS ?? '',
    10,
  );
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function resourceErrors(objectId: string, ref: ResourceRef): DeploymentError[] {
  const params: JsonObject = isObject(ref?.params) ? ref.params : {};
  const fail = (message: string): DeploymentError => ({
    scope: 'resource',
    object_id: objectId,
    code: 'RES-PROV-001',
    summary: 'Resource provisioning failed',
    message,
    error_type: 'ResourceProvisioningError',
  });
  const errors: DeploymentError[] = [];
  if ('invalid' in params) {
    errors.push(
      fail(
        `Resource "${objectId}" (type ${ref?.type}): parameter "invalid" is not accepted by the resource definition; remove it from params.`,
      ),
    );
  }
  return errors;
}

/**
 * The deploy-time errors of a set (rules `unknown-profile` and
 * `resource-params`), in a stable order: workloads by id (profile first,
 * then their private resources by name), then shared resources by name.
 * `profileExists` says whether the organisation has a profile (by the
 * reference a workload gives, qualified or bare) at the time of the deploy;
 * `unresolved` gives a workload's references the set cannot resolve (rule
 * `unresolved-resource`; none when omitted).
 */
export function deployErrors(
  set: DeploymentSet,
  profileExists: (ref: string) => boolean,
  unresolved: (workloadId: string) => UnresolvedReference[] = () => [],
): DeploymentError[] {
  const errors: DeploymentError[] = [];
  for (const id of Object.keys(set.modules).sort()) {
    const module = set.modules[id];
    const profile = module.profile;
    if (!profileExists(profile)) {
      errors.push({
        scope: 'workload',
        object_id: id,
        code: 'WL-PROF-001',
        summary: 'Workload profile not found',
        message: `Workload "${id}" uses the profile "${profile}", which does not exist in the organisation: create it under Workload profiles, or give the workload a profile the organisation has.`,
        error_type: 'WorkloadProfileNotFound',
      });
    } else {
      const refs = unresolved(id);
      if (refs.length > 0)
        errors.push({
          scope: 'workload',
          object_id: id,
          code: 'WL-RES-001',
          summary: 'Resource reference cannot be resolved',
          message: `Workload "${id}" refers to ${refs.length === 1 ? 'a resource' : `${refs.length} resources`} this environment cannot resolve: ${refs
            .map((r) => `\`${r.field}\` ${r.message}`)
            .join(
              '; ',
            )}. Fix the field in the workload's form, or add the resource to the application.`,
          error_type: 'ResourceReferenceError',
        });
    }
    for (const name of Object.keys(module.externals ?? {}).sort()) {
      errors.push(
        ...resourceErrors(
          `modules.${id}.externals.${name}`,
          module.externals[name],
        ),
      );
    }
  }
  for (const name of Object.keys(set.shared).sort()) {
    errors.push(...resourceErrors(`shared.${name}`, set.shared[name]));
  }
  return errors;
}
