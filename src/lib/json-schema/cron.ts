/**
 * Cron expressions as a Kubernetes CronJob takes them: five fields (minute,
 * hour, day of month, month, day of week), each a list of `*`, `?`, values,
 * ranges and steps (`*\/15`, `1-5`, `0,30`, `MON-FRI`), or one of the macros
 * `@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`. One check, shared:
 * the validator refuses what it refuses (the `cron` format, and every field
 * with `x-console-widget: cron`; keywords.ts) in the form and in the engine,
 * and the cron widget describes only what it accepts.
 */

/** The macros a schedule may be instead of five fields. */
export const CRON_MACROS: Record<string, string> = {
  '@yearly': 'once a year, at midnight on 1 January',
  '@annually': 'once a year, at midnight on 1 January',
  '@monthly': 'once a month, at midnight on the 1st',
  '@weekly': 'once a week, at midnight on Sunday',
  '@daily': 'once a day, at midnight',
  '@midnight': 'once a day, at midnight',
  '@hourly': 'once an hour, on the hour',
};

const FIELDS: {
  name: string;
  min: number;
  max: number;
  names?: string[];
}[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' '),
  },
  {
    name: 'day of week',
    min: 0,
    max: 6,
    names: 'SUN MON TUE WED THU FRI SAT'.split(' '),
  },
];

type Field = (typeof FIELDS)[number];

function valueOf(text: string, field: Field): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + field.min : undefined;
}

/** Why one field is wrong, or undefined when it is fine. */
function fieldProblem(text: string, field: Field): string | undefined {
  const range = `${field.min} to ${field.max}${field.names ? ` or ${field.names[0]}–${field.names[field.names.length - 1]}` : ''}`;
  for (const item of text.split(',')) {
    const [base, step, extra] = item.split('/');
    if (extra !== undefined || base === '')
      return `the ${field.name} "${text}" is not a value, range or step`;
    if (step !== undefined && !/^[1-9]\d*$/.test(step))
      return `the step "${step}" of the ${field.name} must be a whole number from 1`;
    if (base === '*' || base === '?') continue;
    const bounds = base.split('-');
    if (bounds.length > 2)
      return `the ${field.name} "${base}" is not a value or a range`;
    const values = bounds.map((b) => valueOf(b, field));
    if (values.some((v) => v === undefined || v < field.min || v > field.max))
      return `the ${field.name} must be ${range}; got "${base}"`;
    if (values.length === 2 && values[0]! > values[1]!)
      return `the ${field.name} range "${base}" runs backwards`;
  }
  return undefined;
}

/** Why `expression` is not a cron expression, or undefined when it is one. */
export function cronProblem(expression: string): string | undefined {
  const text = expression.trim();
  if (text.startsWith('@'))
    return Object.hasOwn(CRON_MACROS, text.toLowerCase())
      ? undefined
      : `"${text}" is not one of ${Object.keys(CRON_MACROS).join(', ')}`;
  const parts = text === '' ? [] : text.split(/\s+/);
  if (parts.length !== FIELDS.length)
    return `it has ${parts.length} field${parts.length === 1 ? '' : 's'}, not 5 (minute hour day-of-month month day-of-week)`;
  for (let i = 0; i < FIELDS.length; i += 1) {
    const problem = fieldProblem(parts[i], FIELDS[i]);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether `expression` is a cron expression a CronJob takes. */
export function isCronExpression(expression: string): boolean {
  return cronProblem(expression) === undefined;
}
