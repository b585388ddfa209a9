import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';
const KEY = 'console:theme';

function resolve(choice: ThemeChoice) {
  if (choice !== 'system') return choice;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** Applies the stored theme before first paint (called from main.tsx). */
export function applyStoredTheme() {
  const choice = (localStorage.getItem(KEY) as ThemeChoice | null) ?? 'system';
  document.documentElement.dataset.theme = resolve(choice);
}

/** Light, dark, or following the OS; remembered across visits. */
export function useTheme() {
  const [choice, setChoice] = useState<ThemeChoice>(
    () => (localStorage.getItem(KEY) as ThemeChoice | null) ?? 'system',
  );
  useEffect(() => {
    document.documentElement.dataset.theme = resolve(choice);
    if (choice !== 'system') return;
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () =>
      (document.documentElement.dataset.theme = resolve('system'));
    media?.addEventListener('change', onChange);
    return () => media?.removeEventListener('change', onChange);
  }, [choice]);
  const choose = useCallback((next: ThemeChoice) => {
    localStorage.setItem(KEY, next);
    setChoice(next);
  }, []);
  return [choice, choose] as const;
}
