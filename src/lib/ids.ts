/**
 * Ids as Humanitec's API takes them (apps, environments, profiles, definitions): `min` to 50 lowercase letters,
 * digits and single dashes, starting and ending with a letter or digit. Said in words, never as a pattern. The
 * spec's patterns set the least: 2 characters for applications and environments (`^[a-z0-9](?:-?[a-z0-9]+)+$`), 3
 * for resource definitions (`^[a-z0-9][a-z0-9-]+[a-z0-9]$`), 1 for profiles (no pattern).
 */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 50;

/** At least this many characters, by the spec's pattern (see above). */
export const MIN_ID_LENGTH = { app: 2, environment: 2, definition: 3 } as const;

/** Why `id` would be refused, or undefined; `example` shows a good one ("my-app-1"); at least `min` characters. */
export function idProblem(
  id: string,
  example: string,
  min = 1,
): string | undefined {
  if (id === '') return 'Give it an id.';
  if (id.length < min)
    return `An id has at least ${min} characters, e.g. ${example}.`;
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
