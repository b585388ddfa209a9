const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
let relativeFormat: Intl.RelativeTimeFormat | undefined;
let absoluteFormat: Intl.DateTimeFormat | undefined;
const relative = () =>
  (relativeFormat ??= new Intl.RelativeTimeFormat('en', {
    numeric: 'auto',
    style: 'short',
  }));
const absolute = () =>
  (absoluteFormat ??= new Intl.DateTimeFormat('en', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }));

/**
 * Makes the time formatters and a collator, one step per call (each a
 * separate idle task: together they were one task of 40-70 ms on a 2-core
 * machine). The first of these loads the locale data (about 13 ms, 50 on a
 * slow phone; a collator its collation rules): boot.ts runs the steps in idle
 * moments while the page's modules load, not inside the task that renders the
 * first times or sorts names.
 */
export const localeDataSteps: readonly (() => void)[] = [
  () => void relative(),
  () => void absolute(),
  () => void new Intl.Collator('en').compare('a', 'b'),
];

/** "3 min ago" for a timestamp, relative to `now`. */
export function formatRelative(iso: string, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return 'unknown time';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relative().format(Math.round(seconds / size), unit);
    }
  }
  return relative().format(seconds, 'second');
}

/** The full date and time, for hover text. */
export function formatAbsolute(iso: string) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : absolute().format(date);
}

let dayFormat: Intl.DateTimeFormat | undefined;

/**
 * The day alone, "8 Jan 2027", in UTC: where the date matters more than the hour (an expiry), and the same day
 * everywhere that counts days to it (`daysUntil` counts UTC days).
 */
export function formatDay(iso: string) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : (dayFormat ??= new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeZone: 'UTC',
      })).format(date);
}

let timeFormat: Intl.DateTimeFormat | undefined;
let minuteFormat: Intl.DateTimeFormat | undefined;

/** The time of day with seconds, 24-hour, "07:50:29" (a log line's time; the page's other times say the day too). */
export function formatTime(at: string | number) {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? String(at)
    : (timeFormat ??= new Intl.DateTimeFormat('en-GB', {
        timeStyle: 'medium',
      })).format(date);
}

/** The time of day to the minute, 24-hour, "07:50" (a chart's time axis). */
export function formatMinute(at: string | number) {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? String(at)
    : (minuteFormat ??= new Intl.DateTimeFormat('en-GB', {
        timeStyle: 'short',
      })).format(date);
}

let shortDayFormat: Intl.DateTimeFormat | undefined;

/** A calendar day (`2026-11-08`) as "8 Nov", for a chart's axis (the same style as {@link formatDay}). */
export function formatShortDay(day: string) {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : (shortDayFormat ??= new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      })).format(date);
}

/**
 * Calendar days (UTC) from `now`'s day to `iso`'s day, as a person counts them on a calendar: a key expiring on the
 * 17th is 10 days away on the 7th, at any hour (negative once past).
 */
export function daysUntil(iso: string, now = Date.now()): number {
  const day = (ms: number) => Math.floor(ms / 86_400_000);
  return day(Date.parse(iso)) - day(now);
}

/** How far away a day is, by the calendar (see {@link daysUntil}): "today", "tomorrow", "in 30 days". */
export function formatDaysUntil(iso: string, now = Date.now()): string {
  const days = daysUntil(iso, now);
  if (Number.isNaN(days)) return 'unknown day';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** A duration in ms as "1 m 05 s" / "4.2 s". */
export function formatDuration(ms: number) {
  if (ms < 0 || !Number.isFinite(ms)) return '—';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} m ${String(seconds).padStart(2, '0')} s`;
}

/** A short form of a long id or hash. */
export function shortId(id: string, length = 8) {
  return id.length > length + 1 ? id.slice(0, length) : id;
}

/** A count with its noun, pluralised: `1 container image`, `3 container images` (plural defaults to noun + s). */
export function countOf(count: number, noun: string, plural = `${noun}s`) {
  return `${count} ${count === 1 ? noun : plural}`;
}

/**
 * An environment as a choice in a list, said alike on every page: its name, its id where the name does not say it,
 * and its type where the choice depends on it: "Development", "Preview (GitOps) · id preview · type development".
 */
export function envChoiceLabel(
  env: { id: string; name: string; type?: string },
  { withType = false }: { withType?: boolean } = {},
): string {
  const parts = [env.name || env.id];
  if (env.name && env.name.toLowerCase() !== env.id) parts.push(`id ${env.id}`);
  if (withType && env.type) parts.push(`type ${env.type}`);
  return parts.join(' · ');
}
