/**
 * Operations on resource definitions, their versions and criteria, resource
 * classes and active resources (no authorization: see methods.ts).
 *
 * A definition's content (name, driver, inputs, provision) lives in its
 * versions: every create, PUT, PATCH and delete adds one, and the definition
 * shows its active version. Criteria belong to the definition, not to a
 * version (the spec's ResourceDefinitionVersion has none). Secret driver
 * inputs are kept apart, per version, in the organisation's write-only store.
 */
import { cloneJson } from '../core/canonical';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import type {
  ActiveResourceRecord,
  CriteriaRecord,
  DefVersionRecord,
  OrgResourceDefsRecord,
  ResourceClassRecord,
  ResourceDefRecord,
} from '../core/model/resourcedefs';
import type { Json, JsonObject } from '../core/model/spec';
import type { StateV1 } from '../core/state';
import { bySeq, isoAt } from '../core/state';
import { invalid, show } from '../core/validate';
import { accountExists } from '../accounts';
import { driverExists } from '../drivers';
import { listResourceTypes } from '../resources';
import { indexDefinitions, matchWith } from './match';
import {
  criteriaRule,
  describeRule,
  displayName,
  driverInputs,
  driverType,
  knownFields,
  objectBody,
  optionalBoolean,
  provision,
  sameRule,
  specId,
  typeId,
  type CriteriaRule,
  type DriverInputs,
} from './parse';
import {
  activeVersion,
  DEFAULT_CLASS,
  ensureDefs,
  findDefs,
  newId,
  requireDef,
  requireVersion,
} from './store';
import {
  activeResourceView,
  classView,
  criteriaView,
  definitionView,
  versionView,
  type CriteriaView,
  type ResourceClassView,
  type ResourceDefinitionVersionView,
  type ResourceDefinitionView,
} from './views';

// ---------------------------------------------------------------- seams

/** Whether the organisation offers the resource type (resources/ owns the catalogue). */
function requireResourceType(
  ctx: OpContext,
  orgId: string,
  type: string,
): void {
  const types = listResourceTypes(ctx, orgId);
  if (!types.some((known) => known.type === type))
    invalid(
      `Resource type \`${type}\` does not exist in organisation \`${orgId}\`; its types are ${types.map((t) => `\`${t.type}\``).join(', ')}.`,
      { field: 'type' },
    );
}

/** Checks a definition's driver: a `<namespace>/<name>` the organisation has (drivers/: built in or its own). */
export function checkDriverType(
  ctx: OpContext,
  orgId: string,
  value: unknown,
): string {
  const driver = driverType(value);
  if (!driverExists(ctx.state, orgId, driver))
    invalid(
      `Driver \`${driver}\` does not exist; list the drivers with GET /orgs/${orgId}/resources/drivers (e.g. \`humanitec/echo\`, \`humanitec/postgres\`).`,
      { field: 'driver_type' },
    );
  return driver;
}

/** Checks a definition's `driver_account`: a resource account of the organisation (accounts/). */
export function checkDriverAccount(
  ctx: OpContext,
  orgId: string,
  value: unknown,
): string {
  const id = specId('`driver_account`', value, 'driver_account');
  if (!accountExists(ctx.state, orgId, id))
    invalid(
      `Resource account \`${id}\` does not exist in organisation \`${orgId}\`; create it with POST /orgs/${orgId}/resources/accounts or list them with GET.`,
      { field: 'driver_account' },
    );
  return id;
}

// ---------------------------------------------------------------- definitions

/** What a change sets: a version's content before it is stored. */
interface Content {
  name: string;
  driver_type: string;
  driver_account?: string;
  inputs: DriverInputs;
  provision: DefVersionRecord['provision'];
  in_place_driver_change: boolean;
}

/** Filters of listResourceDefinitions (the spec's query parameters). */
export interface DefinitionFilters {
  app?: string;
  env?: string;
  env_type?: string;
  res?: string;
  res_type?: string;
  class?: string;
  deleted?: boolean;
}

function touch(ctx: OpContext, def: ResourceDefRecord): void {
  def.updated_at = isoAt(ctx.now);
  def.updated_by = ctx.userId;
}

