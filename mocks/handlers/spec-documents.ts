/**
 * Node-only access to the OpenAPI documents of the contract, for the code
 * generator and the contract test (never bundled into the browser).
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

/** A parsed OpenAPI document and the `$id` its schemas get in ajv. */
export interface SpecDocument {
  id: 'humanitec' | 'console-extensions';
  file: string;
  doc: OpenApiDocument;
}

/** The parts of an OpenAPI 3.0 document this code reads. */
export interface OpenApiDocument {
  info: Record<string, unknown>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, unknown>>;
}

/** An operation: only the fields the generator and the contract test need. */
export interface OpenApiOperation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, OpenApiResponse | { $ref: string }>;
}

/** A response: its schema per media type (absent when the spec declares no body). */
export interface OpenApiResponse {
  content?: Record<string, { schema?: unknown }>;
}

/** One operation with where it lives. */
export interface SpecOperation {
  spec: SpecDocument;
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The spec's path template, e.g. `/orgs/{orgId}/apps`. */
  path: string;
  operation: OpenApiOperation;
}

const FILES = {
  humanitec: 'src/api/openapi/humanitec.yaml',
  'console-extensions': 'src/api/openapi/console-extensions.yaml',
} as const;

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** The repository-relative path of each document. */
export const SPEC_FILES = FILES;

/** Parses both documents of the contract. */
export function loadSpecs(): SpecDocument[] {
  return (Object.keys(FILES) as (keyof typeof FILES)[]).map((id) => {
    const url = new URL(`../../${FILES[id]}`, import.meta.url);
    return { id, file: FILES[id], doc: YAML.parse(readFileSync(url, 'utf8')) };
  });
}

/** Every operation of the given documents. */
export function listOperations(specs: SpecDocument[]): SpecOperation[] {
  return specs.flatMap((spec) =>
    Object.entries(spec.doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({
          spec,
          operationId: operation.operationId,
          method: method as SpecOperation['method'],
          path,
          operation,
        })),
    ),
  );
}

/** Resolves a local `$ref` (`#/components/...`) inside a document. */
export function resolveLocal<T>(
  doc: OpenApiDocument,
  node: T | { $ref: string },
): T {
  if (
    node &&
    typeof node === 'object' &&
    '$ref' in node &&
    typeof node.$ref === 'string'
  ) {
    const parts = node.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const part of parts)
      target = (target as Record<string, unknown>)[
        part.replace(/~1/g, '/').replace(/~0/g, '~')
      ];
    return resolveLocal(doc, target as T);
  }
  return node as T;
}

/**
 * A copy of a schema taken out of document `docId`, with its local `$ref`s
 * (`#/components/...`) pointing into that document as added to ajv
 * (`<docId>#/components/...`).
 */
export function externalise(schema: unknown, docId: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => externalise(s, docId));
  if (!schema || typeof schema !== 'object') return schema;
  return nullableWithoutType(
    Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#')
          ? `${docId}${v}`
          : externalise(v, docId),
      ]),
    ),
  );
}

/**
 * OpenAPI 3.0's `nullable: true` beside `allOf: [{$ref}]` (no `type`), the
 * usual way to say "this object or null": ajv honours `nullable` only beside
 * `type`, so it becomes `anyOf: [null, the rest]`.
 */
function nullableWithoutType(
  schema: Record<string, unknown>,
): Record<string, unknown> {
  if (schema.nullable !== true || 'type' in schema) return schema;
  const { nullable: _nullable, description, ...rest } = schema;
  void _nullable;
  return {
    ...(description !== undefined ? { description } : {}),
    anyOf: [{ type: 'null' }, rest],
  };
}

/** {@link nullableWithoutType} everywhere in a document's components. */
function withNullables(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNullables);
  if (!value || typeof value !== 'object') return value;
  return nullableWithoutType(
    Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withNullables(v)]),
    ),
  );
}

/** The ajv schema of a whole document: only its components, under `$id` = the document id. */
export function componentsSchema(spec: SpecDocument): Record<string, unknown> {
  return { $id: spec.id, components: withNullables(spec.doc.components) };
}
