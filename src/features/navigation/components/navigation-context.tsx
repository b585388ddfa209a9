import { createContext, useContext } from 'react';
import type { ThemeChoice } from '@/hooks/use-theme';
import type { PaletteStep } from '../utils/palette-steps';

/** The navigation UI state that the sidebar, top bar, palette and shortcuts share. */
export interface NavigationUi {
  paletteOpen: boolean;
  paletteStep: PaletteStep;
  openPalette: (step?: PaletteStep) => void;
  setPaletteOpen: (open: boolean) => void;
  setPaletteStep: (step: PaletteStep) => void;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
  /** Present when the console can sign out (a real API with a token). */
  signOut?: () => void;
}

export const NavigationContext = createContext<NavigationUi | null>(null);

/** The shared navigation UI state (inside NavigationProvider). */
export function useNavigationUi(): NavigationUi {
  const ui = useContext(NavigationContext);
  if (!ui)
    throw new Error('useNavigationUi must be used inside NavigationProvider');
  return ui;
}
