import type {
  MatchingCriteria,
  MatchingCriteriaRule,
  ResourceDefinition,
} from '@/api/resource-definitions';
import { describeCriteria } from '@/lib/criteria';

/** Every criteria of a definition in words; a definition with none is matched by no resource. */
export function describeDefinitionCriteria(def: ResourceDefinition): string {
  const rules = def.criteria ?? [];
  if (rules.length === 0)
    return def.is_default
      ? 'the default for its type'
      : 'no criteria: matches nothing yet';
  return rules.map(describeCriteria).join('; ');
}

/** A rule with only the fields that are set (trimmed); the class left out when it is the default. */
export function cleanRule(rule: MatchingCriteriaRule): MatchingCriteriaRule {
  const clean: MatchingCriteriaRule = {};
  for (const key of [
    'app_id',
    'env_id',
    'env_type',
    'res_id',
    'class',
  ] as const) {
    const value = rule[key]?.trim();
    if (value) clean[key] = value;
  }
  return clean;
}

/** Whether a rule names nothing (it would match every resource of the type). */
export const isEmptyRule = (rule: MatchingCriteriaRule) =>
  Object.keys(cleanRule(rule)).length === 0;

/** Definitions grouped by resource type (types and definitions sorted), for the list. */
export function groupByType(defs: ResourceDefinition[]) {
  const groups = new Map<string, ResourceDefinition[]>();
  for (const def of [...defs].sort((a, b) => a.id.localeCompare(b.id)))
    groups.set(def.type, [...(groups.get(def.type) ?? []), def]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Whether a definition matches a search: id, name, type, driver or its criteria in words. */
export function matchesSearch(def: ResourceDefinition, query: string) {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const criteria: MatchingCriteria[] = def.criteria ?? [];
  return [
    def.id,
    def.name,
    def.type,
    def.driver_type,
    describeDefinitionCriteria(def),
    ...criteria.flatMap((c) => [
      c.app_id,
      c.env_id,
      c.env_type,
      c.res_id,
      c.class,
    ]),
  ].some((text) => text?.toLowerCase().includes(q));
}
