import { booleanQuery, textQuery } from './query';
import { EngineError } from '../engine';
import { json, noContent, route, type Dto } from './kit';

/** `?limit=<positive integer>`, or undefined when absent. */
function limitQuery(query: URLSearchParams): number | undefined {
  const value = query.get('limit');
  if (value === null || value === '') return undefined;
  if (!/^[0-9]{1,6}$/.test(value) || Number(value) < 1) {
    throw new EngineError(
      'invalid',
      `\`limit\` must be a whole number from 1 to 999999; got "${value}".`,
      { field: 'limit' },
    );
  }
  return Number(value);
}

function versionFilter(query: URLSearchParams) {
  return {
    name: textQuery(query, 'name'),
    reference: textQuery(query, 'reference'),
    archived: booleanQuery(query, 'archived'),
    type: textQuery(query, 'type'),
  };
}

/** Artefacts and their versions (artefacts/ in the engine); the image usage is our extension. */
export const artefactRoutes = [
  route('listArtefactVersionsInOrg', ({ engine, actor, params: p, query }) =>
    json(
      engine.listArtefactVersionsInOrg(
        actor,
        p.orgId,
        versionFilter(query),
      ) satisfies Dto['ContainerArtefactVersion'][],
    ),
  ),
  // `vcs` names where `commit` and `ref` come from (git); the engine keeps them as given.
  route(
    'createArtefactVersion',
    async ({ engine, actor, params: p, query, body }) => {
      const dryRun = booleanQuery(query, 'dry_run') ?? false;
      const version = engine.pushArtefactVersion(actor, p.orgId, await body(), {
        dryRun,
      });
      return version === undefined
        ? noContent()
        : json(version satisfies Dto['ContainerArtefactVersion']);
    },
  ),
  route('getArtefactVersion', ({ engine, actor, params: p }) =>
    json(
      engine.getArtefactVersion(
        actor,
        p.orgId,
        p.artefactVersionId,
      ) satisfies Dto['ContainerArtefactVersion'],
    ),
  ),
  route('listArtefacts', ({ engine, actor, params: p, query }) =>
    json(
      engine.listArtefacts(actor, p.orgId, {
        type: textQuery(query, 'type'),
        name: textQuery(query, 'name'),
      }) satisfies Dto['ArtefactResponse'][],
    ),
  ),
  route('deleteArtefact', ({ engine, actor, params: p }) => {
    engine.deleteArtefact(actor, p.orgId, p.artefactId);
    return noContent();
  }),
  route('listArtefactVersions', ({ engine, actor, params: p, query }) =>
    json(
      engine.listArtefactVersions(actor, p.orgId, p.artefactId, {
        ...versionFilter(query),
        name: undefined,
        type: undefined,
        limit: limitQuery(query),
      }) satisfies Dto['ContainerArtefactVersion'][],
    ),
  ),
  route('patchArtefactVersion', async ({ engine, actor, params: p, body }) =>
    json(
      engine.patchArtefactVersion(
        actor,
        p.orgId,
        p.artefactId,
        p.versionId,
        await body(),
      ) satisfies Dto['ContainerArtefactVersion'],
    ),
  ),
  route('listRunningImages', ({ engine, actor, params: p }) =>
    json(
      engine.listRunningImages(actor, p.orgId) satisfies Dto['RunningImage'][],
    ),
  ),
];

/** Container registries (artefacts/registries.ts in the engine): the password is never returned. */
export const registryRoutes = [
  route('listRegistries', ({ engine, actor, params: p }) =>
    json(
      engine.listRegistries(actor, p.orgId) satisfies Dto['RegistryResponse'][],
    ),
  ),
  route('createRegistry', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createRegistry(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['RegistryResponse'],
      201,
    ),
  ),
  route('getRegistry', ({ engine, actor, params: p }) =>
    json(
      engine.getRegistry(
        actor,
        p.orgId,
        p.regId,
      ) satisfies Dto['RegistryResponse'],
    ),
  ),
  route('patchRegistry', async ({ engine, actor, params: p, body }) =>
    json(
      engine.patchRegistry(
        actor,
        p.orgId,
        p.regId,
        await body(),
      ) satisfies Dto['RegistryResponse'],
    ),
  ),
  route('deleteRegistry', ({ engine, actor, params: p }) => {
    engine.deleteRegistry(actor, p.orgId, p.regId);
    return noContent();
  }),
  route('getRegistryCreds', ({ engine, actor, params: p }) =>
    json(
      engine.getRegistryCreds(
        actor,
        p.orgId,
        p.regId,
      ) satisfies Dto['RegistryCredsResponse'],
    ),
  ),
];
