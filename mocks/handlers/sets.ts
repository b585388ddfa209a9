import { json, route, type Dto, type WithModuleDto } from './kit';
import { toDeltaInput } from './delta-input';
import { withString404 } from './string-404';

/** Deployment sets: immutable, content-addressed; new ones only by applying a delta. */
export const setRoutes = [
  route('listSets', ({ engine, actor, params: p }) =>
    json(
      engine.listSets(actor, p.orgId, p.appId) satisfies WithModuleDto<
        Dto['SetResponse']
      >[],
    ),
  ),
  // With `?diff=<otherSetId>` the answer is the PlainDelta turning the other
  // set into this one (the same as GET …/sets/{setId}/diff/{otherSetId}),
  // hence the spec's oneOf.
  // A 404 is the spec's JSON string (string-404.ts), here and in getDiff.
  route('getSet', ({ engine, actor, params: p, query }) => {
    const other = query.get('diff');
    return withString404(() =>
      other
        ? json(
            engine.diffSets(
              actor,
              p.orgId,
              p.appId,
              p.setId,
              other,
            ) satisfies WithModuleDto<Dto['PlainDeltaResponse']>,
          )
        : json(
            engine.getSet(
              actor,
              p.orgId,
              p.appId,
              p.setId,
            ) satisfies WithModuleDto<Dto['SetResponse']>,
          ),
    );
  }),
  // 200 with a JSON string: the id of the new set.
  route('updateSet', async ({ engine, actor, params: p, body }) => {
    const setId = engine.applyDelta(
      actor,
      p.orgId,
      p.appId,
      p.setId,
      toDeltaInput(await body()),
    );
    return json(setId satisfies string);
  }),
  route('getDiff', ({ engine, actor, params: p }) =>
    withString404(() =>
      json(
        engine.diffSets(
          actor,
          p.orgId,
          p.appId,
          p.setId,
          p.sourceSetId,
        ) satisfies WithModuleDto<Dto['PlainDeltaResponse']>,
      ),
    ),
  ),
];
