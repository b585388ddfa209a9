/**
 * Fault injection settings of the embedded engine's mock API (see README,
 * "Fault injection"): which fraction of API calls fail or slow down, how, and
 * with which seed. Pure: parsed from `?faults=…` by mocks/browser.ts, edited
 * by the Settings page's dev panel, applied by mocks/handlers/faults.ts.
 */

/** How an injected fault shows: a 500 or 503 error, a gateway time-out (504), a dropped connection, or a slow answer. */
export type FaultKind = '500' | '503' | 'timeout' | 'network' | 'slow';

/** Every fault kind, in the order the panel shows them. */
export const FAULT_KINDS: readonly FaultKind[] = [
  '500',
  '503',
  'timeout',
  'network',
  'slow',
];

/** The fault kinds used when none are named. */
export const DEFAULT_FAULT_KINDS: readonly FaultKind[] = [
  '500',
  '503',
  'timeout',
  'network',
];

/** The fault injection settings. */
export interface FaultConfig {
  /** Fraction of API calls that get a fault, 0–1. */
  rate: number;
  /** Faults to choose from, uniformly. */
  kinds: FaultKind[];
  /** Milliseconds a `slow` call waits before its normal answer, and a `timeout` before its 504. */
  delayMs: number;
  /** Seed of the random choices: the same seed and the same calls give the same faults. */
  seed: number;
}

/** The session key where the demo keeps this tab's fault settings (text form). */
export const FAULTS_STORAGE_KEY = 'platform-console/faults';

const DEFAULTS = { delayMs: 500, seed: 1 };

/**
 * Parses `0.2` or `rate:0.2,kinds:500|503|timeout|network|slow,delay:300,seed:7`
 * (`=` works as well as `:`; rate also as a percentage, `20%`). Returns
 * undefined for `off`, `0` or an empty text; throws an Error naming the bad
 * part otherwise.
 */
export function parseFaultConfig(text: string): FaultConfig | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'off' || trimmed === 'none')
    return undefined;
  const config: FaultConfig = {
    rate: 0,
    kinds: [...DEFAULT_FAULT_KINDS],
    ...DEFAULTS,
  };
  const parts = trimmed
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const [index, part] of parts.entries()) {
    const match = /^([a-z]+)\s*[:=]\s*(.*)$/.exec(part);
    const [key, value] = match
      ? [match[1], match[2].trim()]
      : index === 0
        ? ['rate', part]
        : ['', part];
    if (key === 'rate') config.rate = parseRate(value);
    else if (key === 'kinds') config.kinds = parseKinds(value);
    else if (key === 'delay')
      config.delayMs = parseWhole(value, 'delay', 60_000);
    else if (key === 'seed')
      config.seed = parseWhole(value, 'seed', 2 ** 32 - 1);
    else
      throw new Error(
        `Unknown fault setting "${part}"; use rate, kinds, delay or seed (e.g. rate:0.2,kinds:500|timeout,delay:300,seed:7).`,
      );
  }
  return config.rate > 0 ? config : undefined;
}

function parseRate(value: string): number {
  const percent = value.endsWith('%');
  const n = Number(percent ? value.slice(0, -1) : value) / (percent ? 100 : 1);
  if (!Number.isFinite(n) || n < 0 || n > 1 || value === '') {
    throw new Error(
      `The fault rate must be between 0 and 1 (or 0% and 100%); got "${value}".`,
    );
  }
  return n;
}

function parseKinds(value: string): FaultKind[] {
  const kinds = value
    .split('|')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = kinds.filter(
    (k) => !(FAULT_KINDS as readonly string[]).includes(k),
  );
  if (kinds.length === 0) throw new Error('Choose at least one kind of fault.');
  if (unknown.length > 0) {
    throw new Error(
      `Unknown fault kind "${unknown[0]}"; use ${FAULT_KINDS.join(', ')}, separated by |.`,
    );
  }
  return [...new Set(kinds as FaultKind[])];
}

function parseWhole(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max)
    throw new Error(
      `The fault ${name} must be a whole number from 0 to ${max}; got "${value}".`,
    );
  return n;
}

/** The text form of a config (what {@link parseFaultConfig} reads back); `off` when there is none. */
export function formatFaultConfig(config: FaultConfig | undefined): string {
  if (!config || config.rate <= 0) return 'off';
  return `rate:${config.rate},kinds:${config.kinds.join('|')},delay:${config.delayMs},seed:${config.seed}`;
}
