/**
 * The audit log and the event catalogue (issue 19 §4): the routes that read
 * them, and {@link withAudit}, which records every mutating call a route
 * answers (routes.ts wraps every route in it, so routes added later are
 * recorded too). A call is recorded after it was answered, refused ones
 * included (their status says so), as who (the user of the bearer token),
 * method, the object's API path and the status: never a body, a query string
 * or a header. The engine adds what it knows of the call from its state
 * (audit/context.ts: the environments an approval or a started run deploys
 * to, an artefact version's name, archived or restored); for a call that
 * started a pipeline run, the run's path is taken from the answer here
 * (`objectPath`), since the call's path names only the app. The spec's
 * listAuditLogEntries serves the spec's fields only; the console's search
 * adds the engine's. Calls without a valid token (401) are not recorded: nobody
 * known made them, and anyone could fill the log with them.
 */
import { EngineError, type AuditQuery, type Engine } from '../engine';
import type { Answer, ApiRequest } from './answer';
import {
  bearerToken,
  json,
  route,
  routeDef,
  type Dto,
  type RouteDef,
} from './kit';
import type { HandledOperation } from './operation-ids';
import { OPERATIONS } from './operations.gen';

/** Methods that change something. */
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

/** Operations sent with POST that change nothing (previews): not recorded. */
const READS_BY_POST: ReadonlySet<HandledOperation> = new Set<HandledOperation>([
  'previewProfileImpact',
  'explainResourceMatch',
  'convertScoreToSet',
]);

/** Whether calls of the operation are recorded. */
export function isAudited(operationId: HandledOperation): boolean {
  return (
    MUTATING.has(OPERATIONS[operationId].method) &&
    !READS_BY_POST.has(operationId)
  );
}

/** The API path of a call: the operation's path with its parameters (as the spec writes it, no base prefix). */
export function auditPath(
  operationId: HandledOperation,
  params: Record<string, string>,
): string {
  return OPERATIONS[operationId].path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => encodeURIComponent(params[name] ?? ''),
  );
}

/** Operations whose answer is a run they started: the run is the object of the call (its path names the app or the old run). */
const STARTS_A_RUN: ReadonlySet<HandledOperation> = new Set<HandledOperation>([
  'createPipelineRunByTriggerCriteria',
  'createPipelineRun',
  'restartPipelineRun',
]);

/** The API path of the run a successful call of a {@link STARTS_A_RUN} operation answered with. */
function startedRun(
  operationId: HandledOperation,
  params: Record<string, string>,
  answer: Answer,
): string | undefined {
  if (
    !STARTS_A_RUN.has(operationId) ||
    'networkError' in answer ||
    answer.status >= 300 ||
    !('json' in answer)
  )
    return undefined;
  const run = answer.json as { id?: unknown; pipeline_id?: unknown } | null;
  if (typeof run?.id !== 'string' || typeof run.pipeline_id !== 'string')
    return undefined;
  return auditPath('getPipelineRun', {
    orgId: params.orgId,
    appId: params.appId,
    pipelineId: run.pipeline_id,
    runId: run.id,
  });
}

/** Records the call in the engine's audit log when a known user made it. */
function record(
  engine: Engine,
  request: ApiRequest,
  operationId: HandledOperation,
  params: Record<string, string>,
  answer: Answer & { status: number },
): void {
  let userId: string;
  try {
    userId = engine.authenticate(bearerToken(request)).userId;
  } catch (error) {
    if (error instanceof EngineError) return; // no valid token: not recorded (see the file comment)
    throw error;
  }
  engine.recordAuditEntry({
    userId,
    method: OPERATIONS[operationId].method.toUpperCase(),
    path: auditPath(operationId, params),
    status: answer.status,
    objectPath: startedRun(operationId, params, answer),
  });
}

/** The route, recording each call it answers when its operation changes something (see the file comment). */
export function withAudit(def: RouteDef): RouteDef {
  if (!isAudited(def.operationId)) return def;
  return routeDef(def.operationId, async (engine, request, params) => {
    const answer: Answer = await def.answer(engine, request, params);
    if (!('networkError' in answer))
      record(engine, request, def.operationId, params, answer);
    return answer;
  });
}

/** `per_page` as a number (the engine checks its range), 400 when it is not a whole number. */
function perPageOf(query: URLSearchParams): number | undefined {
  const raw = query.get('per_page');
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw new EngineError(
      'invalid',
      `per_page must be a whole number from 1 to 100; got "${raw}".`,
      { field: 'per_page' },
    );
  return Number(raw);
}

/** The query of a log page; `extended` adds the console's `user_id` and `path_prefix`. */
function auditQuery(query: URLSearchParams, extended: boolean): AuditQuery {
  const text = (name: string) => {
    const value = query.get(name);
    return value === null || value === '' ? undefined : value;
  };
  const out: AuditQuery = {};
  const perPage = perPageOf(query);
  if (perPage !== undefined) out.perPage = perPage;
  const names: [keyof AuditQuery, string][] = [
    ['from', 'from'],
    ['to', 'to'],
    ['page', 'page'],
  ];
  if (extended)
    names.push(['userId', 'user_id'], ['pathPrefix', 'path_prefix']);
  for (const [key, name] of names) {
    const value = text(name);
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  if (out.pathPrefix !== undefined && !out.pathPrefix.startsWith('/'))
    throw new EngineError(
      'invalid',
      `path_prefix must be an API path starting with /, such as /orgs/acme/apps/shop; got "${out.pathPrefix}".`,
      { field: 'path_prefix' },
    );
  return out;
}

/** An entry as the spec's listAuditLogEntries serves it: the spec's fields only, without the console's extension fields. */
function specEntry(entry: Dto['AuditLogEntry']): Dto['AuditLogEntry'] {
  const { at, org_id, user_id, request_method, request_path, response_status } =
    entry;
  return {
    at,
    ...(org_id === undefined ? {} : { org_id }),
    user_id,
    request_method,
    request_path,
    response_status,
  };
}

/**
 * A page of the log as an answer, with `Link: <…>; rel="next"` while more follow; `extended` (the console's
 * search) keeps the console's fields of each entry (object_path, object_name, action, env_paths).
 */
function logPage(
  engine: Engine,
  ctx: { actor: Parameters<Engine['listAuditLog']>[0]; request: ApiRequest },
  orgId: string,
  query: AuditQuery,
  extended: boolean,
): Answer {
  const page = engine.listAuditLog(ctx.actor, orgId, query);
  const entries: Dto['AuditLogEntry'][] = extended
    ? page.entries
    : page.entries.map(specEntry);
  if (page.next === undefined) return json(entries);
  const url = new URL(ctx.request.url);
  url.searchParams.set('page', page.next);
  return json(entries, 200, {
    Link: `<${url.pathname}${url.search}>; rel="next"`,
  });
}

/** The audit log (the spec's and the console's filtered one) and the events catalogue. */
export const auditRoutes: RouteDef[] = [
  route('listAuditLogEntries', ({ engine, actor, params, query, request }) =>
    logPage(
      engine,
      { actor, request },
      params.orgId,
      auditQuery(query, false),
      false,
    ),
  ),
  route('searchAuditLog', ({ engine, actor, params, query, request }) =>
    logPage(
      engine,
      { actor, request },
      params.orgId,
      auditQuery(query, true),
      true,
    ),
  ),
  route('listEvents', ({ engine, actor, params }) =>
    json(
      engine.listEvents(actor, params.orgId) satisfies Dto['EventResponse'][],
    ),
  ),
];
