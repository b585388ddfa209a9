import { json, route, type Dto } from './kit';

/** Organisations and their environment types. */
export const orgRoutes = [
  route('listOrganizations', ({ engine, actor }) =>
    json(engine.listOrgs(actor) satisfies Dto['OrganizationResponse'][]),
  ),
  route('getOrganization', ({ engine, actor, params }) =>
    json(
      engine.getOrg(actor, params.orgId) satisfies Dto['OrganizationResponse'],
    ),
  ),
  route('listEnvironmentTypes', ({ engine, actor, params }) =>
    json(
      engine.listEnvTypes(
        actor,
        params.orgId,
      ) satisfies Dto['EnvironmentTypeResponse'][],
    ),
  ),
];