/** Stores a new version of `def` (active unless `proposed`), its secret inputs in the write-only store. */
function addVersion(
  ctx: OpContext,
  record: OrgResourceDefsRecord,
  orgId: string,
  def: ResourceDefRecord,
  content: Content,
  action: DefVersionRecord['action'],
  proposed = false,
): DefVersionRecord {
  const id = newId(record, orgId, def.id, 'version');
  const secretKeys = Object.keys(content.inputs.secrets).sort();
  const secretsKey = secretKeys.length > 0 ? `${def.id}/${id}` : undefined;
  if (secretsKey)
    record.secrets[secretsKey] = cloneJson(content.inputs.secrets) as Record<
      string,
      Json
    >;
  const version: DefVersionRecord = {
    id,
    seq: (def.versions.at(-1)?.seq ?? 0) + 1,
    name: content.name,
    driver_type: content.driver_type,
    ...(content.driver_account !== undefined
      ? { driver_account: content.driver_account }
      : {}),
    values: content.inputs.values,
    secret_refs: content.inputs.secret_refs,
    secretKeys,
    ...(secretsKey ? { secretsKey } : {}),
    provision: content.provision,
    in_place_driver_change: content.in_place_driver_change,
    action,
    archived: false,
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
  };
  def.versions.push(version);
  if (!proposed) def.active_version_id = id;
  touch(ctx, def);
  return version;
}

/** The secret inputs of a version (write-only: only the engine's drivers read them). */
export function versionSecrets(
  state: StateV1,
  orgId: string,
  version: DefVersionRecord,
): JsonObject {
  const record = findDefs(state, orgId);
  if (!version.secretsKey || !record) return {};
  return cloneJson(record.secrets[version.secretsKey] ?? {}) as JsonObject;
}

/** The content of a version, with its secret inputs read back from the store (for PATCH merges). */
function contentOf(
  state: StateV1,
  orgId: string,
  version: DefVersionRecord,
): Content {
  return {
    name: version.name,
    driver_type: version.driver_type,
    ...(version.driver_account !== undefined
      ? { driver_account: version.driver_account }
      : {}),
    inputs: {
      values: cloneJson(version.values),
      secrets: versionSecrets(state, orgId, version),
      secret_refs: cloneJson(version.secret_refs),
    },
    provision: cloneJson(version.provision),
    in_place_driver_change: version.in_place_driver_change,
  };
}

/** Checks a class: `default`, or one registered for the type. */
function requireClassOf(
  record: OrgResourceDefsRecord | undefined,
  type: string,
  cls: string,
): void {
  if (cls === DEFAULT_CLASS) return;
  if (!record || !Object.hasOwn(record.classes, `${type}/${cls}`))
    invalid(
      `Resource class \`${cls}\` does not exist for type \`${type}\`; create it with POST …/resources/types/${type}/classes, or leave \`class\` out for \`${DEFAULT_CLASS}\`.`,
      { field: 'class' },
    );
}

/** Refuses a rule another live definition of the type already has (409 naming it). */
function refuseDuplicateElsewhere(
  record: OrgResourceDefsRecord | undefined,
  def: { id: string; type: string },
  rule: CriteriaRule,
): void {
  for (const other of Object.values(record?.defs ?? {})) {
    if (other.id === def.id || other.is_deleted || other.type !== def.type)
      continue;
    if (other.criteria.some((existing) => sameRule(existing, rule)))
      throw new EngineError(
        'conflict',
        `Resource definition \`${other.id}\` of type \`${def.type}\` already has the criteria ${describeRule(rule)}; a rule may appear once per resource type. Make it more specific (e.g. add \`app_id\` or \`env_id\`) or change \`${other.id}\`.`,
        { def_id: other.id },
      );
  }
}

/** Checks a list of rules: each valid, with an existing class, no rule twice, none another definition has. */
function checkRules(
  record: OrgResourceDefsRecord | undefined,
  def: { id: string; type: string },
  input: unknown,
): CriteriaRule[] {
  if (!Array.isArray(input))
    invalid(
      `The criteria must be an array of rules like [{"env_type": "development"}]; got ${show(input)}.`,
      { field: 'criteria' },
    );
  const rules = (input as unknown[]).map((item, i) =>
    criteriaRule(item, `Criteria ${i + 1}`),
  );
  rules.forEach((rule, i) => {
    requireClassOf(record, def.type, rule.class);
    const twice = rules.findIndex((other) => sameRule(other, rule));
    if (twice !== i)
      invalid(
        `Criteria ${twice + 1} and ${i + 1} are the same rule ${describeRule(rule)}; give each rule once.`,
        { field: 'criteria' },
      );
    refuseDuplicateElsewhere(record, def, rule);
  });
  return rules;
}

