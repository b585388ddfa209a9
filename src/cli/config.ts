/**
 * Where the CLI finds its API, token and organisation: flags, then the
 * environment (`HUMANITEC_API_URL`, `HUMANITEC_TOKEN`, `HUMANITEC_ORG`), then
 * the file `login` writes (`$XDG_CONFIG_HOME/platform-console/cli.json`, else
 * `~/.config/...`, mode 0600 because it holds a token).
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The default API: the engine's HTTP server (`npm run api`). */
export const DEFAULT_API_URL = 'http://127.0.0.1:4010';

/** What `login` stores. */
export interface StoredConfig {
  api_url?: string;
  token?: string;
  org?: string;
}

/** The resolved settings of one CLI run. */
export interface CliSettings {
  apiUrl: string;
  token?: string;
  org?: string;
}

type Env = Record<string, string | undefined>;

/** The config file's path for this environment. */
export function configPath(env: Env = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'platform-console', 'cli.json');
}

/** The stored config, or an empty one when there is none (or it is unreadable JSON). */
export function readStoredConfig(env: Env = process.env): StoredConfig {
  const path = configPath(env);
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as StoredConfig) : {};
  } catch {
    return {};
  }
}

/** Writes the config file with owner-only permissions (it holds a token). */
export function writeStoredConfig(
  config: StoredConfig,
  env: Env = process.env,
): string {
  const path = configPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600); // an existing file keeps its old mode on write
  return path;
}

/** Removes the stored config (logout). */
export function removeStoredConfig(env: Env = process.env): void {
  rmSync(configPath(env), { force: true });
}

/** Flags first, then the environment, then the stored config. */
export function resolveSettings(
  flags: { 'api-url'?: string; token?: string; org?: string },
  env: Env = process.env,
): CliSettings {
  const stored = readStoredConfig(env);
  return {
    apiUrl: (
      flags['api-url'] ||
      env.HUMANITEC_API_URL ||
      stored.api_url ||
      DEFAULT_API_URL
    ).replace(/\/$/, ''),
    token: flags.token || env.HUMANITEC_TOKEN || stored.token,
    org: flags.org || env.HUMANITEC_ORG || stored.org,
  };
}
