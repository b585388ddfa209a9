import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from '@/app/provider';
import { holdApiRequestsUntil, setApiToken } from '@/api/client';
import { config } from '@/config/env';
import { engineConnection } from './engine-boot';
import { applyStoredTheme } from '@/hooks/use-theme';
import { TOKEN_STORAGE_KEY } from '@/lib/demo-users';
import { createQueryClient } from '@/lib/query-client';
import '@/styles/global.css';

async function enableEmbeddedEngine() {
  // The engine and MSW are loaded only in mock mode, as their own chunks; a
  // production build without VITE_ENABLE_MOCKS drops this branch entirely.
  if (!(import.meta.env.DEV || import.meta.env.VITE_ENABLE_MOCKS === 'true'))
    return;
  // The engine's worker is booting already (engine-boot.ts, index.html's
  // first script) while MSW, the larger chunk, loads and registers its
  // service worker.
  if (!engineConnection) return;
  const { startWorker, DEMO_TOKEN } = await import('../mocks/browser');
  await startWorker(await engineConnection);
  // The user switcher (Settings → Access) keeps the chosen demo user's token in this tab's sessionStorage.
  if (!config.token)
    setApiToken(sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? DEMO_TOKEN);
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
