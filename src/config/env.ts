/**
 * Runtime configuration, read once from Vite's env. Base URL and token come
 * from configuration, never from code:
 * - VITE_API_URL: a Humanitec-compatible API; the dev server proxies `/api` to it.
 * - VITE_API_BASE: where the browser sends requests (default `/api`).
 * - VITE_API_TOKEN: a bearer token for that API (otherwise asked for at sign-in).
 * - VITE_ORG_ID: the organisation to open.
 * Without VITE_API_URL the embedded engine (MSW) answers in the browser.
 */
export interface AppConfig {
  apiBase: string;
  useEmbeddedEngine: boolean;
  token: string | undefined;
  orgId: string | undefined;
}

function read(env: Record<string, string | boolean | undefined>): AppConfig {
  const str = (key: string) => {
    const value = env[key];
    return typeof value === 'string' && value.trim() !== ''
      ? value.trim()
      : undefined;
  };
  const apiUrl = str('VITE_API_URL');
  return {
    apiBase: (str('VITE_API_BASE') ?? '/api').replace(/\/$/, ''),
    useEmbeddedEngine: !apiUrl && str('VITE_ENABLE_MOCKS') !== 'false',
    token: str('VITE_API_TOKEN'),
    orgId: str('VITE_ORG_ID'),
  };
}

// `import.meta.env` is Vite's; under Node (the CLI imports the API client) it is undefined.
export const config: AppConfig = read(import.meta.env ?? {});
