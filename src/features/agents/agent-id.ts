/** An agent id as the API takes it: 2 to 50 lowercase letters, digits and single dashes (the engine's assertId). */
const AGENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN = 2;
const MAX = 50;

/** The rule, said under the field before anything is typed, and the same for every way an id breaks it. */
export const AGENT_ID_RULE = `${MIN} to ${MAX} lowercase letters, digits and single dashes, starting and ending with a letter or digit (e.g. edge-frankfurt).`;

/**
 * What in `id` breaks the rule (said next to the rule, which stays shown), or undefined for a good id or an empty
 * one (the form asks for one by its disabled button).
 */
export function agentIdProblem(id: string): string | undefined {
  if (id === '') return undefined;
  if (id.length < MIN)
    return `Too short: ${id.length} character, the id needs at least ${MIN}.`;
  if (id.length > MAX)
    return `Too long: ${id.length} characters, the id has at most ${MAX}.`;
  if (AGENT_ID.test(id)) return undefined;
  const other = [...new Set(id.replace(/[a-z0-9-]/g, ''))];
  if (other.length > 0)
    return `Not allowed: ${other
      .map((c) => (c === ' ' ? 'a space' : `“${c}”`))
      .join(', ')}; use lowercase letters, digits and dashes only.`;
  return 'Dashes go between letters or digits, one at a time: not at the start or end, and never two together.';
}
