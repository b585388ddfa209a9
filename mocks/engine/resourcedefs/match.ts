/**
 * Matching: which resource definition provisions a resource, and why.
 *
 * A criteria rule matches a resource when every field the rule sets equals
 * the resource's (its `res_id`, its environment's id and type, its app) and
 * the rule's class equals the resource's (`default` when it names none). A
 * definition without criteria matches nothing; one marked as deleted is not a
 * candidate. Of the matching rules the most specific wins: rules are compared
 * field by field in the order res_id > env_id > app_id > env_type > class (a
 * rule that sets a field beats one that does not, at the first field where
 * they differ). A definition competes with its most specific matching rule.
 * Ties (equally specific rules; only possible in states holding duplicate
 * rules, which the API refuses) go to the definition id first in code-unit
 * order, then the criteria id: deterministic, whatever the creation order.
 *
 * Definitions are indexed by type once ({@link indexDefinitions}), so matching
 * a deployment's resources costs one pass over the definitions plus the
 * candidates of each resource's type.
 */
import type { DeploymentError } from '../core/model/spec';
import type {
  CriteriaRecord,
  ResourceDefRecord,
} from '../core/model/resourcedefs';
import type { StateV1 } from '../core/state';
import { CRITERIA_FIELDS, describeRule, type CriteriaField } from './parse';
import { activeVersion, DEFAULT_CLASS, findDefs } from './store';
import { criteriaView, type CriteriaView } from './views';

/** The resource to match and where it is needed. */
export interface MatchRequest {
  type: string;
  /** `default` when absent. */
  class?: string;
  res_id: string;
  app_id: string;
  env_id: string;
  env_type: string;
}

/** A field where a rule differs from the resource. */
export interface CriteriaMismatch {
  field: CriteriaField | 'class';
  /** What the rule asks for. */
  criteria: string;
  /** What the resource has. */
  resource: string;
}

/** How a candidate fared. */
export type MatchOutcome = 'won' | 'lost' | 'not-matched' | 'no-criteria';

/** A definition of the resource's type and how it fared. */
export interface MatchCandidate {
  rank: number;
  def_id: string;
  def_name: string;
  def_version_id: string;
  driver_type: string;
  outcome: MatchOutcome;
  /** The rule that matched (won or lost), or the nearest rule that did not; absent without criteria. */
  criteria?: CriteriaView;
  /** The fields the rule sets, most specific first (class when not `default`). */
  specificity: string[];
  /** Where the rule differs from the resource (empty when it matched). */
  mismatches: CriteriaMismatch[];
  /** One sentence: why it won, lost or did not match. */
  reason: string;
}

/** The winner of a match. */
export interface MatchWinner {
  def_id: string;
  def_version_id: string;
  driver_type: string;
  criteria: CriteriaView;
}

/** The result of matching one resource. */
export interface MatchResult {
  resource: Required<MatchRequest>;
  winner: MatchWinner | null;
  /** Every definition of the type: matching ones by specificity, then the others nearest first. */
  candidates: MatchCandidate[];
}

/** A rule of a live definition with its specificity score (higher: more specific). */
interface RankedRule {
  def: ResourceDefRecord;
  rule: CriteriaRecord;
  score: number;
}

/** One type's live definitions (in id order) and all their rules, the winner's order first. */
interface TypeIndex {
  defs: ResourceDefRecord[];
  ranked: RankedRule[];
}

/** Live definitions by type. */
export type DefinitionIndex = ReadonlyMap<string, TypeIndex>;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The specificity of a rule as one number: a bit per field, res_id highest,
 * so comparing numbers compares the fields in precedence order.
 */
function scoreOf(rule: CriteriaRecord): number {
  return (
    (rule.res_id !== undefined ? 16 : 0) |
    (rule.env_id !== undefined ? 8 : 0) |
    (rule.app_id !== undefined ? 4 : 0) |
    (rule.env_type !== undefined ? 2 : 0) |
    (rule.class !== DEFAULT_CLASS ? 1 : 0)
  );
}

/**
 * Indexes an organisation's live definitions by type, each type's rules
 * ranked as matching ranks them (most specific first, then definition id,
 * then criteria id): the first rule that matches a resource wins. Build it
 * once per deployment and match many resources with {@link matchWith}.
 */
export function indexDefinitions(
  state: StateV1,
  orgId: string,
): DefinitionIndex {
  const index = new Map<string, TypeIndex>();
  for (const def of Object.values(findDefs(state, orgId)?.defs ?? {})) {
    if (def.is_deleted) continue;
    let entry = index.get(def.type);
    if (!entry) index.set(def.type, (entry = { defs: [], ranked: [] }));
    entry.defs.push(def);
    for (const rule of def.criteria)
      entry.ranked.push({ def, rule, score: scoreOf(rule) });
  }
  for (const entry of index.values()) {
    entry.defs.sort((a, b) => byId(a.id, b.id));
    entry.ranked.sort(
      (a, b) =>
        b.score - a.score ||
        byId(a.def.id, b.def.id) ||
        byId(a.rule.id, b.rule.id),
    );
  }
  return index;
}

