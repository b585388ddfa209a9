import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import type { NavigationUi } from '../components/navigation-context';

/** The keyboard shortcuts, as the help dialog lists them. */
export const SHORTCUTS = [
  {
    keys: ['Ctrl', 'K'],
    alt: ['⌘', 'K'],
    description: 'Open the command palette',
  },
  { keys: ['/'], description: 'Open the command palette' },
  { keys: ['g', 'a'], description: 'Go to applications' },
  {
    keys: ['g', 'e'],
    description: 'Go to the environments of the current app',
  },
  { keys: ['g', 's'], description: 'Go to organisation settings' },
  { keys: ['g', 'p'], description: 'Go to workload profiles' },
  { keys: ['?'], description: 'Show keyboard shortcuts' },
  { keys: ['Esc'], description: 'Close the top-most dialog, menu or popover' },
] as const;

function isTyping(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest(
    'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="menu"], .monaco-editor',
  );
}

/** Ctrl/Cmd+K and `/` open the palette, `?` the help, `g` then a letter goes to a section. */
export function useShortcuts(ui: NavigationUi) {
  const navigate = useNavigate();
  const { orgId, appId } = useParams();
  const pendingG = useRef(0);
  const latest = useRef({ ui, orgId, appId, navigate });
  useEffect(() => {
    latest.current = { ui, orgId, appId, navigate };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { ui, orgId, appId, navigate } = latest.current;
      if (event.defaultPrevented || event.isComposing) return;
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        event.key.toLowerCase() === 'k'
      ) {
        event.preventDefault();
        if (ui.paletteOpen) ui.setPaletteOpen(false);
        else ui.openPalette();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (ui.paletteOpen || ui.helpOpen || isTyping(event.target)) return;
      if (
        document.querySelector(
          '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]',
        )
      )
        return;
      const go = Date.now() - pendingG.current < 1500;
      pendingG.current = 0;
      if (event.key === '?') {
        event.preventDefault();
        ui.setHelpOpen(true);
      } else if (event.key === '/') {
        event.preventDefault();
        ui.openPalette();
      } else if (event.key === 'g' && !go) {
        pendingG.current = Date.now();
      } else if (go && orgId) {
        const target = {
          a: paths.apps(orgId),
          s: paths.settings(orgId),
          p: paths.profiles(orgId),
        }[event.key];
        if (target) {
          event.preventDefault();
          navigate(target);
        } else if (event.key === 'e') {
          event.preventDefault();
          if (appId) navigate(paths.app(orgId, appId));
          else ui.openPalette({ kind: 'pick-env', action: 'open' });
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
