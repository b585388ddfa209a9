/** "N/A" for an average with no data: never shown as 0. */
export const NOT_AVAILABLE = 'N/A';

/** A duration in hours as minutes, hours or days; N/A when null. */
export function formatHours(hours: number | null): string {
  if (hours === null) return NOT_AVAILABLE;
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${round1(hours)} h`;
  return `${round1(hours / 24)} days`;
}

/** Deployments per day as a rate a person reads easily: per day, per week or per month; N/A when null. */
export function formatFrequency(perDay: number | null): string {
  if (perDay === null) return NOT_AVAILABLE;
  if (perDay === 0) return 'None';
  if (perDay >= 1) return `${round1(perDay)} a day`;
  if (perDay * 7 >= 1) return `${round1(perDay * 7)} a week`;
  return `${round1(perDay * 30)} a month`;
}

/** A percentage with one decimal; N/A when null. */
export function formatPercent(percent: number | null): string {
  return percent === null ? NOT_AVAILABLE : `${round1(percent)} %`;
}

function round1(value: number) {
  return Math.round(value * 10) / 10;
}

/** A tier's word, capitalised; N/A when null. */
export function tierLabel(tier: string | null): string {
  return tier === null ? NOT_AVAILABLE : tier[0].toUpperCase() + tier.slice(1);
}
