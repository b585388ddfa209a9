import * as Dialog from '@radix-ui/react-dialog';
import { lazy, Suspense } from 'react';
import { useNavigationUi } from './navigation-context';

/** The palette's content (cmdk, ranking) loads on first use; usePalettePrewarm fetches it when idle. */
const PaletteBody = lazy(() =>
  import('./palette-body').then((m) => ({ default: m.PaletteBody })),
);

const stepKey = (step: ReturnType<typeof useNavigationUi>['paletteStep']) =>
  JSON.stringify(step);

/** The command palette (Ctrl/Cmd+K): a modal dialog around cmdk. */
export function CommandPalette() {
  const ui = useNavigationUi();
  return (
    <Dialog.Root open={ui.paletteOpen} onOpenChange={ui.setPaletteOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="palette" aria-describedby="palette-hints">
          <Dialog.Title className="visually-hidden">
            Command palette
          </Dialog.Title>
          <Suspense
            fallback={
              <p className="palette__notice" id="palette-hints" role="status">
                Loading the palette…
              </p>
            }
          >
            {/* A new step starts with an empty query and a fresh ranker. */}
            <PaletteBody key={stepKey(ui.paletteStep)} />
          </Suspense>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
