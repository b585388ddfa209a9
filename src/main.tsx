import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from '@/app/provider';
import { holdApiRequestsUntil, setApiToken } from '@/api/client';
import { config } from '@/config/env';
import { embeddedEngine } from './boot';
import { applyStoredTheme } from '@/hooks/use-theme';
import { TOKEN_STORAGE_KEY } from '@/lib/demo-users';
import { createQueryClient } from '@/lib/query-client';
import '@/styles/global.css';

async function enableEmbeddedEngine() {
  // Started by boot.ts (index.html's first script) while this module's imports loaded.
  if (!embeddedEngine) return;
  const { demoToken } = await embeddedEngine;
  // The user switcher (Settings → Access) keeps the chosen demo user's token in this tab's sessionStorage.
  if (!config.token)
    setApiToken(sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? demoToken);
}

applyStoredTheme();
// The page renders at once; API requests wait until the embedded engine answers.
const engine = enableEmbeddedEngine();
holdApiRequestsUntil(engine);
// Says on the document when requests may go out (the e2e suite's raw `fetch` calls wait for it).
void engine.then(
  () => (document.documentElement.dataset.api = 'ready'),
  () => (document.documentElement.dataset.api = 'failed'),
);
const queryClient = createQueryClient();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider queryClient={queryClient} />
  </StrictMode>,
);
