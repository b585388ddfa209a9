/**
 * The figures every bench reports the same way: medians of its runs, rounded
 * to a tenth of a millisecond, and budget lines of its JSON.
 */

/** The median of some numbers, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A figure to a tenth (null stays null: a run that did not measure it). */
export function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** A budget line: the limit, the value and whether it is within (a value not measured never is). */
export function budget(value: number | null, limit: number) {
  return { limit, value, pass: value !== null && value <= limit };
}

/** The rounded median of every run's figure, or null unless every run measured it (a run that never showed it). */
export function medianOfAll(values: readonly (number | null)[]): number | null {
  const measured = values.filter((v): v is number => v !== null);
  return measured.length === values.length ? round(median(measured)) : null;
}
