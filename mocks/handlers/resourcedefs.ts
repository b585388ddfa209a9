/**
 * Resource definitions, their criteria and versions, resource classes, and
 * the console's "which definition matches?" (resourcedefs/ in the engine).
 * Secret driver inputs are never in an answer: definitions and versions show
 * `values` and `secret_refs` only.
 */
import { booleanQuery, textQuery } from './query';
import { EngineError, type Engine } from '../engine';
import type { Answer, ApiRequest } from './answer';
import { json, noContent, route, type Dto } from './kit';

/** `?per_page=<1..100>`, or undefined when absent. */
function perPage(query: URLSearchParams): number | undefined {
  const value = query.get('per_page');
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value))
    throw new EngineError(
      'invalid',
      `\`per_page\` must be a whole number from 1 to 100; got "${value}".`,
      { field: 'per_page' },
    );
  return Number(value);
}

/**
 * The spec's 409 of deleteResourceDefinition and
 * deleteResourceDefinitionCriteria: an array of ResourceDefinitionChange
 * (the active resources the change would move). Each item also carries the
 * error code and the whole message, so a client reading the first item gets
 * the explanation.
 */
function inUseAnswer(error: EngineError): Answer {
  const changes = error.details
    ?.changes as Dto['ResourceDefinitionChangeResponse'][];
  return json(
    changes.map((change) => ({
      ...change,
      error: error.error,
      message: error.message,
    })) satisfies Dto['ResourceDefinitionChangeResponse'][],
    409,
  );
}

/** Runs a delete, turning a refusal that lists changes into the spec's array 409. */
function deleting(run: () => void): Answer {
  try {
    run();
  } catch (error) {
    if (
      error instanceof EngineError &&
      error.code === 'conflict' &&
      Array.isArray(error.details?.changes)
    )
      return inUseAnswer(error);
    throw error;
  }
  return noContent();
}

/** A page of versions, with `Link: <…>; rel="next"` while more follow. */
function versionPage(
  engine: Engine,
  actor: Parameters<Engine['listResourceDefinitionVersions']>[0],
  request: ApiRequest,
  params: { orgId: string; defId: string },
  query: URLSearchParams,
): Answer {
  const page = engine.listResourceDefinitionVersions(
    actor,
    params.orgId,
    params.defId,
    {
      deleted: booleanQuery(query, 'deleted'),
      perPage: perPage(query),
      page: textQuery(query, 'page'),
    },
  );
  const body = page.items satisfies Dto['ResourceDefinitionVersion'][];
  if (page.next === undefined) return json(body);
  const url = new URL(request.url);
  url.searchParams.set('page', page.next);
  return json(body, 200, {
    Link: `<${url.pathname}${url.search}>; rel="next"`,
  });
}

