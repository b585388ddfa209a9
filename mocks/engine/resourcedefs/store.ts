/**
 * Where resource definitions live in the state, and the lookups every
 * operation of this domain shares (404s that name what is missing).
 */
import { sha256Text, toHex } from '../core/canonical';
import { EngineError } from '../core/errors';
import { requireOrg } from '../core/lookup';
import type {
  OrgResourceDefsRecord,
  ResourceDefRecord,
  DefVersionRecord,
} from '../core/model/resourcedefs';
import type { StateV1 } from '../core/state';

/** The class a resource or a criteria has when it names none. */
export const DEFAULT_CLASS = 'default';

/** The organisation's record, or undefined before its first definition or class. */
export function findDefs(
  state: StateV1,
  orgId: string,
): OrgResourceDefsRecord | undefined {
  return requireOrg(state, orgId).resourceDefs;
}

/** The organisation's record, made on the first write. */
export function ensureDefs(
  state: StateV1,
  orgId: string,
): OrgResourceDefsRecord {
  const org = requireOrg(state, orgId);
  org.resourceDefs ??= {
    counter: 0,
    defs: {},
    classes: {},
    secrets: {},
    active: {},
  };
  return org.resourceDefs;
}

/**
 * A new id for a version or a criteria: 16 hex characters derived from the
 * organisation, the definition and a counter, so ids are deterministic and
 * the engine's id source (deployment and delta ids) is left untouched.
 */
export function newId(
  record: OrgResourceDefsRecord,
  orgId: string,
  defId: string,
  kind: 'version' | 'criteria',
): string {
  record.counter += 1;
  return toHex(sha256Text(`${orgId}/${defId}/${kind}/${record.counter}`)).slice(
    0,
    16,
  );
}

/**
 * The definition, or 404 naming it. A definition marked as deleted is found
 * only when `deleted` is true (the spec's `deleted` query parameter).
 */
export function requireDef(
  state: StateV1,
  orgId: string,
  defId: string,
  deleted = false,
): ResourceDefRecord {
  const defs = findDefs(state, orgId)?.defs ?? {};
  const def = Object.hasOwn(defs, defId) ? defs[defId] : undefined;
  if (!def || (def.is_deleted && !deleted))
    throw new EngineError(
      'not_found',
      `Resource definition \`${defId}\` does not exist in organisation \`${orgId}\`${def ? ' (it is marked as deleted; add ?deleted=true to read it)' : ''}; list them with GET /orgs/${orgId}/resources/defs.`,
      { kind: 'resource-definition', id: defId },
    );
  return def;
}

/** The definition's active version (what matching and provisioning use). */
export function activeVersion(def: ResourceDefRecord): DefVersionRecord {
  return (
    def.versions.find((version) => version.id === def.active_version_id) ??
    def.versions[def.versions.length - 1]
  );
}

/** The version, or 404 naming it and the definition. */
export function requireVersion(
  def: ResourceDefRecord,
  versionId: string,
): DefVersionRecord {
  const found = def.versions.find((version) => version.id === versionId);
  if (!found)
    throw new EngineError(
      'not_found',
      `Resource definition \`${def.id}\` has no version \`${versionId}\`; list them with GET …/resources/defs/${def.id}/versions.`,
      { kind: 'resource-definition-version', id: versionId },
    );
  return found;
}
