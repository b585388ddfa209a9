/**
 * String formats the validator checks (the common JSON Schema formats, as
 * regular expressions or small functions; no `eval`). Unknown formats are
 * accepted, as the JSON Schema specification allows.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}:\d{2})$/i;

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

function isTime(value: string): boolean {
  const match = TIME.exec(value);
  if (!match) return false;
  const [h, min, s] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return h <= 23 && min <= 59 && s <= 60;
}

/** Checks of the supported formats. */
export const FORMATS: Record<string, (value: string) => boolean> = {
  date: isDate,
  time: isTime,
  'date-time': (value) => {
    const [date, time, ...rest] = value.split(/t/i);
    return rest.length === 0 && time !== undefined && isDate(date) && isTime(time);
  },
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  hostname: (value) =>
    value.length <= 253 &&
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(value),
  ipv4: (value) =>
    /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(value),
  ipv6: (value) => /^[0-9a-f:.]+$/i.test(value) && value.includes(':'),
  uri: (value) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value),
  'uri-reference': (value) => !/\s/.test(value),
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  regex: (value) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  },
};