function toRecord(
  record: OrgResourceDefsRecord,
  orgId: string,
  defId: string,
  rule: CriteriaRule,
  keep?: CriteriaRecord[],
): CriteriaRecord {
  const same = keep?.find((existing) => sameRule(existing, rule));
  return {
    ...rule,
    id: same?.id ?? newId(record, orgId, defId, 'criteria'),
  };
}

const CREATE_FIELDS = [
  'id',
  'name',
  'type',
  'driver_type',
  'driver_account',
  'driver_inputs',
  'provision',
  'in_place_driver_change',
  'criteria',
] as const;

/** Creates a definition with its first version (and its criteria, if given). */
export function createDefinition(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): ResourceDefinitionView {
  const fields = objectBody(
    input,
    'A resource definition',
    '{"id": "postgres-dev", "name": "Postgres (dev)", "type": "postgres", "driver_type": "humanitec/postgres"}',
  );
  knownFields(fields, CREATE_FIELDS, 'A resource definition');
  const id = specId('Resource definition id', fields.id, 'id', 3);
  const type = typeId(fields.type);
  requireResourceType(ctx, orgId, type);
  const content: Content = {
    name: displayName(fields.name),
    driver_type: checkDriverType(ctx, orgId, fields.driver_type),
    ...(fields.driver_account !== undefined && fields.driver_account !== ''
      ? {
          driver_account: checkDriverAccount(ctx, orgId, fields.driver_account),
        }
      : {}),
    inputs: driverInputs(fields.driver_inputs),
    provision: provision(fields.provision),
    in_place_driver_change:
      optionalBoolean(
        fields.in_place_driver_change,
        'in_place_driver_change',
      ) ?? false,
  };
  const existing = findDefs(ctx.state, orgId)?.defs;
  if (existing && Object.hasOwn(existing, id))
    throw new EngineError(
      'conflict',
      existing[id].is_deleted
        ? `Resource definition \`${id}\` is marked as deleted but active resources still use it; choose another id.`
        : `Resource definition \`${id}\` already exists in organisation \`${orgId}\`; choose another id or change it with PUT or PATCH.`,
      { id },
    );
  const rules =
    fields.criteria === undefined || fields.criteria === null
      ? []
      : checkRules(findDefs(ctx.state, orgId), { id, type }, fields.criteria);
  const record = ensureDefs(ctx.state, orgId);
  const at = isoAt(ctx.now);
  const def: ResourceDefRecord = {
    seq:
      Object.keys(record.defs).length === 0
        ? 1
        : Math.max(...Object.values(record.defs).map((d) => d.seq)) + 1,
    id,
    type,
    criteria: [],
    versions: [],
    active_version_id: '',
    is_deleted: false,
    created_at: at,
    created_by: ctx.userId,
    updated_at: at,
    updated_by: ctx.userId,
  };
  record.defs[id] = def;
  addVersion(ctx, record, orgId, def, content, 'created');
  def.criteria = rules.map((rule) => toRecord(record, orgId, id, rule));
  return definitionView(orgId, def);
}

/** Whether a definition passes the list filters (criteria that could match them; a filter a rule leaves open passes). */
function passes(def: ResourceDefRecord, filters: DefinitionFilters): boolean {
  if (filters.res_type !== undefined && def.type !== filters.res_type)
    return false;
  const wanted: [keyof CriteriaRecord, string | undefined][] = [
    ['app_id', filters.app],
    ['env_id', filters.env],
    ['env_type', filters.env_type],
    ['res_id', filters.res],
    ['class', filters.class],
  ];
  if (wanted.every(([, value]) => value === undefined)) return true;
  return def.criteria.some((rule) =>
    wanted.every(
      ([field, value]) =>
        value === undefined ||
        rule[field] === undefined ||
        rule[field] === value,
    ),
  );
}

