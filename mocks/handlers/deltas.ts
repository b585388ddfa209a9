import { EngineError } from '../engine';
import { json, noContent, route, type Dto, type WithModuleDto } from './kit';
import { toDeltaInput } from './delta-input';
import { withString404 } from './string-404';
import { runIdempotent } from './idempotency';

/** `?archived=true|false`, or undefined when absent. */
function archivedFilter(query: URLSearchParams): boolean | undefined {
  const value = query.get('archived');
  if (value === null || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EngineError(
    'invalid',
    `archived must be true or false; got "${value}"`,
  );
}

/** Deltas of an application and their metadata. */
export const deltaRoutes = [
  route('listDeltas', ({ engine, actor, params: p, query }) => {
    const filter = {
      archived: archivedFilter(query),
      env: query.get('env') || undefined,
    };
    return json(
      engine.listDeltas(
        actor,
        p.orgId,
        p.appId,
        filter,
      ) satisfies WithModuleDto<Dto['DeltaResponse'][]>,
    );
  }),
  // The spec allows a bare id or the delta (oneOf); the mock answers with the delta.
  // An Idempotency-Key makes a retried creation answer the first delta instead of a second one.
  route('createDelta', async (ctx) => {
    const { engine, actor, params: p } = ctx;
    const input = await ctx.body();
    const { result: delta, headers } = runIdempotent(
      ctx,
      p.orgId,
      input,
      { action: 'app.edit', appId: p.appId },
      () => engine.createDelta(actor, p.orgId, p.appId, toDeltaInput(input)),
    );
    return json(
      delta satisfies WithModuleDto<Dto['DeltaResponse']>,
      200,
      headers,
    );
  }),
  // A 404 is the spec's JSON string (string-404.ts).
  route('getDelta', ({ engine, actor, params: p }) =>
    withString404(() =>
      json(
        engine.getDelta(
          actor,
          p.orgId,
          p.appId,
          p.deltaId,
        ) satisfies WithModuleDto<Dto['DeltaResponse']>,
      ),
    ),
  ),
  // The body is an array of deltas, merged into the stored one in order.
  route('patchDelta', async ({ engine, actor, params: p, body }) => {
    const inputs = (await body()).map(toDeltaInput);
    return json(
      engine.patchDelta(
        actor,
        p.orgId,
        p.appId,
        p.deltaId,
        inputs,
      ) satisfies WithModuleDto<Dto['DeltaResponse']>,
    );
  }),
  route('putDelta', async ({ engine, actor, params: p, body }) => {
    engine.replaceDelta(
      actor,
      p.orgId,
      p.appId,
      p.deltaId,
      toDeltaInput(await body()),
    );
    return noContent();
  }),
  route('archiveDelta', async ({ engine, actor, params: p, body }) => {
    engine.setDeltaArchived(actor, p.orgId, p.appId, p.deltaId, await body());
    return noContent();
  }),
  route('changeEnvOfDelta', async ({ engine, actor, params: p, body }) => {
    engine.setDeltaEnv(actor, p.orgId, p.appId, p.deltaId, await body());
    return noContent();
  }),
  route('changeNameOfDelta', async ({ engine, actor, params: p, body }) => {
    engine.setDeltaName(actor, p.orgId, p.appId, p.deltaId, await body());
    return noContent();
  }),
];
