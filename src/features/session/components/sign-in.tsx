import { useState, type FormEvent, type ReactNode } from 'react';
import { getApiToken, setApiToken } from '@/api/client';
import { config } from '@/config/env';
import { Panel } from '@/components/ui/panel';

const KEY = 'console:api-token';

/**
 * Against a real API the console needs a bearer token. It is asked for once
 * per tab and kept in sessionStorage (never in the URL or logs).
 */
export function SignInGate({
  children,
  required = !config.useEmbeddedEngine,
}: {
  children: ReactNode;
  /** Whether a token is needed (not on the embedded engine). */
  required?: boolean;
}) {
  const [token, setToken] = useState(() => {
    const stored = sessionStorage.getItem(KEY) ?? undefined;
    if (stored && !getApiToken()) setApiToken(stored);
    return getApiToken();
  });
  const [draft, setDraft] = useState('');

  if (token || !required) return children;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (!value) return;
    sessionStorage.setItem(KEY, value);
    setApiToken(value);
    setToken(value);
  };

  return (
    <main className="sign-in" id="main">
      <Panel
        as="form"
        padded
        onSubmit={submit}
        aria-labelledby="sign-in-heading"
      >
        <h1 id="sign-in-heading">Sign in to Platform Console</h1>
        <p className="muted">
          Paste an API token for <code>{config.apiBase}</code>. It stays in this
          tab only.
        </p>
        <div className="field">
          <label htmlFor="api-token">API token</label>
          <input
            id="api-token"
            className="input mono"
            type="password"
            autoComplete="off"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            required
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!draft.trim()}
        >
          Sign in
        </button>
      </Panel>
    </main>
  );
}

/** Forgets the token of this tab and asks for a new one. */
export function signOut() {
  sessionStorage.removeItem(KEY);
  setApiToken(undefined);
  window.location.assign('/');
}