/** Resource definitions, criteria, versions, classes and matching. */
export const resourceDefRoutes = [
  route('listResourceDefinitions', ({ engine, actor, params: p, query }) =>
    json(
      engine.listResourceDefinitions(actor, p.orgId, {
        app: textQuery(query, 'app'),
        env: textQuery(query, 'env'),
        env_type: textQuery(query, 'env_type'),
        res: textQuery(query, 'res'),
        res_type: textQuery(query, 'res_type'),
        class: textQuery(query, 'class'),
        deleted: booleanQuery(query, 'deleted'),
      }) satisfies Dto['ResourceDefinitionResponse'][],
    ),
  ),
  route(
    'createResourceDefinition',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.createResourceDefinition(
          actor,
          p.orgId,
          await body(),
        ) satisfies Dto['ResourceDefinitionResponse'],
      ),
  ),
  route('getResourceDefinition', ({ engine, actor, params: p, query }) =>
    json(
      engine.getResourceDefinition(
        actor,
        p.orgId,
        p.defId,
        booleanQuery(query, 'deleted'),
      ) satisfies Dto['ResourceDefinitionResponse'],
    ),
  ),
  route(
    'updateResourceDefinition',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.updateResourceDefinition(
          actor,
          p.orgId,
          p.defId,
          await body(),
        ) satisfies Dto['ResourceDefinitionResponse'],
      ),
  ),
  route('patchResourceDefinition', async ({ engine, actor, params: p, body }) =>
    json(
      engine.patchResourceDefinition(
        actor,
        p.orgId,
        p.defId,
        await body(),
      ) satisfies Dto['ResourceDefinitionResponse'],
    ),
  ),
  route('deleteResourceDefinition', ({ engine, actor, params: p, query }) =>
    deleting(() =>
      engine.deleteResourceDefinition(
        actor,
        p.orgId,
        p.defId,
        booleanQuery(query, 'force'),
      ),
    ),
  ),
  route('listActiveResourceByDefinition', ({ engine, actor, params: p }) =>
    json(
      engine.listActiveResourceByDefinition(
        actor,
        p.orgId,
        p.defId,
      ) satisfies Dto['ActiveResourceResponse'][],
    ),
  ),
  route(
    'listResourceDefinitionVersions',
    ({ engine, actor, params, query, request }) =>
      versionPage(engine, actor, request, params, query),
  ),
  route('getResourceDefinitionVersion', ({ engine, actor, params: p }) =>
    json(
      engine.getResourceDefinitionVersion(
        actor,
        p.orgId,
        p.defId,
        p.defVersionId,
      ) satisfies Dto['ResourceDefinitionVersion'],
    ),
  ),
  route('promoteResourceDefinitionVersion', ({ engine, actor, params: p }) => {
    engine.promoteResourceDefinitionVersion(
      actor,
      p.orgId,
      p.defId,
      p.defVersionId,
    );
    return noContent();
  }),
  route(
    'archiveResourceDefinitionVersion',
    async ({ engine, actor, params: p, body }) => {
      engine.archiveResourceDefinitionVersion(
        actor,
        p.orgId,
        p.defId,
        p.defVersionId,
        await body(),
      );
      return noContent();
    },
  ),
  route(
    'createResourceDefinitionCriteria',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.createResourceDefinitionCriteria(
          actor,
          p.orgId,
          p.defId,
          await body(),
        ) satisfies Dto['MatchingCriteriaResponse'],
      ),
  ),
  route(
    'updateResourceDefinitionCriteria',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.updateResourceDefinitionCriteria(
          actor,
          p.orgId,
          p.defId,
          await body(),
        ) satisfies Dto['MatchingCriteriaResponse'][],
      ),
  ),
  route(
    'deleteResourceDefinitionCriteria',
    ({ engine, actor, params: p, query }) =>
      deleting(() =>
        engine.deleteResourceDefinitionCriteria(
          actor,
          p.orgId,
          p.defId,
          p.criteriaId,
          booleanQuery(query, 'force'),
        ),
      ),
  ),
  route('listResourceClasses', ({ engine, actor, params: p }) =>
    json(
      engine.listResourceClasses(
        actor,
        p.orgId,
      ) satisfies Dto['ResourceClassResponse'][],
    ),
  ),
  route('createResourceClass', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createResourceClass(
        actor,
        p.orgId,
        p.typeId,
        await body(),
      ) satisfies Dto['ResourceClassResponse'],
    ),
  ),
  route('getResourceClass', ({ engine, actor, params: p }) =>
    json(
      engine.getResourceClass(
        actor,
        p.orgId,
        p.typeId,
        p.classId,
      ) satisfies Dto['ResourceClassResponse'],
    ),
  ),
  route('updateResourceClass', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateResourceClass(
        actor,
        p.orgId,
        p.typeId,
        p.classId,
        await body(),
      ) satisfies Dto['ResourceClassResponse'],
    ),
  ),
  route('deleteResourceClass', ({ engine, actor, params: p }) => {
    engine.deleteResourceClass(actor, p.orgId, p.typeId, p.classId);
    return noContent();
  }),
  route('explainResourceMatch', async ({ engine, actor, params: p, body }) =>
    json(
      engine.explainResourceMatch(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['ResourceMatchResult'],
    ),
  ),
];