/** Most specific first: the number of fields a definition's most specific rule sets. */
function rankOf(def: ResourceDefRecord): number {
  let best = 0;
  for (const rule of def.criteria) {
    const score =
      (rule.res_id !== undefined ? 16 : 0) +
      (rule.env_id !== undefined ? 8 : 0) +
      (rule.env_type !== undefined ? 4 : 0) +
      (rule.app_id !== undefined ? 2 : 0) +
      (rule.class !== DEFAULT_CLASS ? 1 : 0);
    best = Math.max(best, score);
  }
  return best;
}

/** The definitions that could match the filters, grouped by type and, within a type, most specific first. */
export function listDefinitions(
  state: StateV1,
  orgId: string,
  filters: DefinitionFilters = {},
): ResourceDefinitionView[] {
  const defs = Object.values(findDefs(state, orgId)?.defs ?? {}).filter(
    (def) => (filters.deleted || !def.is_deleted) && passes(def, filters),
  );
  defs.sort(
    (a, b) =>
      (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
      rankOf(b) - rankOf(a) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return defs.map((def) => definitionView(orgId, def));
}

/** One definition. */
export function getDefinition(
  state: StateV1,
  orgId: string,
  defId: string,
  deleted = false,
): ResourceDefinitionView {
  return definitionView(orgId, requireDef(state, orgId, defId, deleted));
}

const CHANGE_FIELDS = [
  'name',
  'driver_type',
  'driver_account',
  'driver_inputs',
  'provision',
  'in_place_driver_change',
  'proposed',
] as const;

/** PUT: replaces the definition's content with a new version (`proposed`: not made active). */
export function updateDefinition(
  ctx: OpContext,
  orgId: string,
  defId: string,
  input: unknown,
): ResourceDefinitionView {
  const def = requireDef(ctx.state, orgId, defId);
  const fields = objectBody(
    input,
    'A resource definition update',
    '{"name": "Postgres (dev)", "driver_inputs": {"values": {}}}',
  );
  knownFields(fields, CHANGE_FIELDS, 'A resource definition update');
  const current = activeVersion(def);
  const content: Content = {
    name: displayName(fields.name),
    driver_type:
      fields.driver_type === undefined
        ? current.driver_type
        : checkDriverType(ctx, orgId, fields.driver_type),
    ...(fields.driver_account !== undefined && fields.driver_account !== ''
      ? {
          driver_account: checkDriverAccount(ctx, orgId, fields.driver_account),
        }
      : {}),
    inputs: driverInputs(fields.driver_inputs),
    provision: provision(fields.provision),
    in_place_driver_change:
      optionalBoolean(
        fields.in_place_driver_change,
        'in_place_driver_change',
      ) ?? false,
  };
  const proposed = optionalBoolean(fields.proposed, 'proposed') ?? false;
  addVersion(
    ctx,
    ensureDefs(ctx.state, orgId),
    orgId,
    def,
    content,
    'updated',
    proposed,
  );
  return definitionView(orgId, def);
}

/** Merges one map of inputs: a key given replaces, `null` removes it. */
function mergeMap(base: JsonObject, patch: JsonObject): JsonObject {
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** PATCH: changes the fields given (driver_inputs merged key by key, `null` removes a key) in a new version. */
export function patchDefinition(
  ctx: OpContext,
  orgId: string,
  defId: string,
  input: unknown,
): ResourceDefinitionView {
  const def = requireDef(ctx.state, orgId, defId);
  const fields = objectBody(
    input,
    'A resource definition patch',
    '{"name": "Postgres (dev)"}',
  );
  knownFields(
    fields,
    CHANGE_FIELDS.filter((f) => f !== 'driver_type'),
    'A resource definition patch',
  );
  const content = contentOf(ctx.state, orgId, activeVersion(def));
  if (fields.name !== undefined) content.name = displayName(fields.name);
  if (fields.driver_account !== undefined) {
    if (fields.driver_account === null || fields.driver_account === '')
      delete content.driver_account;
    else
      content.driver_account = checkDriverAccount(
        ctx,
        orgId,
        fields.driver_account,
      );
  }
  if (fields.driver_inputs !== undefined && fields.driver_inputs !== null) {
    const raw = objectBody(
      fields.driver_inputs,
      '`driver_inputs`',
      '{"values": {"port": 5432}}',
    );
    knownFields(raw, ['values', 'secrets', 'secret_refs'], '`driver_inputs`');
    // null removes a key, so check the maps with the nulls left out, then merge them.
    const keep = (map: unknown) =>
      map && typeof map === 'object' && !Array.isArray(map)
        ? Object.fromEntries(Object.entries(map).filter(([, v]) => v !== null))
        : map;
    driverInputs({
      values: keep(raw.values),
      secrets: keep(raw.secrets),
      secret_refs: keep(raw.secret_refs),
    });
    for (const part of ['values', 'secrets', 'secret_refs'] as const)
      if (raw[part] !== undefined && raw[part] !== null)
        content.inputs[part] = mergeMap(
          content.inputs[part],
          raw[part] as JsonObject,
        );
  }
  if (fields.provision !== undefined)
    content.provision = provision(fields.provision);
  const inPlace = optionalBoolean(
    fields.in_place_driver_change,
    'in_place_driver_change',
  );
  if (inPlace !== undefined) content.in_place_driver_change = inPlace;
  const proposed = optionalBoolean(fields.proposed, 'proposed') ?? false;
  addVersion(
    ctx,
    ensureDefs(ctx.state, orgId),
    orgId,
    def,
    content,
    'updated',
    proposed,
  );
  return definitionView(orgId, def);
}

/** The spec's ResourceDefinitionChangeResponse: an active resource that would move to another definition. */
export interface DefinitionChange {
  app_id: string;
  env_id: string;
  res_id: string;
  from_def: string;
  to_def: string;
}

/**
 * A refused change (the spec's 409 of deleteResourceDefinition and
 * deleteResourceDefinitionCriteria): the active resources it would move, each
 * to the definition it would match instead (`""`: none).
 */
export class DefinitionInUse extends EngineError {
  readonly changes: DefinitionChange[];
  constructor(message: string, changes: DefinitionChange[]) {
    super('conflict', message, { changes });
    this.changes = changes;
  }
}

/** Where each active resource of `defId` would go if matching ran on the state as it is now. */
function rematch(
  state: StateV1,
  orgId: string,
  defId: string,
): DefinitionChange[] {
  const index = indexDefinitions(state, orgId);
  const changes: DefinitionChange[] = [];
  for (const active of activeResourcesOf(state, orgId, { defId })) {
    const result = matchWith(index, {
      type: active.type,
      class: active.class,
      res_id: active.res_id,
      app_id: active.app_id,
      env_id: active.env_id,
      env_type: active.env_type,
    });
    const to = result.winner?.def_id ?? '';
    if (to !== defId)
      changes.push({
        app_id: active.app_id,
        env_id: active.env_id,
        res_id: active.res_id,
        from_def: defId,
        to_def: to,
      });
  }
  return changes;
}

function describeChanges(changes: DefinitionChange[]): string {
  const shown = changes
    .slice(0, 5)
    .map(
      (c) =>
        `\`${c.res_id}\` in \`${c.app_id}/${c.env_id}\` (${c.to_def ? `would move to \`${c.to_def}\`` : 'no other definition matches'})`,
    )
    .join(', ');
  return `${shown}${changes.length > 5 ? ` and ${changes.length - 5} more` : ''}`;
}

/**
 * Deletes a definition. Refused ({@link DefinitionInUse}) while active
 * resources use it, unless `force`: then it is marked as deleted (no new
 * resource uses it; the next deployment of each environment re-matches). A
 * definition nothing uses is removed at once, with its secret inputs.
 */
export function deleteDefinition(
  ctx: OpContext,
  orgId: string,
  defId: string,
  force = false,
): void {
  const def = requireDef(ctx.state, orgId, defId);
  const record = ensureDefs(ctx.state, orgId);
  const inUse = activeResourcesOf(ctx.state, orgId, { defId });
  if (inUse.length === 0) {
    for (const version of def.versions)
      if (version.secretsKey) delete record.secrets[version.secretsKey];
    delete record.defs[defId];
    return;
  }
  def.is_deleted = true;
  const changes = rematch(ctx.state, orgId, defId);
  if (!force)
    throw new DefinitionInUse(
      `Resource definition \`${defId}\` provisions ${inUse.length === 1 ? 'an active resource' : `${inUse.length} active resources`}: ${describeChanges(changes)}. Delete with ?force=true to mark it as deleted anyway (each environment re-matches on its next deployment).`,
      changes,
    );
  addVersion(
    ctx,
    record,
    orgId,
    def,
    contentOf(ctx.state, orgId, activeVersion(def)),
    'deleted',
  );
}

// ---------------------------------------------------------------- versions

/** A page of versions, newest first (`next`: the token of the following page). */
export interface VersionPage {
  items: ResourceDefinitionVersionView[];
  next?: string;
}

/** The versions of a definition, newest first, `perPage` at a time (`page`: the token of a previous answer). */
export function listVersions(
  state: StateV1,
  orgId: string,
  defId: string,
  options: { deleted?: boolean; perPage?: number; page?: string } = {},
): VersionPage {
  const def = requireDef(state, orgId, defId, options.deleted);
  const perPage = options.perPage ?? 50;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    invalid(
      `\`per_page\` must be a whole number from 1 to 100; got ${show(perPage)}.`,
      { field: 'per_page' },
    );
  const start = options.page === undefined ? 0 : Number(options.page);
  if (!/^\d+$/.test(options.page ?? '0') || start > def.versions.length)
    invalid(
      `\`page\` ${show(options.page)} is not a page token of this list; use the one in the previous answer's Link header.`,
      { field: 'page' },
    );
  const newestFirst = [...def.versions].reverse();
  const items = newestFirst
    .slice(start, start + perPage)
    .map((version) => versionView(orgId, def, version));
  return {
    items,
    ...(start + perPage < newestFirst.length
      ? { next: String(start + perPage) }
      : {}),
  };
}

/** One version. */
export function getVersion(
  state: StateV1,
  orgId: string,
  defId: string,
  versionId: string,
): ResourceDefinitionVersionView {
  const def = requireDef(state, orgId, defId);
  return versionView(orgId, def, requireVersion(def, versionId));
}

/** Makes a version the active one; an archived version cannot be (400). */
export function promoteVersion(
  ctx: OpContext,
  orgId: string,
  defId: string,
  versionId: string,
): void {
  const def = requireDef(ctx.state, orgId, defId);
  const version = requireVersion(def, versionId);
  if (version.archived)
    invalid(
      `Version \`${versionId}\` of resource definition \`${defId}\` is archived and cannot be promoted; unarchive it first (POST …/actions/archive with {"archived": false}).`,
      { field: 'defVersionId' },
    );
  if (def.active_version_id === versionId) return;
  def.active_version_id = versionId;
  touch(ctx, def);
}

/** Archives (or, with `{"archived": false}`, unarchives) a version; the active version cannot be archived (400). */
export function archiveVersion(
  ctx: OpContext,
  orgId: string,
  defId: string,
  versionId: string,
  input: unknown,
): void {
  const def = requireDef(ctx.state, orgId, defId);
  const version = requireVersion(def, versionId);
  const fields = objectBody(
    input ?? {},
    'The archive request',
    '{"archived": true}',
  );
  knownFields(fields, ['archived'], 'The archive request');
  const archived = optionalBoolean(fields.archived, 'archived') ?? true;
  if (archived && def.active_version_id === versionId)
    invalid(
      `Version \`${versionId}\` is the active version of resource definition \`${defId}\`; promote another version before archiving it.`,
      { field: 'defVersionId' },
    );
  version.archived = archived;
}

// ---------------------------------------------------------------- criteria

/** Adds a criteria rule to a definition (409 when the type already has the rule). */
export function createCriteria(
  ctx: OpContext,
  orgId: string,
  defId: string,
  input: unknown,
): CriteriaView {
  const def = requireDef(ctx.state, orgId, defId);
  const record = ensureDefs(ctx.state, orgId);
  const rule = criteriaRule(input);
  requireClassOf(record, def.type, rule.class);
  if (def.criteria.some((existing) => sameRule(existing, rule)))
    throw new EngineError(
      'conflict',
      `Resource definition \`${defId}\` already has the criteria ${describeRule(rule)}.`,
      { def_id: defId },
    );
  refuseDuplicateElsewhere(record, def, rule);
  const created = toRecord(record, orgId, defId, rule);
  def.criteria.push(created);
  touch(ctx, def);
  return criteriaView(created);
}

/** Replaces all criteria of a definition (a rule kept as it was keeps its id). */
export function replaceCriteria(
  ctx: OpContext,
  orgId: string,
  defId: string,
  input: unknown,
): CriteriaView[] {
  const def = requireDef(ctx.state, orgId, defId);
  const record = ensureDefs(ctx.state, orgId);
  const rules = checkRules(record, def, input);
  def.criteria = rules.map((rule) =>
    toRecord(record, orgId, defId, rule, def.criteria),
  );
  touch(ctx, def);
  return def.criteria.map(criteriaView);
}

/**
 * Deletes a criteria rule. Refused ({@link DefinitionInUse}) when active
 * resources of the definition would match another definition (or none)
 * without it, unless `force`.
 */
export function deleteCriteria(
  ctx: OpContext,
  orgId: string,
  defId: string,
  criteriaId: string,
  force = false,
): void {
  const def = requireDef(ctx.state, orgId, defId);
  if (!def.criteria.some((rule) => rule.id === criteriaId))
    throw new EngineError(
      'not_found',
      `Resource definition \`${defId}\` has no criteria \`${criteriaId}\`; its criteria are ${def.criteria.map((rule) => `\`${rule.id}\``).join(', ') || 'none'}.`,
      { kind: 'criteria', id: criteriaId },
    );
  def.criteria = def.criteria.filter((rule) => rule.id !== criteriaId);
  touch(ctx, def);
  if (force) return;
  const changes = rematch(ctx.state, orgId, defId);
  if (changes.length > 0)
    throw new DefinitionInUse(
      `Deleting criteria \`${criteriaId}\` of resource definition \`${defId}\` would move ${changes.length === 1 ? 'an active resource' : `${changes.length} active resources`}: ${describeChanges(changes)}. Delete with ?force=true to do it anyway (each environment re-matches on its next deployment).`,
      changes,
    );
}

