/**
 * A Score file (score.dev/v1b1) and its Humanitec extensions to a deployment set holding one workload, as
 * score-humanitec's convert.go maps it, in this engine's workload vocabulary (the built-in
 * `humanitec/default-module` profile): `metadata.name` is the workload id; each container keeps image,
 * command, args, variables, files (`value`, `mode`), volumes (`volume_mounts`), probes (`http` or
 * `command` checks) and resources (`requests`, `limits`); service ports become `service.ports` (`port`,
 * `container_port`, `protocol`); resources become private `externals` or `shared` resources (resources.ts)
 * and placeholders follow them (placeholders.ts). The extensions' `spec` fills what the file leaves unset,
 * their `profile` and `deploy` are the workload's.
 */
import { cloneJson, isJsonObject } from '../core/canonical';
import type { Json, JsonObject, Module, ResourceRef } from '../core/model/spec';
import {
  assertNotReserved,
  ID_PATTERN,
  invalid,
  parseModule,
  parseShared,
} from '../core/validate';
import { parseScoreRequest, type ScoreRequest } from './body';
import {
  escapePlaceholders,
  substitute,
  substituteAll,
  type PlaceholderContext,
} from './placeholders';
import { classifyResource, type ScoreResource } from './resources';
import { assertValidScore } from './validate';

/** The profile a Score workload gets unless its extensions name another. */
export const SCORE_DEFAULT_PROFILE = 'humanitec/default-module';

/** `T` as a plain object type (which, unlike an interface, fits the spec's free-form objects). */
type Plain<T> = { [K in keyof T]: T[K] };

/** The answer of `convertScoreToSet` (the spec's WorkloadArtefactVersionDeploymentSet). */
export interface ScoreSet {
  modules: Record<string, Plain<Module>>;
  shared: Record<string, Plain<ResourceRef>>;
}

/** Converts a ConvertScoreToSetBody; throws `invalid` naming the field for anything it cannot convert. */
export function convertScore(input: unknown): ScoreSet {
  const request = parseScoreRequest(input);
  assertValidScore(request.spec);
  const spec = request.spec;
  const metadata = spec.metadata as JsonObject;
  const workloadId = workloadIdOf(metadata);
  const declared = (
    isJsonObject(spec.resources) ? spec.resources : {}
  ) as JsonObject;
  const resources: Record<string, ScoreResource> = {};
  for (const name of Object.keys(declared).sort())
    resources[name] = classifyResource(
      name,
      declared[name] as JsonObject,
      request.resourceTypeAliases,
      request.extensions,
    );
  const ctx: PlaceholderContext = { metadata, resources };

  const workloadSpec: JsonObject = {
    containers: containersOf(spec.containers as JsonObject, request, ctx),
  };
  if (isJsonObject(metadata.annotations))
    workloadSpec.annotations = cloneJson(metadata.annotations);
  const ports = portsOf(spec.service);
  if (ports) workloadSpec.service = { ports };
  if (request.extensions.spec)
    fillMissing(
      workloadSpec,
      substituteAll(
        request.extensions.spec,
        ctx,
        'extensions.spec',
      ) as JsonObject,
    );

  const externals: Record<string, ResourceRef> = {};
  const shared: Record<string, ResourceRef> = {};
  for (const [name, resource] of Object.entries(resources)) {
    if (resource.kind !== 'externals' && resource.kind !== 'shared') continue;
    const params = (declared[name] as JsonObject).params;
    const ref: ResourceRef = { ...resource.ref };
    if (isJsonObject(params) && Object.keys(params).length > 0)
      ref.params = substituteAll(
        params,
        ctx,
        `spec.resources.${name}.params`,
      ) as JsonObject;
    (resource.kind === 'externals' ? externals : shared)[resource.name] = ref;
  }

  const module = parseModule(
    {
      profile: request.extensions.profile ?? SCORE_DEFAULT_PROFILE,
      spec: workloadSpec,
      externals: externals as unknown as JsonObject,
      ...(request.extensions.deploy
        ? { deploy: request.extensions.deploy }
        : {}),
    },
    workloadId,
    false,
  );
  return {
    modules: { [workloadId]: module },
    shared: parseShared(shared as unknown as JsonObject),
  };
}

/** `metadata.name`, which must also be a Humanitec workload id (Score allows longer names). */
function workloadIdOf(metadata: JsonObject): string {
  const name = metadata.name;
  if (typeof name !== 'string' || !ID_PATTERN.test(name) || name.length > 50)
    invalid(
      `\`spec.metadata.name\` is the workload id, so it must be 1 to 50 lowercase letters, digits and single dashes (e.g. \`my-app-1\`); got ${JSON.stringify(name)}.`,
      { field: 'spec.metadata.name' },
    );
  return assertNotReserved(
    'The workload id (`spec.metadata.name`)',
    name as string,
  );
}

function containersOf(
  containers: JsonObject,
  request: ScoreRequest,
  ctx: PlaceholderContext,
): JsonObject {
  const out: JsonObject = {};
  for (const name of Object.keys(containers).sort())
    out[name] = containerOf(name, containers[name] as JsonObject, request, ctx);
  return out;
}

