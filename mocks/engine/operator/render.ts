/**
 * Rendering a deployment as the Humanitec Operator's resources: pure and
 * deterministic (the same input gives the same bytes), objects sorted by kind
 * (Namespace, ResourceDefinition, Resource, Workload) then name, one YAML
 * document each, every object labelled with the app and environment and
 * annotated with the organisation. Secret values never appear: a definition's
 * secret inputs are references (`secretRefs: {KEY: {store, ref}}`) into the
 * environment's secret store, and a workload's secret fields are already
 * `${secrets.KEY}` references in its set.
 *
 * An object is its desired state and nothing else: no label or annotation
 * names the deployment or the set that wrote it. Were one to (a deployment id
 * stamped into every object), every deployment would rewrite every file of
 * the environment's GitOps folder and every object in the cluster, and a
 * reviewer would look for the one real change among a commit's "13 files
 * changed"; GitOps tools keep such stamps out of git for that reason (Argo
 * CD's tracking annotation and Flux's labels are set by the controller, in
 * the cluster). So an object is rewritten exactly when what it asks for
 * changes, and the deployment is named by what there is one of per
 * deployment: the export's file name, the commit's `Deployment: <id>` and
 * `Deployment-Set: <set id>` trailers (ops.ts) and the Operator's
 * reconciliation record.
 */
import { stringify } from 'yaml';
import type { JsonObject, Module } from '../core/model/spec';

export const OPERATOR_API_VERSION = 'humanitec.io/v1alpha1';
/** Label keys, Kubernetes-style (prefix/name): what an object belongs to, the same in every deployment. */
export const LABELS = {
  app: 'humanitec.io/app',
  env: 'humanitec.io/env',
} as const;
/** The annotation naming the organisation. */
export const ORG_ANNOTATION = 'humanitec.io/org';

/** A resource the deployment provisioned, as the export needs it. */
export interface RenderResource {
  res_id: string;
  type: string;
  class: string;
  def_id: string;
  driver_type: string;
  /** The definition version's non-secret inputs (the resource's params override them). */
  values: JsonObject;
  /** The top-level keys of its secret inputs. */
  secretKeys: string[];
  /** Where the secret inputs are kept in the store. */
  secretPath: string;
}

/** A definition the export carries. */
export interface RenderDefinition {
  id: string;
  version_id: string;
  type: string;
  driver_type: string;
  values: JsonObject;
  secretKeys: string[];
  secretPath: string;
  criteria: JsonObject[];
}

/** Everything {@link renderExport} needs. */
export interface RenderInput {
  orgId: string;
  appId: string;
  envId: string;
  /**
   * The deployment and its set. They name the export (its file, the commit),
   * never the objects: see the top of this file.
   */
  deployId: string;
  setId: string;
  namespace: string;
  secretStore: string;
  modules: Record<string, Module>;
  /** Replicas per workload the environment sets (default 1). */
  replicas: Record<string, number>;
  resources: RenderResource[];
  definitions: RenderDefinition[];
}

/** One Kubernetes object. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec?: JsonObject;
}

const KIND_ORDER = ['Namespace', 'ResourceDefinition', 'Resource', 'Workload'];

/** A Kubernetes label value of an id: at most 63 characters, alphanumeric at both ends. */
export function labelValue(id: string): string {
  return id
    .slice(0, 63)
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/** An object name of an id: lowercase, dots and hyphens only (a DNS-1123 subdomain when the id allows it). */
export function objectName(id: string): string {
  return id.toLowerCase().replace(/_/g, '-');
}

function secretRefs(
  keys: string[],
  store: string,
  path: string,
): JsonObject | undefined {
  if (keys.length === 0) return undefined;
  return Object.fromEntries(
    [...keys].sort().map((key) => [key, { store, ref: `${path}/${key}` }]),
  );
}

function driverInputs(
  values: JsonObject,
  keys: string[],
  store: string,
  path: string,
): JsonObject {
  const refs = secretRefs(keys, store, path);
  return { values, ...(refs ? { secretRefs: refs } : {}) };
}

/** The objects of a deployment, sorted by kind then name. */
export function renderManifests(input: RenderInput): Manifest[] {
  // Only what stays the same from one deployment to the next (see the top of this file).
  const labels = {
    [LABELS.app]: labelValue(input.appId),
    [LABELS.env]: labelValue(input.envId),
  };
  const annotations = { [ORG_ANNOTATION]: input.orgId };
  const meta = (name: string, namespaced = true) => ({
    name,
    ...(namespaced ? { namespace: input.namespace } : {}),
    labels: { ...labels },
    annotations: { ...annotations },
  });
  const out: Manifest[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta(input.namespace, false),
    },
  ];
  for (const def of input.definitions)
    out.push({
      apiVersion: OPERATOR_API_VERSION,
      kind: 'ResourceDefinition',
      metadata: meta(objectName(def.id)),
      spec: {
        type: def.type,
        driverType: def.driver_type,
        driverInputs: driverInputs(
          def.values,
          def.secretKeys,
          input.secretStore,
          def.secretPath,
        ),
        criteria: def.criteria,
      },
    });
  for (const res of input.resources)
    out.push({
      apiVersion: OPERATOR_API_VERSION,
      kind: 'Resource',
      metadata: meta(objectName(`${res.type}.${res.res_id}`)),
      spec: {
        id: res.res_id,
        type: res.type,
        class: res.class,
        definition: res.def_id,
        driverType: res.driver_type,
        driverInputs: driverInputs(
          res.values,
          res.secretKeys,
          input.secretStore,
          res.secretPath,
        ),
      },
    });
  for (const id of Object.keys(input.modules)) {
    const module = input.modules[id];
    out.push({
      apiVersion: OPERATOR_API_VERSION,
      kind: 'Workload',
      metadata: meta(objectName(id)),
      spec: {
        id,
        profile: module.profile,
        replicas: input.replicas[id] ?? 1,
        ...module.spec,
        externals: module.externals as unknown as JsonObject,
      },
    });
  }
  return out.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.metadata.name < b.metadata.name
        ? -1
        : a.metadata.name > b.metadata.name
          ? 1
          : 0),
  );
}

/** The file name of an object in the repository folder (and in the stream's order). */
export function manifestFile(m: Manifest): string {
  return `${m.kind.toLowerCase()}-${m.metadata.name}.yaml`;
}

/** One object as a YAML document (keys sorted, so equal objects give equal text). */
export function manifestYaml(m: Manifest): string {
  return stringify(m, { sortMapEntries: true, lineWidth: 0 });
}

/** Objects as one YAML stream, a document each. */
export function toYamlStream(manifests: readonly Manifest[]): string {
  return manifests.map((m) => `---\n${manifestYaml(m)}`).join('');
}
