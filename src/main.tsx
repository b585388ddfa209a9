import { holdApiRequestsUntil, setApiToken } from '@/api/client';
import { config } from '@/config/env';
import { embeddedEngine } from './boot';
import { applyStoredTheme } from '@/hooks/use-theme';
import { TOKEN_STORAGE_KEY } from '@/lib/demo-users';
import { scheduleTask } from '@/lib/task-queue';
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

/**
 * The console starts in three tasks, not one: this module with the engine's start, then React DOM
 * (its ~180 kB evaluated alone), then the router, the query client and the first render. Evaluated
 * as one module graph they made a task of 60-120 ms on a 2-core machine, where the page could not
 * answer input; index.html preloads all of them (vite.config.ts, startChunks), so nothing waits on
 * the network in between.
 */
async function mount(container: HTMLElement) {
  // Each import starts in a later task (the page's task queue), once the browser has had its turn.
  const { createRoot } = await scheduleTask(() => import('react-dom/client'));
  const { renderConsole } = await scheduleTask(() => import('@/app/mount'));
  renderConsole(createRoot(container));
}

const container = document.getElementById('root')!;
mount(container).catch((error: unknown) => {
  // A chunk that did not load (offline, or a deploy replaced it) or that threw: say so instead of a skeleton forever.
  container.replaceChildren(bootFailure(error));
});

/** What the page shows when the console's code could not load or run. */
function bootFailure(error: unknown): HTMLElement {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'boot-failure';
  const title = document.createElement('h1');
  title.textContent = 'The console could not start';
  const advice = document.createElement('p');
  const message = error instanceof Error ? error.message : String(error);
  // A chunk the browser could not fetch is the connection (or a deploy replaced it); anything else is the code.
  advice.textContent =
    /dynamically imported module|Importing a module script failed|Failed to fetch|NetworkError/i.test(
      message,
    )
      ? 'Its code did not load. Check the connection, then reload the page.'
      : 'Its code stopped with the error below. Reload the page; if that does not help, report the error.';
  const detail = document.createElement('p');
  detail.className = 'muted';
  // Text, never HTML: the message may hold a URL or server text.
  detail.textContent = message;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => location.reload());
  box.append(title, advice, detail, reload);
  return box;
}
