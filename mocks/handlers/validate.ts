/**
 * Reading request bodies: size limit, JSON parsing and validation against the
 * spec's request schema of the operation (ajv validators generated from the
 * spec by spec-codegen.ts). Every refusal is an `EngineError`, so it reaches
 * the client through http-errors.ts like any other error, and the engine is
 * never called with bad input.
 */
import { EngineError } from '../engine';
import type { operations } from '../../src/api/schema';
import type { operations as extensionOperations } from '../../src/api/schema-extensions';
import type { ApiRequest } from './answer';
import type { HandledOperation } from './operation-ids';
import * as generated from './request-validators.gen';

/** The largest request body the mock API accepts: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

type AllOperations = operations & extensionOperations;

/** The JSON request body of an operation, as the generated types say. */
export type RequestBody<O extends HandledOperation> =
  NonNullable<AllOperations[O]['requestBody']> extends {
    content: { 'application/json': infer B };
  }
    ? B
    : never;

interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type Validator = ((data: unknown) => boolean) & {
  errors?: ValidationError[] | null;
};

const validators = generated as unknown as Partial<
  Record<HandledOperation, Validator>
>;

/** The field an ajv error is about, e.g. `modules.add.api.profile` or `[0].shared`. */
function fieldOf(error: ValidationError): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required')
    segments.push(String(error.params.missingProperty));
  return segments
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

/** What the spec's patterns ask for, in words (ajv's message quotes the regular expression). */
const PATTERN_WORDS: Record<string, string> = {
  '^[a-z0-9](?:-?[a-z0-9]+)+$':
    'must be 2 or more lowercase letters, digits and single dashes, starting and ending with a letter or digit (e.g. `qa-2`)',
  '^[a-z0-9][a-z0-9-]*[a-z0-9]$':
    'must be 2 or more lowercase letters, digits and dashes, starting and ending with a letter or digit (e.g. `qa-2`)',
  '^[a-z0-9][a-z0-9-]+[a-z0-9]$':
    'must be 3 or more lowercase letters, digits and dashes, starting and ending with a letter or digit (e.g. `my-app`)',
  '^[A-Za-z0-9_.-]+$':
    'must be letters, digits, dots, dashes and underscores only (e.g. `DB_HOST`)',
  '^[0-9a-f]{5,40}$':
    'must be a git commit: 5 to 40 lowercase hexadecimal digits',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?Z$':
    'must be a UTC time such as `2026-12-31T23:59:59Z`',
};

/** A sentence naming the field, e.g. "modules.add.api.profile must be string". */
function describe(error: ValidationError): { field: string; message: string } {
  const field = fieldOf(error);
  if (error.keyword === 'required')
    return { field, message: `${field} is required` };
  const words =
    error.keyword === 'pattern'
      ? PATTERN_WORDS[String(error.params.pattern)]
      : undefined;
  if (words) return { field, message: `\`${field}\` ${words}` };
  return {
    field,
    message: `${field || 'The request body'} ${error.message ?? 'is invalid'}`,
  };
}

/** Throws `too_large` (413) when the announced or actual size exceeds the limit. */
function checkSize(bytes: number): void {
  if (bytes > MAX_BODY_BYTES) {
    throw new EngineError(
      'too_large',
      `The request body is ${bytes} bytes; the limit is ${MAX_BODY_BYTES} bytes (1 MiB).`,
      { limit: MAX_BODY_BYTES },
    );
  }
}

/** Validates parsed JSON against the operation's request schema; throws `invalid` (400) naming the fields. */
export function validateBody<O extends HandledOperation>(
  operationId: O,
  data: unknown,
): RequestBody<O> {
  const validate = validators[operationId];
  if (!validate) throw new Error(`no request schema for ${operationId}`);
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(describe);
    const unique = [
      ...new Map(problems.map((p) => [p.message, p])).values(),
    ].slice(0, 10);
    throw new EngineError(
      'invalid',
      unique[0]?.message ?? 'The request body is invalid.',
      {
        errors: unique,
      },
    );
  }
  return data as RequestBody<O>;
}

/** Reads, parses and validates the JSON body of a request for the given operation. */
export async function readJsonBody<O extends HandledOperation>(
  request: ApiRequest,
  operationId: O,
): Promise<RequestBody<O>> {
  checkSize(Number(request.headers.get('content-length') ?? 0) || 0);
  const bytes = new Uint8Array(await request.arrayBuffer());
  checkSize(bytes.byteLength);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError(
      'invalid',
      `The request body is not valid JSON: ${reason}`,
    );
  }
  checkDepth(data);
  return validateBody(operationId, data);
}

/** The deepest nesting of objects and arrays a request body may have (before any recursive validation). */
export const MAX_BODY_DEPTH = 64;

/** Refuses a body nested deeper than {@link MAX_BODY_DEPTH} (400); iterative, so any depth is safe to measure. */
export function checkDepth(data: unknown): void {
  const stack: [unknown, number][] = [[data, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH) {
      throw new EngineError(
        'invalid',
        `The request body is nested more than ${MAX_BODY_DEPTH} levels deep; flatten it.`,
        { max_depth: MAX_BODY_DEPTH },
      );
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}
