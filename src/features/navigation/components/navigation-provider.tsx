import { useMemo, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { ThemeChoice } from '@/hooks/use-theme';
import { usePalettePrewarm } from '../hooks/use-palette-prewarm';
import { useRecentTracker } from '../hooks/use-recent-tracker';
import { useShortcuts } from '../hooks/use-shortcuts';
import { ROOT_STEP, type PaletteStep } from '../utils/palette-steps';
import { CommandPalette } from './command-palette';
import { NavigationContext, type NavigationUi } from './navigation-context';
import { ShortcutsDialog } from './shortcuts-dialog';
import './navigation.css';

interface NavigationProviderProps {
  theme: ThemeChoice;
  onThemeChange: (theme: ThemeChoice) => void;
  onSignOut?: () => void;
  children: ReactNode;
}

/** Palette, shortcuts help, keyboard shortcuts and recent places for everything inside. */
export function NavigationProvider({
  theme,
  onThemeChange,
  onSignOut,
  children,
}: NavigationProviderProps) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteStep, setPaletteStep] = useState<PaletteStep>(ROOT_STEP);
  const [helpOpen, setHelpOpen] = useState(false);
  const { orgId } = useParams();
  const ui = useMemo<NavigationUi>(
    () => ({
      paletteOpen,
      paletteStep,
      openPalette: (step = ROOT_STEP) => {
        setPaletteStep(step);
        setPaletteOpen(true);
      },
      setPaletteOpen,
      setPaletteStep,
      helpOpen,
      setHelpOpen,
      theme,
      setTheme: onThemeChange,
      signOut: onSignOut,
    }),
    [paletteOpen, paletteStep, helpOpen, theme, onThemeChange, onSignOut],
  );
  useShortcuts(ui);
  useRecentTracker();
  usePalettePrewarm(orgId, paletteOpen);
  return (
    <NavigationContext.Provider value={ui}>
      {children}
      <CommandPalette />
      <ShortcutsDialog />
    </NavigationContext.Provider>
  );
}
