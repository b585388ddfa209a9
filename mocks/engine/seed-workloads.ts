/**
 * Builders for the demo organisation's workloads: realistic Humanitec-style
 * module specs (containers with images, variables, resources, probes; a
 * service with ports; ingress through the shared `dns` resource).
 */
import type { JsonObject, Module, PatchOp, ResourceRef } from './model';

/** The demo organisation's container registry. */
export const REGISTRY = 'registry.acme.dev';

/** An image reference in the demo registry, e.g. `registry.acme.dev/shop/api:1.4.2`. */
export function image(app: string, name: string, tag: string): string {
  return `${REGISTRY}/${app}/${name}:${tag}`;
}

/** Options of {@link container}. */
export interface ContainerOptions {
  variables?: Record<string, string>;
  /** CPU request and limit, e.g. `['100m', '500m']`. */
  cpu?: [string, string];
  /** Memory request and limit, e.g. `['128Mi', '256Mi']`. */
  memory?: [string, string];
  command?: string[];
  args?: string[];
  /** Port of an HTTP health endpoint `/healthz`. */
  probePort?: number;
}

/** A container spec (the `humanitec/containers` feature). */
export function container(
  id: string,
  imageRef: string,
  options: ContainerOptions = {},
): JsonObject {
  const [cpuRequest, cpuLimit] = options.cpu ?? ['100m', '500m'];
  const [memRequest, memLimit] = options.memory ?? ['128Mi', '256Mi'];
  const spec: JsonObject = {
    id,
    image: imageRef,
    variables: options.variables ?? {},
    resources: {
      requests: { cpu: cpuRequest, memory: memRequest },
      limits: { cpu: cpuLimit, memory: memLimit },
    },
  };
  if (options.command) spec.command = options.command;
  if (options.args) spec.args = options.args;
  if (options.probePort !== undefined) {
    const probe = { type: 'http', path: '/healthz', port: options.probePort };
    spec.readiness_probe = probe;
    spec.liveness_probe = { ...probe };
  }
  return spec;
}

/** Options of {@link workload}. */
export interface WorkloadOptions {
  profile?: string;
  replicas?: number;
  /** Container port exposed as service port `http`. */
  port?: number;
  /** Path routed from the shared `dns` resource to `port`. */
  ingressPath?: string;
  externals?: Record<string, ResourceRef>;
  /** Cron schedule of a `humanitec/default-cronjob` workload. */
  schedule?: string;
}

/** A workload (module) with one or more containers. */
export function workload(
  containers: JsonObject[],
  options: WorkloadOptions = {},
): Module {
  const spec: JsonObject = {
    containers: Object.fromEntries(containers.map((c) => [String(c.id), c])),
  };
  if (options.replicas !== undefined) spec.replicas = options.replicas;
  if (options.port !== undefined) {
    spec.service = {
      ports: {
        http: {
          port: options.port,
          container_port: options.port,
          protocol: 'TCP',
        },
      },
    };
  }
  if (options.ingressPath !== undefined && options.port !== undefined) {
    spec.ingress = {
      rules: {
        'shared.dns': {
          http: {
            [options.ingressPath]: { type: 'prefix', port: options.port },
          },
        },
      },
    };
  }
  if (options.schedule !== undefined) {
    spec.schedules = { default: { schedule: options.schedule } };
  }
  return {
    profile: options.profile ?? 'humanitec/default-module',
    spec,
    externals: options.externals ?? {},
  };
}

/** A patch op replacing a container's image. */
export function setImage(containerId: string, imageRef: string): PatchOp {
  return {
    op: 'replace',
    path: `/spec/containers/${containerId}/image`,
    value: imageRef,
  };
}

/** A patch op adding (or overwriting) a container variable. */
export function setVariable(
  containerId: string,
  key: string,
  value: string,
): PatchOp {
  return {
    op: 'add',
    path: `/spec/containers/${containerId}/variables/${key}`,
    value,
  };
}

/** Variables connecting a container to a shared postgres resource and its password secret. */
export function postgresVariables(resource: string): Record<string, string> {
  return {
    DB_HOST: `\${shared.${resource}.host}`,
    DB_PORT: `\${shared.${resource}.port}`,
    DB_NAME: `\${shared.${resource}.name}`,
    DB_USER: `\${shared.${resource}.username}`,
    DB_PASSWORD: '${secrets.db-password}',
  };
}

/** The staging environment of the demo apps. */
export const STAGING = { id: 'staging', name: 'Staging', type: 'staging' };
/** The production environment of the demo apps. */
export const PRODUCTION = {
  id: 'production',
  name: 'Production',
  type: 'production',
};

/** A shared-resource patch op adding `value` at `path`. */
export function addShared(path: string, value: ResourceRef): PatchOp {
  return { op: 'add', path, value: { ...value } };
}

/** The `modules` part of a delta adding workloads. */
export function addWorkloads(added: Record<string, Module>): {
  add: Record<string, Module>;
} {
  return { add: added };
}
