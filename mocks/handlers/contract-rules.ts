/**
 * How the contract test reads the OpenAPI documents: every interpretation of
 * the spec it makes is listed here (and in src/api/openapi/README.md).
 *
 * R1 The schema of a response is the one the spec declares for its operation
 *    (method + path template), status and Content-Type (both documents:
 *    humanitec.yaml and console-extensions.yaml, `$ref`s resolved, ajv with
 *    ajv-formats, strict: false, OpenAPI's `nullable` honoured).
 * R2 A 2xx status must be declared by the operation. If the spec gives it a
 *    body, the response's Content-Type must be one the spec lists for it; if
 *    it gives none (e.g. 204), the body must be empty. A 204 is always empty
 *    (HTTP has no body there), even where the spec declares content
 *    (deleteEnvironmentType).
 * R3 Error statuses (4xx/5xx) are allowed on every operation even when the
 *    spec does not list them (401 follows from the global bearerAuth; 400,
 *    403, 404, 409 and 413 from the engine's checks). Their body is validated
 *    against the schema the spec declares for that status if there is one,
 *    otherwise against HumanitecErrorResponse. A request that matches no
 *    operation must answer with a HumanitecErrorResponse.
 * R4 getRuntime answers `application/v2+json` (RuntimeInfoResponseV2) when
 *    the Accept header names it, else `application/json` (RuntimeInfoResponseV1)
 *    (handlers/runtime.ts); R2 checks each against the schema of its media type.
 * R5 The spec's own fix-ups (info.x-trim-fixups) and resolved contradictions
 *    (info.x-console-decisions D1–D3, e.g. 404 bodies typed as a string are
 *    HumanitecErrorResponse, except getSet, getDiff and getDelta, which answer
 *    the spec's JSON string) are already in humanitec.yaml; nothing here
 *    overrides the document.
 * R6 Coverage: every operation in HANDLED_OPERATIONS must be exercised with
 *    a 2xx answer, and the run as a whole must include 400, 401, 404, 409 and
 *    413 answers; a forgotten route fails the test.
 * T1/T2 (type level only, handlers/kit.ts): ModuleResponse is checked with
 *    its declared properties (its generated type is unsatisfiable), and its
 *    `deploy` with optional fields; R1 still applies the full schema at run time.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OPERATIONS } from './operations.gen';
import type { HandledOperation } from './operation-ids';
import {
  componentsSchema,
  externalise,
  listOperations,
  loadSpecs,
  resolveLocal,
  type OpenApiResponse,
  type SpecOperation,
} from './spec-documents';

/** R3: the error body schema when the spec declares none. */
export const DEFAULT_ERROR_SCHEMA = {
  $ref: 'humanitec#/components/schemas/HumanitecErrorResponse',
};

/** R6: error statuses the run as a whole must include. */
export const REQUIRED_ERROR_STATUSES = [400, 401, 404, 409, 413] as const;

/** One checked exchange. */
export interface CheckedExchange {
  operationId?: HandledOperation;
  method: string;
  path: string;
  status: number;
}

/** The result of checking one response: problems are empty when it conforms. */
export interface CheckResult extends CheckedExchange {
  problems: string[];
}

function templateRegex(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

/** Builds the checker of responses against the spec; `basePath` is the API prefix (e.g. `/api`). */
export function createContractChecker(basePath: string) {
  const specs = loadSpecs();
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const spec of specs) ajv.addSchema(componentsSchema(spec));
  const operations = listOperations(specs);
  const routes = (Object.keys(OPERATIONS) as HandledOperation[]).map(
    (operationId) => ({
      operationId,
      method: OPERATIONS[operationId].method.toUpperCase(),
      regex: templateRegex(OPERATIONS[operationId].path),
      spec: operations.find(
        (o) => o.operationId === operationId,
      ) as SpecOperation,
    }),
  );
  const compiled = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: unknown) => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema as object);
      compiled.set(key, validate);
    }
    return validate;
  };
  const exchanges: CheckedExchange[] = [];

  /** Checks one exchange (R1–R4) and records it for the coverage check (R6). */
  function check(
    method: string,
    url: string,
    status: number,
    contentType: string | null,
    text: string,
  ): CheckResult {
    const path = new URL(url).pathname.slice(basePath.length) || '/';
    const route = routes.find((r) => r.method === method && r.regex.test(path));
    const result: CheckResult = {
      operationId: route?.operationId,
      method,
      path,
      status,
      problems: [],
    };
    exchanges.push({ operationId: route?.operationId, method, path, status });
    const problems = result.problems;
    const media = contentType?.split(';')[0].trim().toLowerCase() || undefined;
    const declared = route
      ? resolveLocal<OpenApiResponse>(
          route.spec.spec.doc,
          route.spec.operation.responses?.[String(status)] ?? {},
        )
      : undefined;
    const declaredContent = declared?.content ?? {};
    let schema: unknown;
    let key: string;
    if (status < 400) {
      if (!route)
        return {
          ...result,
          problems: [
            `${method} ${path} answered ${status} but matches no operation`,
          ],
        };
      if (!route.spec.operation.responses?.[String(status)]) {
        problems.push(
          `status ${status} is not declared for ${route.operationId}`,
        );
        return result;
      }
      // HTTP: a 204 has no body, even where the spec declares content (deleteEnvironmentType).
      if (Object.keys(declaredContent).length === 0 || status === 204) {
        if (text !== '')
          problems.push(
            `status ${status} of ${route.operationId} must have an empty body`,
          );
        return result;
      }
      if (!media || !declaredContent[media]) {
        problems.push(
          `Content-Type ${media} is not declared for ${route.operationId} ${status} (${Object.keys(declaredContent).join(', ')})`,
        );
        return result;
      }
      schema = externalise(declaredContent[media].schema, route.spec.spec.id);
      key = `${route.operationId} ${status} ${media}`;
    } else {
      const declaredSchema = media ? declaredContent[media]?.schema : undefined;
      schema =
        route && declaredSchema
          ? externalise(declaredSchema, route.spec.spec.id)
          : DEFAULT_ERROR_SCHEMA;
      key =
        route && declaredSchema
          ? `${route.operationId} ${status} ${media}`
          : 'error';
      if (media !== 'application/json')
        problems.push(`error answers must be application/json, got ${media}`);
    }
    let body: unknown;
    // A text answer (an export's application/yaml) is checked as the string it is.
    const isText =
      status < 400 && media !== undefined && !media.endsWith('json');
    try {
      body = isText ? text : JSON.parse(text);
    } catch {
      problems.push(`the body is not JSON: ${text.slice(0, 80)}`);
      return result;
    }
    const validate = compile(key, schema);
    if (!validate(body)) {
      for (const e of validate.errors ?? [])
        problems.push(
          `${e.instancePath || '(body)'} ${e.message} [${e.schemaPath}]`,
        );
    }
    return result;
  }

  /** R6: what the run missed, as sentences (empty when complete). */
  function coverageGaps(handled: readonly HandledOperation[]): string[] {
    const gaps: string[] = [];
    for (const id of handled) {
      if (!exchanges.some((e) => e.operationId === id && e.status < 300))
        gaps.push(`${id} was never answered with a 2xx`);
    }
    for (const status of REQUIRED_ERROR_STATUSES) {
      if (!exchanges.some((e) => e.status === status))
        gaps.push(`no exchange answered ${status}`);
    }
    return gaps;
  }

  return { check, coverageGaps, exchanges };
}
