/**
 * Shared values in the console: comparing two value sets (a version against
 * another, or the versions two deployments used) as field changes for the diff
 * components, reading `.env` text for a bulk import, and showing what
 * `${values.KEY}` resolves to. A secret's content never reaches the console
 * (the API answers `""`): it is shown masked, and a change of it as "changed".
 */
import type { FieldChange } from './diff/field-changes';

/** The part of a ValueResponse these helpers read. */
export interface ValueLike {
  key: string;
  value: string;
  is_secret: boolean;
  secret_version?: string | null;
}

/** How a secret is shown: never its value. */
export const MASKED_SECRET = '•••••• (secret)';

const shown = (value: ValueLike) =>
  value.is_secret ? MASKED_SECRET : value.value;

/** The changes from one value set to another, by key (secrets: "changed" when their version differs, never a value). */
export function valueChanges(
  from: Record<string, ValueLike>,
  to: Record<string, ValueLike>,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const before = Object.hasOwn(from, key) ? from[key] : undefined;
    const after = Object.hasOwn(to, key) ? to[key] : undefined;
    const base = {
      category: 'variables' as const,
      label: key,
      path: `/${key}`,
    };
    if (before && !after)
      changes.push({ ...base, kind: 'removed', from: shown(before) });
    else if (!before && after)
      changes.push({ ...base, kind: 'added', to: shown(after) });
    else if (before && after) {
      const differs =
        before.is_secret || after.is_secret
          ? before.is_secret !== after.is_secret ||
            (before.secret_version ?? '') !== (after.secret_version ?? '')
          : before.value !== after.value;
      if (differs)
        changes.push({
          ...base,
          kind: 'changed',
          from: shown(before),
          to: after.is_secret ? `${MASKED_SECRET}, changed` : shown(after),
        });
    }
  }
  return changes;
}

/** The spec's pattern of a value's key. */
export const VALUE_KEY = /^[A-Za-z0-9_.-]+$/;

/** One line of `.env` text that could not be read. */
export interface DotenvProblem {
  line: number;
  message: string;
}

/**
 * Reads `.env` text: `KEY=value` lines (an optional `export ` prefix, values in
 * single or double quotes, `#` comments and blank lines skipped). A later line
 * of the same key wins. Problems name the line, never its value.
 */
export function parseDotenv(text: string): {
  entries: { key: string; value: string }[];
  problems: DotenvProblem[];
} {
  const found = new Map<string, string>();
  const problems: DotenvProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const body = line.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    if (eq <= 0) {
      problems.push({ line: index + 1, message: 'is not KEY=value' });
      return;
    }
    const key = body.slice(0, eq).trim();
    if (!VALUE_KEY.test(key)) {
      problems.push({
        line: index + 1,
        message: `has the key “${key.slice(0, 40)}”, which may hold only letters, digits, _, . and -`,
      });
      return;
    }
    let value = body.slice(eq + 1).trim();
    const quote = value[0];
    if (
      (quote === '"' || quote === "'") &&
      value.endsWith(quote) &&
      value.length >= 2
    ) {
      value = value.slice(1, -1);
      if (quote === '"')
        value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    found.set(key, value);
  });
  return {
    entries: [...found].map(([key, value]) => ({ key, value })),
    problems,
  };
}

const REFERENCE = /\$\{values\.([A-Za-z0-9_.-]+)\}/g;

/** A text with its `${values.KEY}` references filled in from `values` (secrets masked, unknown keys kept). */
export function resolveValueReferences(
  text: string,
  values: Record<string, ValueLike>,
): { text: string; used: string[] } {
  const used: string[] = [];
  const out = text.replace(REFERENCE, (whole, key: string) => {
    if (!Object.hasOwn(values, key)) return whole;
    used.push(key);
    return shown(values[key]);
  });
  return { text: out, used };
}
