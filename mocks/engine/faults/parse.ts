/**
 * Small readers of workload content used by the fault rules: free-form JSON
 * access, container variables, image references and memory quantities.
 */
import { isJsonObject } from '../core/canonical';
import type { Json, JsonObject } from '../core/model/spec';
import { quantity } from '../../../src/lib/json-schema/rules';

/** The object at `value[key]`, or an empty object. */
export function objectAt(value: Json | undefined, key: string): JsonObject {
  const v = isObject(value) ? value[key] : undefined;
  return isObject(v) ? v : {};
}

/** Whether a JSON value is a (non-array) object. */
export const isObject: (value: Json | undefined) => value is JsonObject =
  isJsonObject;

/** A container's scalar variables (strings, numbers, booleans) as strings. */
export function containerVariables(
  container: JsonObject,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(objectAt(container, 'variables'))) {
    if (value !== null && typeof value !== 'object') out[key] = String(value);
  }
  return out;
}

/** Splits an image reference into registry host (if any), repository and tag (if any). */
export function parseImage(image: string): {
  host?: string;
  repository: string;
  tag?: string;
} {
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.indexOf('/');
  const first = slash < 0 ? '' : withoutDigest.slice(0, slash);
  const isHost =
    first.includes('.') || first.includes(':') || first === 'localhost';
  const rest = isHost ? withoutDigest.slice(slash + 1) : withoutDigest;
  const colon = rest.lastIndexOf(':');
  const tagged = colon > rest.lastIndexOf('/');
  return {
    host: isHost ? first.split(':')[0] : undefined,
    repository: tagged ? rest.slice(0, colon) : rest,
    tag: tagged ? rest.slice(colon + 1) : undefined,
  };
}

const BINARY_UNITS = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** Parses a Kubernetes memory quantity (`512Mi`, `1G`, `1048576`) to bytes; undefined if malformed (the rules' parser). */
export function parseMemory(text: string | undefined): number | undefined {
  return quantity(text, 'memory');
}

/** A byte count as a Kubernetes quantity in the largest whole binary unit (e.g. `512Mi`). */
export function formatMemory(bytes: number): string {
  for (const unit of ['Ti', 'Gi', 'Mi', 'Ki'] as const) {
    const size = BINARY_UNITS[unit];
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}