/** Whether a rule matches the resource (no allocation: the hot path). */
function ruleMatches(
  rule: CriteriaRecord,
  resource: Required<MatchRequest>,
): boolean {
  return (
    rule.class === resource.class &&
    (rule.res_id === undefined || rule.res_id === resource.res_id) &&
    (rule.env_id === undefined || rule.env_id === resource.env_id) &&
    (rule.env_type === undefined || rule.env_type === resource.env_type) &&
    (rule.app_id === undefined || rule.app_id === resource.app_id)
  );
}

/** Whether a rule sets a field (class counts when it is not `default`). */
function sets(rule: CriteriaRecord, field: CriteriaField | 'class'): boolean {
  return field === 'class'
    ? rule.class !== DEFAULT_CLASS
    : rule[field] !== undefined;
}

const RANKED_FIELDS = [...CRITERIA_FIELDS, 'class'] as const;

/** The fields a rule sets, most specific first. */
function specificityOf(rule: CriteriaRecord): string[] {
  return RANKED_FIELDS.filter((field) => sets(rule, field));
}

/** Negative when `a` is more specific than `b`, 0 when equally specific. */
function compareSpecificity(a: CriteriaRecord, b: CriteriaRecord): number {
  for (const field of RANKED_FIELDS) {
    const diff = Number(sets(b, field)) - Number(sets(a, field));
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The first field, most specific first, that `a` sets and `b` does not. */
function firstAdvantage(
  a: CriteriaRecord,
  b: CriteriaRecord,
): string | undefined {
  return RANKED_FIELDS.find((field) => sets(a, field) && !sets(b, field));
}

function mismatchesOf(
  rule: CriteriaRecord,
  resource: Required<MatchRequest>,
): CriteriaMismatch[] {
  const out: CriteriaMismatch[] = [];
  for (const field of CRITERIA_FIELDS) {
    const wanted = rule[field];
    if (wanted !== undefined && wanted !== resource[field])
      out.push({ field, criteria: wanted, resource: resource[field] });
  }
  if (rule.class !== resource.class)
    out.push({
      field: 'class',
      criteria: rule.class,
      resource: resource.class,
    });
  return out;
}

/** A definition's best matching rule, or its nearest (fewest differences, then most specific) rule. */
function bestRule(
  def: ResourceDefRecord,
  resource: Required<MatchRequest>,
): { rule: CriteriaRecord; mismatches: CriteriaMismatch[] } | undefined {
  let best:
    { rule: CriteriaRecord; mismatches: CriteriaMismatch[] } | undefined;
  for (const rule of def.criteria) {
    const mismatches = mismatchesOf(rule, resource);
    if (
      !best ||
      mismatches.length < best.mismatches.length ||
      (mismatches.length === best.mismatches.length &&
        compareSpecificity(rule, best.rule) < 0)
    )
      best = { rule, mismatches };
  }
  return best;
}

function describeMismatch(m: CriteriaMismatch): string {
  return `its \`${m.field}\` is \`${m.criteria}\`, the resource's is \`${m.resource}\``;
}

/**
 * Matches one resource against an index of definitions. With `explain`
 * false only the winner is computed (`candidates` is empty): what a
 * deployment needs for each resource; explain the misses it reports.
 */
export function matchWith(
  index: DefinitionIndex,
  request: MatchRequest,
  explain = true,
): MatchResult {
  const resource: Required<MatchRequest> = {
    ...request,
    class: request.class || DEFAULT_CLASS,
  };
  type Scored = {
    def: ResourceDefRecord;
    rule?: CriteriaRecord;
    mismatches: CriteriaMismatch[];
  };
  const entry = index.get(resource.type);
  if (!explain) {
    const first = entry?.ranked.find((r) => ruleMatches(r.rule, resource));
    return { resource, winner: winnerOf(first), candidates: [] };
  }
  const matched: Scored[] = [];
  const others: Scored[] = [];
  for (const def of entry?.defs ?? []) {
    const best = bestRule(def, resource);
    if (best && best.mismatches.length === 0)
      matched.push({ def, rule: best.rule, mismatches: [] });
    else
      others.push({
        def,
        rule: best?.rule,
        mismatches: best?.mismatches ?? [],
      });
  }
  matched.sort(
    (a, b) =>
      compareSpecificity(a.rule!, b.rule!) ||
      byId(a.def.id, b.def.id) ||
      byId(a.rule!.id, b.rule!.id),
  );
  const top = matched[0];
  others.sort(
    (a, b) =>
      Number(a.rule === undefined) - Number(b.rule === undefined) ||
      a.mismatches.length - b.mismatches.length ||
      byId(a.def.id, b.def.id),
  );
  const candidates = [...matched, ...others].map(
    (scored, i): MatchCandidate => {
      const version = activeVersion(scored.def);
      const outcome: MatchOutcome = !scored.rule
        ? 'no-criteria'
        : scored.mismatches.length > 0
          ? 'not-matched'
          : i === 0
            ? 'won'
            : 'lost';
      return {
        rank: i + 1,
        def_id: scored.def.id,
        def_name: version.name,
        def_version_id: version.id,
        driver_type: version.driver_type,
        outcome,
        ...(scored.rule ? { criteria: criteriaView(scored.rule) } : {}),
        specificity: scored.rule ? specificityOf(scored.rule) : [],
        mismatches: scored.mismatches,
        reason: reasonOf(outcome, scored, top, matched.length),
      };
    },
  );
  return { resource, winner: winnerOf(top), candidates };
}

function winnerOf(
  top: { def: ResourceDefRecord; rule?: CriteriaRecord } | undefined,
): MatchWinner | null {
  if (!top) return null;
  const version = activeVersion(top.def);
  return {
    def_id: top.def.id,
    def_version_id: version.id,
    driver_type: version.driver_type,
    criteria: criteriaView(top.rule!),
  };
}

function reasonOf(
  outcome: MatchOutcome,
  scored: {
    def: ResourceDefRecord;
    rule?: CriteriaRecord;
    mismatches: CriteriaMismatch[];
  },
  top: { def: ResourceDefRecord; rule?: CriteriaRecord } | undefined,
  matching: number,
): string {
  const rule = scored.rule;
  switch (outcome) {
    case 'no-criteria':
      return 'It has no matching criteria, so it matches nothing; add a criteria rule (e.g. {"env_type": "development"}) to use it.';
    case 'not-matched':
      return `Its nearest criteria ${describeRule(rule!)} does not match: ${scored.mismatches.map(describeMismatch).join('; ')}.`;
    case 'won':
      return matching === 1
        ? `Its criteria ${describeRule(rule!)} is the only one that matches.`
        : `Its criteria ${describeRule(rule!)} is the most specific of the ${matching} that match.`;
    case 'lost': {
      const advantage = firstAdvantage(top!.rule!, rule!);
      return advantage
        ? `Its criteria ${describeRule(rule!)} matches but is less specific than the winner's ${describeRule(top!.rule!)}: the winner sets \`${advantage}\` (precedence res_id > env_id > app_id > env_type > class).`
        : `Its criteria ${describeRule(rule!)} matches and is as specific as the winner's; ties go to the definition id first in order (\`${top!.def.id}\` before \`${scored.def.id}\`).`;
    }
  }
}

/** Matches one resource against the organisation's definitions. */
export function matchResource(
  state: StateV1,
  orgId: string,
  request: MatchRequest,
): MatchResult {
  return matchWith(indexDefinitions(state, orgId), request);
}

/** The code of a deployment error for a resource no definition matches. */
export const NO_MATCHING_DEFINITION_CODE = 'RES-MATCH-001';

/** How many of the nearest candidates the error names. */
const NEAREST = 3;

/**
 * The deployment error for a resource no definition matches: it names the
 * resource, its type and class, where it was needed, and the nearest
 * candidates with why each did not match (deploys raise it).
 */
export function noMatchingDefinitionError(
  result: MatchResult,
): DeploymentError {
  const r = result.resource;
  const nearest = result.candidates.slice(0, NEAREST);
  const candidates =
    nearest.length === 0
      ? `The organisation has no resource definition of type \`${r.type}\`.`
      : `Nearest candidates: ${nearest.map((c) => `\`${c.def_id}\`: ${c.reason}`).join(' ')}${result.candidates.length > NEAREST ? ` (${result.candidates.length - NEAREST} more of type \`${r.type}\`.)` : ''}`;
  return {
    scope: 'resource',
    object_id: r.res_id,
    code: NO_MATCHING_DEFINITION_CODE,
    summary: 'No resource definition matches',
    message: `No resource definition matches resource \`${r.res_id}\` of type \`${r.type}\` and class \`${r.class}\` in app \`${r.app_id}\`, environment \`${r.env_id}\` (type \`${r.env_type}\`). ${candidates} Add a definition of type \`${r.type}\` whose criteria match (e.g. {"env_type": "${r.env_type}"${r.class !== DEFAULT_CLASS ? `, "class": "${r.class}"` : ''}}), or change a criteria rule; then deploy again.`,
    error_type: 'ResourceDefinitionNotFound',
  };
}