// ---------------------------------------------------------------- classes

function requireClass(
  state: StateV1,
  orgId: string,
  type: string,
  classId: string,
): ResourceClassRecord {
  const classes = findDefs(state, orgId)?.classes ?? {};
  const key = `${type}/${classId}`;
  if (!Object.hasOwn(classes, key))
    throw new EngineError(
      'not_found',
      `Resource type \`${type}\` has no class \`${classId}\` in organisation \`${orgId}\`; list the classes with GET /orgs/${orgId}/resources/classes.`,
      { kind: 'resource-class', id: classId },
    );
  return classes[key];
}

function classDescription(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1024)
    invalid(
      `\`description\` must be a string of at most 1024 characters; got ${show(value)}.`,
      { field: 'description' },
    );
  return (value as string).trim();
}

/** Every class of the organisation, in creation order. */
export function listClasses(
  state: StateV1,
  orgId: string,
): ResourceClassView[] {
  return bySeq(findDefs(state, orgId)?.classes ?? {}).map(classView);
}

/** One class of a type. */
export function getClass(
  state: StateV1,
  orgId: string,
  type: string,
  classId: string,
): ResourceClassView {
  return classView(requireClass(state, orgId, type, classId));
}

/** Creates a class of a type (`default` exists always). */
export function createClass(
  ctx: OpContext,
  orgId: string,
  type: string,
  input: unknown,
): ResourceClassView {
  // The type is in the path: an unknown one is a 404.
  if (!listResourceTypes(ctx, orgId).some((known) => known.type === type))
    throw new EngineError(
      'not_found',
      `Resource type \`${type}\` does not exist in organisation \`${orgId}\`; list the types with GET /orgs/${orgId}/resources/types.`,
      { kind: 'resource-type', id: type },
    );
  const fields = objectBody(
    input,
    'A resource class',
    '{"id": "large", "description": "For heavy workloads."}',
  );
  knownFields(fields, ['id', 'description'], 'A resource class');
  const id = specId('Resource class id', fields.id, 'id');
  const description = classDescription(fields.description ?? '');
  const record = ensureDefs(ctx.state, orgId);
  const key = `${type}/${id}`;
  if (id === DEFAULT_CLASS || Object.hasOwn(record.classes, key))
    throw new EngineError(
      'conflict',
      `Resource type \`${type}\` already has the class \`${id}\`${id === DEFAULT_CLASS ? ' (every type has it)' : ''}; choose another id.`,
      { id },
    );
  const created: ResourceClassRecord = {
    seq: Object.keys(record.classes).length + 1,
    id,
    resource_type: type,
    description,
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
  };
  record.classes[key] = created;
  return classView(created);
}

