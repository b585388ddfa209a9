import { lazy, Suspense, useState } from 'react';
import { Modal } from '@/components/ui/modal';
import { stepText, type PaletteStep } from '../utils/palette-steps';
import { useNavigationUi } from './navigation-context';

/** The palette's content (cmdk, ranking) loads on first use; usePalettePrewarm fetches it when idle. */
const PaletteBody = lazy(() =>
  import('./palette-body').then((m) => ({ default: m.PaletteBody })),
);

const stepKey = (step: PaletteStep) => JSON.stringify(step);

/**
 * One step of the palette. Until its code has loaded, a plain input stands in
 * for cmdk's: it is there (and focused) in the same render that opens the
 * palette, and what is typed into it becomes the first query of the real
 * input, so no keystroke after Ctrl+K is lost.
 */
function PaletteStepView({ step }: { step: PaletteStep }) {
  const [draft, setDraft] = useState('');
  const { prompt, chip } = stepText(step);
  return (
    <Suspense
      fallback={
        <>
          <div className="palette__input-row">
            {chip && <span className="palette__chip">{chip}</span>}
            <input
              // Focused as it mounts, before any further key event arrives.
              autoFocus
              className="palette__input"
              aria-label="Command palette"
              placeholder={prompt}
              autoComplete="off"
              spellCheck={false}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <p className="palette__notice" id="palette-hints" role="status">
            Loading the palette…
          </p>
        </>
      }
    >
      <PaletteBody initialQuery={draft} />
    </Suspense>
  );
}

/** The command palette (Ctrl/Cmd+K): a modal dialog around cmdk. */
export function CommandPalette() {
  const ui = useNavigationUi();
  return (
    <Modal
      open={ui.paletteOpen}
      onOpenChange={ui.setPaletteOpen}
      title="Command palette"
      titleHidden
      describedBy="palette-hints"
      className="palette"
    >
      {/* A new step starts with an empty query and a fresh ranker. */}
      <PaletteStepView key={stepKey(ui.paletteStep)} step={ui.paletteStep} />
    </Modal>
  );
}
