/**
 * The engine methods of resource definitions, criteria, versions, classes
 * and matching: every organisation member reads definitions and classes (as
 * Humanitec); administrators and managers change them (`org.envTypes`: the
 * organisation's deployment configuration). Explaining a match and listing a
 * definition's active resources show apps: the caller must be able to read
 * the app (403 otherwise), and only the active resources of apps it may read
 * are listed.
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import { requireEnv } from '../core/lookup';
import type { ActiveResourceRecord } from '../core/model/resourcedefs';
import { appReadFilter, authorize, authorizeApp, guards } from '../access';
import { matchResource, type MatchResult } from './match';
import * as defs from './ops';
import { criteriaRule } from './parse';
import type {
  CriteriaView,
  ResourceClassView,
  ResourceDefinitionVersionView,
  ResourceDefinitionView,
} from './views';
import { invalid, show } from '../core/validate';
import { typeId } from './parse';

/** What explainResourceMatch takes: the resource and where it is needed (the environment's type is looked up). */
export interface ExplainMatchInput {
  type: string;
  class?: string;
  res_id: string;
  app_id: string;
  env_id: string;
}

/** Resource definitions, criteria, versions, classes and matching. */
export interface ResourceDefsEngine {
  listResourceDefinitions(
    actor: Actor,
    orgId: string,
    filters?: defs.DefinitionFilters,
  ): ResourceDefinitionView[];
  createResourceDefinition(
    actor: Actor,
    orgId: string,
    input: unknown,
  ): ResourceDefinitionView;
  getResourceDefinition(
    actor: Actor,
    orgId: string,
    defId: string,
    deleted?: boolean,
  ): ResourceDefinitionView;
  updateResourceDefinition(
    actor: Actor,
    orgId: string,
    defId: string,
    input: unknown,
  ): ResourceDefinitionView;
  patchResourceDefinition(
    actor: Actor,
    orgId: string,
    defId: string,
    input: unknown,
  ): ResourceDefinitionView;
  /** Throws `DefinitionInUse` (409 listing the changes) while active resources use it, unless `force`. */
  deleteResourceDefinition(
    actor: Actor,
    orgId: string,
    defId: string,
    force?: boolean,
  ): void;
  listActiveResourceByDefinition(
    actor: Actor,
    orgId: string,
    defId: string,
  ): ActiveResourceRecord[];
  listResourceDefinitionVersions(
    actor: Actor,
    orgId: string,
    defId: string,
    options?: { deleted?: boolean; perPage?: number; page?: string },
  ): defs.VersionPage;
  getResourceDefinitionVersion(
    actor: Actor,
    orgId: string,
    defId: string,
    versionId: string,
  ): ResourceDefinitionVersionView;
  promoteResourceDefinitionVersion(
    actor: Actor,
    orgId: string,
    defId: string,
    versionId: string,
  ): void;
  archiveResourceDefinitionVersion(
    actor: Actor,
    orgId: string,
    defId: string,
    versionId: string,
    input: unknown,
  ): void;
  createResourceDefinitionCriteria(
    actor: Actor,
    orgId: string,
    defId: string,
    input: unknown,
  ): CriteriaView;
  updateResourceDefinitionCriteria(
    actor: Actor,
    orgId: string,
    defId: string,
    input: unknown,
  ): CriteriaView[];
  deleteResourceDefinitionCriteria(
    actor: Actor,
    orgId: string,
    defId: string,
    criteriaId: string,
    force?: boolean,
  ): void;
  listResourceClasses(actor: Actor, orgId: string): ResourceClassView[];
  getResourceClass(
    actor: Actor,
    orgId: string,
    typeId: string,
    classId: string,
  ): ResourceClassView;
  createResourceClass(
    actor: Actor,
    orgId: string,
    typeId: string,
    input: unknown,
  ): ResourceClassView;
  updateResourceClass(
    actor: Actor,
    orgId: string,
    typeId: string,
    classId: string,
    input: unknown,
  ): ResourceClassView;
  deleteResourceClass(
    actor: Actor,
    orgId: string,
    typeId: string,
    classId: string,
  ): void;
  /** Which definition a resource matches and why (read-only; the caller must read the app). */
  explainResourceMatch(
    actor: Actor,
    orgId: string,
    input: unknown,
  ): MatchResult;
}

function mayChange(ctx: OpContext, orgId: string, doing: string): void {
  authorize(ctx, { action: 'org.envTypes', orgId, doing });
}

/** Checks the body of explainResourceMatch. */
function explainInput(input: unknown): ExplainMatchInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalid(
      `The match request must be an object like {"type": "postgres", "res_id": "shared.db", "app_id": "shop", "env_id": "development"}; got ${show(input)}.`,
    );
  const fields = input as Record<string, unknown>;
  const rule = criteriaRule(
    {
      app_id: fields.app_id,
      env_id: fields.env_id,
      res_id: fields.res_id,
      class: fields.class,
    },
    'The match request',
  );
  for (const field of ['app_id', 'env_id', 'res_id'] as const)
    if (rule[field] === undefined)
      invalid(`The match request needs \`${field}\`.`, { field });
  const extra = Object.keys(fields).find(
    (key) => !['type', 'class', 'res_id', 'app_id', 'env_id'].includes(key),
  );
  if (extra !== undefined)
    invalid(
      `The match request has the unknown field \`${extra}\`; its fields are type, class, res_id, app_id, env_id (the environment's type is looked up).`,
      { field: extra },
    );
  return {
    type: typeId(fields.type),
    class: rule.class,
    res_id: rule.res_id!,
    app_id: rule.app_id!,
    env_id: rule.env_id!,
  };
}