/** Changes a class's description. */
export function updateClass(
  ctx: OpContext,
  orgId: string,
  type: string,
  classId: string,
  input: unknown,
): ResourceClassView {
  const found = requireClass(ctx.state, orgId, type, classId);
  const fields = objectBody(
    input,
    'A resource class update',
    '{"description": "…"}',
  );
  knownFields(fields, ['description'], 'A resource class update');
  found.description = classDescription(fields.description);
  return classView(found);
}

/** Deletes a class; refused (409) while criteria of live definitions use it, naming them. */
export function deleteClass(
  ctx: OpContext,
  orgId: string,
  type: string,
  classId: string,
): void {
  requireClass(ctx.state, orgId, type, classId);
  const record = ensureDefs(ctx.state, orgId);
  const users = Object.values(record.defs)
    .filter(
      (def) =>
        !def.is_deleted &&
        def.type === type &&
        def.criteria.some((rule) => rule.class === classId),
    )
    .map((def) => def.id)
    .sort();
  if (users.length > 0)
    throw new EngineError(
      'conflict',
      `Resource class \`${classId}\` of type \`${type}\` is used by the criteria of ${users.length === 1 ? 'resource definition' : 'resource definitions'} ${users.map((id) => `\`${id}\``).join(', ')}; change or delete those criteria first.`,
      { definitions: users },
    );
  delete record.classes[`${type}/${classId}`];
}

// ---------------------------------------------------------------- active resources

/** The key of an active resource: one per resource of an environment. */
export function activeResourceKey(r: {
  app_id: string;
  env_id: string;
  type: string;
  class: string;
  res_id: string;
}): string {
  return `${r.app_id}/${r.env_id}/${r.type}/${r.class}/${r.res_id}`;
}

/** Records (or replaces) an active resource provisioned through a definition (deploys call it). */
export function recordActiveResource(
  state: StateV1,
  orgId: string,
  resource: ActiveResourceRecord,
): void {
  ensureDefs(state, orgId).active[activeResourceKey(resource)] =
    cloneJson(resource);
}

/** Forgets an active resource; whether there was one. */
export function removeActiveResource(
  state: StateV1,
  orgId: string,
  key: {
    app_id: string;
    env_id: string;
    type: string;
    class: string;
    res_id: string;
  },
): boolean {
  const active = findDefs(state, orgId)?.active;
  const id = activeResourceKey(key);
  if (!active || !Object.hasOwn(active, id)) return false;
  delete active[id];
  return true;
}

/** Active resources, optionally of one definition, app or environment, in key order. */
export function activeResourcesOf(
  state: StateV1,
  orgId: string,
  filter: { defId?: string; appId?: string; envId?: string } = {},
): ActiveResourceRecord[] {
  const active = findDefs(state, orgId)?.active ?? {};
  return Object.keys(active)
    .sort()
    .map((key) => active[key])
    .filter(
      (r) =>
        (filter.defId === undefined || r.def_id === filter.defId) &&
        (filter.appId === undefined || r.app_id === filter.appId) &&
        (filter.envId === undefined || r.env_id === filter.envId),
    )
    .map(activeResourceView);
}

/** The active resources a definition provisioned (a definition marked as deleted included). */
export function listActiveResourcesOfDefinition(
  state: StateV1,
  orgId: string,
  defId: string,
  mayReadApp: (appId: string) => boolean,
): ActiveResourceRecord[] {
  requireDef(state, orgId, defId, true);
  return activeResourcesOf(state, orgId, { defId }).filter((r) =>
    mayReadApp(r.app_id),
  );
}
