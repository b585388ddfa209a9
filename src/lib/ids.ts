/**
 * Ids as Humanitec's API takes them (apps, environments, profiles, definitions): 1 to 50 lowercase letters,
 * digits and single dashes, starting and ending with a letter or digit. Said in words, never as a pattern.
 */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 50;

/** Why `id` would be refused, or undefined; `example` shows a good one ("my-app-1"). */
export function idProblem(id: string, example: string): string | undefined {
  if (id === '') return 'Give it an id.';
  if (id.length > MAX_ID_LENGTH)
    return `An id has at most ${MAX_ID_LENGTH} characters (this one has ${id.length}).`;
  if (!ID.test(id))
    return `Use lowercase letters, digits and single dashes, starting and ending with a letter or digit, e.g. ${example}.`;
  return undefined;
}

/** An id made from a display name: "Payments API (EU)" -> "payments-api-eu" (accents dropped, at most 50). */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}
