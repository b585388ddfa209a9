/**
 * The small kit every resource file uses: `route(operationId, resolve)`
 * declares a handler for one spec operation (its method and path come from
 * the spec via operations.gen.ts), authenticates the caller, hands the
 * resolver typed path parameters and a validated body, and turns anything
 * thrown into an error answer (http-errors.ts). No business rules live here.
 */
import type { Actor, Engine } from '../engine';
import type { components, operations } from '../../src/api/schema';
import type {
  components as extensionComponents,
  operations as extensionOperations,
} from '../../src/api/schema-extensions';
import { toResponse, type Answer, type ApiRequest } from './answer';

export type { ApiRequest } from './answer';
import { withErrorAnswers } from './http-errors';
import type { HandledOperation } from './operation-ids';
import { readJsonBody, type RequestBody } from './validate';

/** The contract's schemas (response DTOs are checked against these with `satisfies`). */
export type Dto = components['schemas'] & extensionComponents['schemas'];

type AllOperations = operations & extensionOperations;

/**
 * ModuleResponse as TypeScript can check it (see contract-rules.ts, T1/T2).
 * The generated type intersects the declared properties with the schema's
 * `additionalProperties` (controllers), which no object satisfies in
 * TypeScript; JSON Schema applies additionalProperties only to the other
 * keys. `deploy` is Partial because the engine's DeployCondition has optional
 * fields; the contract test checks the real schema (all three required).
 */
export interface ModuleDto {
  deploy?: Partial<Dto['DeployConditionResponse']>;
  externals: Record<string, unknown>;
  profile: string;
  spec: Record<string, unknown>;
}

/** A generated DTO type with every ModuleResponse replaced by {@link ModuleDto}. */
export type WithModuleDto<T> = T extends Dto['ModuleResponse']
  ? ModuleDto
  : T extends readonly (infer E)[]
    ? WithModuleDto<E>[]
    : T extends object
      ? { [K in keyof T]: WithModuleDto<T[K]> }
      : T;

/** The path parameters of an operation, as the generated types name them. */
export type PathParams<O extends HandledOperation> =
  AllOperations[O]['parameters'] extends {
    path: infer P;
  }
    ? { [K in keyof P]: string }
    : Record<string, never>;

/** What a resolver gets. */
export interface RouteContext<O extends HandledOperation> {
  engine: Engine;
  actor: Actor;
  params: PathParams<O>;
  query: URLSearchParams;
  request: ApiRequest;
  /** Reads the JSON body and validates it against the operation's request schema. */
  body(): Promise<RequestBody<O>>;
}

/** A declared handler, not yet bound to an engine or a base path. */
export interface RouteDef {
  operationId: HandledOperation;
  /** The answer to a request (the HTTP server writes it as it is). */
  answer(
    engine: Engine,
    request: ApiRequest,
    params: Record<string, string>,
  ): Promise<Answer>;
  /** The same answer as a `Response` (for msw). */
  handle(
    engine: Engine,
    request: Request,
    params: Record<string, string>,
  ): Promise<Response>;
}

/** A route definition from its `answer` (`handle` gives it as a `Response`). */
export function routeDef(
  operationId: HandledOperation,
  answer: RouteDef['answer'],
): RouteDef {
  return {
    operationId,
    answer,
    handle: async (engine, request, params) =>
      toResponse(await answer(engine, request, params)),
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: ApiRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(
    request.headers.get('authorization') ?? '',
  );
  return match ? match[1] : null;
}

/** Declares the handler of one spec operation; every route requires a valid bearer token. */
export function route<O extends HandledOperation>(
  operationId: O,
  resolve: (ctx: RouteContext<O>) => Answer | Promise<Answer>,
): RouteDef {
  return routeDef(
    operationId,
    withErrorAnswers(
      async (
        engine: Engine,
        request: ApiRequest,
        params: Record<string, string>,
      ) => {
        const actor = engine.authenticate(bearerToken(request));
        return resolve({
          engine,
          actor,
          params: params as PathParams<O>,
          query: new URL(request.url).searchParams,
          request,
          body: () => readJsonBody(request, operationId),
        });
      },
    ),
  );
}

/** A JSON answer (200 unless given). */
export function json(
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): Answer {
  return { status, json: body, ...(headers ? { headers } : {}) };
}

/** A text answer (200 unless given); give its `Content-Type`. */
export function textAnswer(
  body: string,
  status = 200,
  headers?: Record<string, string>,
): Answer {
  return { status, text: body, ...(headers ? { headers } : {}) };
}

/** An empty 204 answer. */
export function noContent(): Answer {
  return { status: 204, text: null };
}
