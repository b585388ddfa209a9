import type { MatchingCriteriaRule } from '@/api/resource-definitions';

/** The class a rule without one has. */
export const DEFAULT_CLASS = 'default';

/**
 * A matching criteria rule in words: "staging environments", "app shop, any
 * environment", "res_id db, class large". The most specific parts come last,
 * as in the API's order of specificity (env_type, app, env, res_id), then the class.
 */
export function describeCriteria(rule: MatchingCriteriaRule): string {
  const parts: string[] = [];
  if (rule.app_id) parts.push(`app ${rule.app_id}`);
  if (rule.env_id) parts.push(`environment ${rule.env_id}`);
  else if (rule.env_type) parts.push(`${rule.env_type} environments`);
  else if (rule.app_id) parts.push('any environment');
  if (rule.env_id && rule.env_type) parts.push(`of type ${rule.env_type}`);
  if (rule.res_id) parts.push(`res_id ${rule.res_id}`);
  if (rule.class && rule.class !== DEFAULT_CLASS)
    parts.push(`class ${rule.class}`);
  return parts.length === 0
    ? 'everything (any app and environment)'
    : parts.join(', ');
}
