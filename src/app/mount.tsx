import { StrictMode, startTransition } from 'react';
import type { Root } from 'react-dom/client';
import { keepFocusThroughDisabling } from '@/lib/focus-keeper';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';

/**
 * Renders the console into `root`: the second half of main.tsx's start,
 * a chunk of its own (the router, the query client and the session gate),
 * evaluated in a task after React DOM's.
 */
export function renderConsole(root: Root): void {
  // Buttons disabled while their action runs give focus back when enabled (see focus-keeper.ts).
  keepFocusThroughDisabling();
  // A transition: React renders the first tree in slices of a few ms, yielding between them, instead of
  // one task (45-160 ms on a 2-core machine, where the page could not answer input). Until it commits,
  // index.html's skeleton stays.
  startTransition(() =>
    root.render(
      <StrictMode>
        <AppProvider queryClient={createQueryClient()} />
      </StrictMode>,
    ),
  );
}