function containerOf(
  name: string,
  container: JsonObject,
  request: ScoreRequest,
  ctx: PlaceholderContext,
): JsonObject {
  const at = `spec.containers.${name}`;
  const out: JsonObject = {
    id: name,
    image: imageOf(container.image as string, request, at),
  };
  for (const key of ['command', 'args'] as const)
    if (Array.isArray(container[key]) && (container[key] as Json[]).length > 0)
      out[key] = cloneJson(container[key] as Json[]);
  if (
    isJsonObject(container.variables) &&
    Object.keys(container.variables).length > 0
  )
    out.variables = Object.fromEntries(
      Object.entries(container.variables).map(([key, value]) => [
        key,
        substitute(String(value), ctx, `${at}.variables.${key}`),
      ]),
    );
  const files = filesOf(container.files, ctx, at);
  if (files) out.files = files;
  const volumes = volumesOf(container.volumes, ctx, at);
  if (volumes) out.volume_mounts = volumes;
  const resources = resourcesOf(container.resources);
  if (resources) out.resources = resources;
  for (const [from, to] of [
    ['livenessProbe', 'liveness_probe'],
    ['readinessProbe', 'readiness_probe'],
  ] as const) {
    const probe = probeOf(container[from]);
    if (probe) out[to] = probe;
  }
  return out;
}

/** The container's image; `.` (the image built with the workload) takes the request's `image`. */
function imageOf(image: string, request: ScoreRequest, at: string): string {
  if (image !== '.') return image;
  if (request.image) return request.image;
  return invalid(
    `\`${at}.image\` is "." (the image built with the workload): send the image to run in \`image\` (the CLI's --image).`,
    { field: `${at}.image` },
  );
}

/** Score's files (a map by target path, or the deprecated list) as `{ <path>: { value, mode? } }`. */
function filesOf(
  files: Json | undefined,
  ctx: PlaceholderContext,
  at: string,
): JsonObject | undefined {
  const entries = mountEntries(files);
  if (entries.length === 0) return undefined;
  const out: JsonObject = {};
  for (const [target, file] of entries) {
    const field = `${at}.files.${target}`;
    const mount: JsonObject = {};
    if (typeof file.content === 'string' || Array.isArray(file.content)) {
      // The deprecated list of lines is joined with newlines, as score-humanitec did.
      const text = Array.isArray(file.content)
        ? file.content.map(String).join('\n')
        : file.content;
      mount.value =
        file.noExpand === true
          ? escapePlaceholders(text)
          : substitute(text, ctx, field);
    } else if (typeof file.binaryContent === 'string') {
      mount.value = file.binaryContent;
      mount.encoding = 'base64';
    } else {
      invalid(
        `\`${field}.source\` names a local file (${JSON.stringify(file.source ?? '')}) the API cannot read: put its text in \`content\` (the CLI's score deploy inlines it).`,
        { field: `${field}.source` },
      );
    }
    if (file.mode !== undefined) mount.mode = modeOf(String(file.mode));
    out[target] = mount;
  }
  return out;
}

/** An octal mode with its leading 0 (`644` → `0644`). */
function modeOf(mode: string): string {
  return /^[0-7]{3}$/.test(mode) ? `0${mode}` : mode;
}

/** Score's volumes (a map by target path, or the deprecated list) as `volume_mounts`. */
function volumesOf(
  volumes: Json | undefined,
  ctx: PlaceholderContext,
  at: string,
): JsonObject | undefined {
  const entries = mountEntries(volumes);
  if (entries.length === 0) return undefined;
  const out: JsonObject = {};
  for (const [target, volume] of entries)
    out[target] = {
      id: substitute(
        String(volume.source),
        ctx,
        `${at}.volumes.${target}.source`,
      ),
      ...(typeof volume.path === 'string' ? { sub_path: volume.path } : {}),
      read_only: volume.readOnly === true,
    };
  return out;
}

function mountEntries(value: Json | undefined): [string, JsonObject][] {
  if (Array.isArray(value))
    return value
      .filter(isJsonObject)
      .map((item) => [String((item as JsonObject).target), item as JsonObject]);
  if (isJsonObject(value))
    return Object.entries(value).map(([target, item]) => [
      target,
      item as JsonObject,
    ]);
  return [];
}

function resourcesOf(value: Json | undefined): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const out: JsonObject = {};
  for (const part of ['requests', 'limits'] as const) {
    const given = value[part];
    if (!isJsonObject(given)) continue;
    const amounts: JsonObject = {};
    for (const key of ['cpu', 'memory'] as const)
      if (given[key] !== undefined && given[key] !== null)
        amounts[key] = String(given[key]);
    if (Object.keys(amounts).length > 0) out[part] = amounts;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** An HTTP GET probe as an `http` check (with its headers), else an exec probe as a `command` check. */
function probeOf(value: Json | undefined): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const http = value.httpGet;
  if (isJsonObject(http) && typeof http.path === 'string') {
    const probe: JsonObject = {
      type: 'http',
      path: http.path,
      port: http.port ?? null,
    };
    if (Array.isArray(http.httpHeaders) && http.httpHeaders.length > 0)
      probe.headers = Object.fromEntries(
        http.httpHeaders
          .filter(isJsonObject)
          .map((h) => [
            String((h as JsonObject).name),
            String((h as JsonObject).value),
          ]),
      );
    return probe;
  }
  const exec = value.exec;
  if (isJsonObject(exec) && Array.isArray(exec.command))
    return { type: 'command', command: cloneJson(exec.command) };
  return undefined;
}

function portsOf(service: Json | undefined): JsonObject | undefined {
  if (!isJsonObject(service) || !isJsonObject(service.ports)) return undefined;
  const out: JsonObject = {};
  for (const name of Object.keys(service.ports).sort()) {
    const port = service.ports[name] as JsonObject;
    out[name] = {
      port: port.port ?? port.targetPort ?? null,
      container_port: port.targetPort ?? port.port ?? null,
      protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP',
    };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Adds what `extra` has and `target` lacks, recursively (the file wins, as mergo.Merge without override). */
function fillMissing(target: JsonObject, extra: JsonObject): void {
  for (const [key, value] of Object.entries(extra)) {
    const current = target[key];
    if (current === undefined) target[key] = value;
    else if (isJsonObject(current) && isJsonObject(value))
      fillMissing(current, value);
  }
}