/** The resource-definition methods over the engine's runners. */
export function resourceDefMethods(runners: Runners): ResourceDefsEngine {
  const { write, read, readOrg } = guards(runners);
  const change = <T>(
    actor: Actor,
    orgId: string,
    doing: string,
    op: (ctx: OpContext) => T,
  ): T =>
    write(actor, (ctx) => {
      mayChange(ctx, orgId, doing);
      return op(ctx);
    });
  return {
    listResourceDefinitions: (actor, orgId, filters) =>
      readOrg(actor, orgId, (ctx) =>
        defs.listDefinitions(ctx.state, orgId, filters),
      ),
    createResourceDefinition: (actor, orgId, input) =>
      change(actor, orgId, 'Creating resource definitions', (ctx) =>
        defs.createDefinition(ctx, orgId, input),
      ),
    getResourceDefinition: (actor, orgId, defId, deleted) =>
      readOrg(actor, orgId, (ctx) =>
        defs.getDefinition(ctx.state, orgId, defId, deleted),
      ),
    updateResourceDefinition: (actor, orgId, defId, input) =>
      change(actor, orgId, `Changing resource definition ${defId}`, (ctx) =>
        defs.updateDefinition(ctx, orgId, defId, input),
      ),
    patchResourceDefinition: (actor, orgId, defId, input) =>
      change(actor, orgId, `Changing resource definition ${defId}`, (ctx) =>
        defs.patchDefinition(ctx, orgId, defId, input),
      ),
    deleteResourceDefinition: (actor, orgId, defId, force) =>
      change(actor, orgId, `Deleting resource definition ${defId}`, (ctx) =>
        defs.deleteDefinition(ctx, orgId, defId, force),
      ),
    listActiveResourceByDefinition: (actor, orgId, defId) =>
      readOrg(actor, orgId, (ctx) =>
        defs.listActiveResourcesOfDefinition(
          ctx.state,
          orgId,
          defId,
          appReadFilter(ctx, orgId),
        ),
      ),
    listResourceDefinitionVersions: (actor, orgId, defId, options) =>
      readOrg(actor, orgId, (ctx) =>
        defs.listVersions(ctx.state, orgId, defId, options),
      ),
    getResourceDefinitionVersion: (actor, orgId, defId, versionId) =>
      readOrg(actor, orgId, (ctx) =>
        defs.getVersion(ctx.state, orgId, defId, versionId),
      ),
    promoteResourceDefinitionVersion: (actor, orgId, defId, versionId) =>
      change(actor, orgId, `Promoting a version of ${defId}`, (ctx) =>
        defs.promoteVersion(ctx, orgId, defId, versionId),
      ),
    archiveResourceDefinitionVersion: (actor, orgId, defId, versionId, input) =>
      change(actor, orgId, `Archiving a version of ${defId}`, (ctx) =>
        defs.archiveVersion(ctx, orgId, defId, versionId, input),
      ),
    createResourceDefinitionCriteria: (actor, orgId, defId, input) =>
      change(actor, orgId, `Changing the criteria of ${defId}`, (ctx) =>
        defs.createCriteria(ctx, orgId, defId, input),
      ),
    updateResourceDefinitionCriteria: (actor, orgId, defId, input) =>
      change(actor, orgId, `Changing the criteria of ${defId}`, (ctx) =>
        defs.replaceCriteria(ctx, orgId, defId, input),
      ),
    deleteResourceDefinitionCriteria: (
      actor,
      orgId,
      defId,
      criteriaId,
      force,
    ) =>
      change(actor, orgId, `Changing the criteria of ${defId}`, (ctx) =>
        defs.deleteCriteria(ctx, orgId, defId, criteriaId, force),
      ),
    listResourceClasses: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => defs.listClasses(ctx.state, orgId)),
    getResourceClass: (actor, orgId, type, classId) =>
      readOrg(actor, orgId, (ctx) =>
        defs.getClass(ctx.state, orgId, type, classId),
      ),
    createResourceClass: (actor, orgId, type, input) =>
      change(actor, orgId, 'Creating resource classes', (ctx) =>
        defs.createClass(ctx, orgId, type, input),
      ),
    updateResourceClass: (actor, orgId, type, classId, input) =>
      change(actor, orgId, `Changing resource class ${classId}`, (ctx) =>
        defs.updateClass(ctx, orgId, type, classId, input),
      ),
    deleteResourceClass: (actor, orgId, type, classId) =>
      change(actor, orgId, `Deleting resource class ${classId}`, (ctx) =>
        defs.deleteClass(ctx, orgId, type, classId),
      ),
    explainResourceMatch: (actor, orgId, input) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId });
        const request = explainInput(input);
        authorizeApp(ctx, orgId, request.app_id);
        const { env } = requireEnv(
          ctx.state,
          orgId,
          request.app_id,
          request.env_id,
        );
        return matchResource(ctx.state, orgId, {
          ...request,
          env_type: env.env.type,
        });
      }),
  };
}
