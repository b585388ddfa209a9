import { EngineError, type ProfileInput } from '../engine';
import { json, noContent, route, type ApiRequest, type Dto } from './kit';

/** `?deprecated=true|false` (default false: deprecated profiles are left out). */
function deprecatedFilter(query: URLSearchParams): boolean {
  const value = query.get('deprecated');
  if (value === null || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new EngineError(
    'invalid',
    `deprecated must be true or false; got "${value}"`,
  );
}

/**
 * One page of `items` (the spec's `per_page`, default 50, at most 100, and an
 * opaque `page` token, here the offset) with a `Link: <…>; rel="next"` header
 * while more follow.
 */
function paginate<T>(
  items: T[],
  request: ApiRequest,
): { page: T[]; headers: Record<string, string> } {
  const url = new URL(request.url);
  const perPageRaw = url.searchParams.get('per_page');
  const perPage = perPageRaw === null ? 50 : Number(perPageRaw);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
    throw new EngineError(
      'invalid',
      `per_page must be a whole number from 1 to 100; got "${perPageRaw}"`,
    );
  }
  const token = url.searchParams.get('page') ?? '0';
  const offset = /^\d+$/.test(token) ? Number(token) : NaN;
  if (!Number.isFinite(offset))
    throw new EngineError(
      'invalid',
      `page must be a token from a Link header; got "${token}"`,
    );
  const page = items.slice(offset, offset + perPage);
  if (offset + perPage >= items.length) return { page, headers: {} };
  url.searchParams.set('page', String(offset + perPage));
  url.searchParams.set('per_page', String(perPage));
  return {
    page,
    headers: { Link: `<${url.pathname}${url.search}>; rel="next"` },
  };
}

// The generated request types allow `spec_definition` keys the engine types name (WithModuleDto is not needed here).
const input = (body: unknown) => body as ProfileInput;

/** Workload profiles, their versions, the built-in features and the resource types their forms pick from. */
export const profileRoutes = [
  route('listResourceTypes', ({ engine, actor, params: p }) =>
    json(
      engine.listResourceTypes(
        actor,
        p.orgId,
      ) satisfies Dto['ResourceTypeResponse'][],
    ),
  ),
  route('listWorkloadProfileFeatures', ({ engine, actor, params: p }) =>
    json(
      engine.listProfileFeatures(
        actor,
        p.orgId,
      ) satisfies Dto['WorkloadProfileFeatureResponse'][],
    ),
  ),
  route(
    'listWorkloadProfiles',
    ({ engine, actor, params: p, query, request }) => {
      const all = engine.listProfiles(actor, p.orgId, {
        deprecated: deprecatedFilter(query),
      });
      const { page, headers } = paginate(all, request);
      return json(
        page satisfies Dto['WorkloadProfileResponse'][],
        200,
        headers,
      );
    },
  ),
  route('createWorkloadProfile', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createProfile(
        actor,
        p.orgId,
        input(await body()),
      ) satisfies Dto['WorkloadProfileResponse'],
      201,
    ),
  ),
  route('getWorkloadProfile', ({ engine, actor, params: p }) =>
    json(
      engine.getProfile(
        actor,
        p.orgId,
        p.profileQid,
      ) satisfies Dto['WorkloadProfileResponse'],
    ),
  ),
  route('updateWorkloadProfile', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateProfile(
        actor,
        p.orgId,
        p.profileQid,
        input(await body()),
      ) satisfies Dto['WorkloadProfileResponse'],
    ),
  ),
  route('previewProfileImpact', async ({ engine, actor, params: p, body }) =>
    json(
      engine.previewProfileImpact(
        actor,
        p.orgId,
        p.profileQid,
        input(await body()),
      ) satisfies Dto['ProfileImpact'],
    ),
  ),
  route('deleteWorkloadProfile', ({ engine, actor, params: p }) => {
    engine.deleteProfile(actor, p.orgId, p.profileQid);
    return noContent();
  }),
  route(
    'listWorkloadProfileVersions',
    ({ engine, actor, params: p, request }) => {
      const { page, headers } = paginate(
        engine.listProfileVersions(actor, p.orgId, p.profileQid),
        request,
      );
      return json(
        page satisfies Dto['WorkloadProfileVersionResponse'][],
        200,
        headers,
      );
    },
  ),
  route('getLatestWorkloadProfileVersion', ({ engine, actor, params: p }) =>
    json(
      engine.latestProfileVersion(
        actor,
        p.orgId,
        p.profileQid,
      ) satisfies Dto['WorkloadProfileVersionResponse'],
    ),
  ),
];
