/**
 * Fuzzy matching for the command palette. A query is split into tokens; an
 * item matches when every token matches its text, either as a substring
 * (scored high, more so at a word start or at the very start) or as a
 * subsequence (scored low, more for consecutive runs and word starts; its
 * letters close together, not scattered over the whole text). All
 * texts are expected in lower case.
 */

/** The lower-case tokens of a query. */
export function tokenize(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

const SEPARATORS = ' -_/.:@·';

function isWordStart(text: string, index: number) {
  return index === 0 || SEPARATORS.includes(text[index - 1]);
}

/**
 * Score of one token in `text`: > 0 when it matches, 0 when it does not. A
 * substring match inside the first `primary` characters (the item's own name,
 * before its context) scores more.
 */
export function scoreToken(
  token: string,
  text: string,
  primary = text.length,
): number {
  const at = text.indexOf(token);
  if (at !== -1) {
    let score = 100 + token.length * 4 + (at < primary ? 20 : 0);
    if (at === 0) score += 60;
    else if (isWordStart(text, at)) score += 40;
    else {
      // A later occurrence may start a word ("pay" in "api payments").
      const again = text.indexOf(` ${token}`, at);
      if (again !== -1) score += 35;
    }
    return score - Math.min(at, 40) * 0.25;
  }
  return subsequenceScore(token, text);
}

/**
 * The longest stretch of text a subsequence match may span: a few letters
 * between each typed one, so "bap" finds "billing-api" but "treasury" does
 * not find its letters scattered over a page's keywords.
 */
const maxSpan = (token: string) => token.length * 2 + 4;

/** Greedy subsequence match of `token` in `text` from `start`: its score and the index of its last letter. */
function subsequenceFrom(token: string, text: string, start: number) {
  let score = 0;
  let run = 0;
  let from = start;
  let last = start;
  for (let i = 0; i < token.length; i += 1) {
    const found = text.indexOf(token[i], from);
    if (found === -1) return undefined;
    run = found === from && i > 0 ? run + 1 : 0;
    score += 1 + run * 3 + (isWordStart(text, found) ? 4 : 0);
    from = found + 1;
    last = found;
  }
  return { score, last };
}

function subsequenceScore(token: string, text: string): number {
  const limit = maxSpan(token);
  let best = 0;
  for (
    let start = text.indexOf(token[0]);
    start !== -1;
    start = text.indexOf(token[0], start + 1)
  ) {
    const match = subsequenceFrom(token, text, start);
    if (!match) break;
    if (match.last - start < limit) best = Math.max(best, match.score);
  }
  // Subsequence matches always rank below substring matches.
  return Math.min(best, 95);
}

/** Score of all tokens in `text` (0 unless every token matches); shorter texts win ties. */
export function scoreTokens(
  tokens: readonly string[],
  text: string,
  primary = text.length,
): number {
  let total = 0;
  for (const token of tokens) {
    const score = scoreToken(token, text, primary);
    if (score === 0) return 0;
    total += score;
  }
  // A one-word query that is the whole name ("api" finds the workloads named api before the API connection
  // page). Not with more words: "billing api prod" names the app and the environment, not a workload api.
  if (
    tokens.length === 1 &&
    tokens[0].length === primary &&
    text.startsWith(tokens[0])
  )
    total += 50;
  return Math.max(total - Math.min(text.length, 200) * 0.01, 0.01);
}
