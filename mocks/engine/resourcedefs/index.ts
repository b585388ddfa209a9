/**
 * Resource definitions (`/orgs/{orgId}/resources/defs`): how (a driver and
 * its inputs) and when (matching criteria) a resource of a type is
 * provisioned; their versions (every change makes one; the active one is what
 * matching uses; promote and archive), criteria (`app_id`, `env_id`,
 * `env_type`, `res_id`, `class`; a rule once per type), resource classes per
 * type, the write-only secret driver inputs, and the active resources
 * deployments record per definition.
 *
 * Matching (match.ts): the most specific matching rule wins, field by field
 * res_id > env_id > app_id > env_type > class; a definition without criteria
 * matches nothing; ties go to the definition id first in code-unit order,
 * then the criteria id. Other domains call {@link matchResource} (or
 * {@link indexDefinitions} + {@link matchWith} for many resources),
 * {@link noMatchingDefinitionError} for the catalogued `RES-MATCH-001`, and
 * {@link recordActiveResource} / {@link removeActiveResource} /
 * {@link activeResourcesOf} for what deployments provision; the facade
 * passes {@link resourceUsage} to drivers, accounts and resource types.
 */
export * from './methods';
export {
  indexDefinitions,
  matchResource,
  matchWith,
  noMatchingDefinitionError,
  NO_MATCHING_DEFINITION_CODE,
  type CriteriaMismatch,
  type DefinitionIndex,
  type MatchCandidate,
  type MatchOutcome,
  type MatchRequest,
  type MatchResult,
  type MatchWinner,
} from './match';
export {
  activeResourceKey,
  activeResourcesOf,
  DefinitionInUse,
  recordActiveResource,
  removeActiveResource,
  versionSecrets,
  type DefinitionChange,
  type DefinitionFilters,
  type VersionPage,
} from './ops';
export { activeVersion, DEFAULT_CLASS, requireDef } from './store';
export { resourceUsage } from './usage';
export type {
  CriteriaView,
  ResourceClassView,
  ResourceDefinitionVersionView,
  ResourceDefinitionView,
} from './views';
