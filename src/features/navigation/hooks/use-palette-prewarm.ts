import { useEffect } from 'react';
import { useNavIndex } from '../queries';
import { prewarmSteps } from '../utils/search-cache';

type IdleWindow = Window & {
  requestIdleCallback?: (
    cb: () => void,
    options?: { timeout: number },
  ) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Once the index has arrived, prepares the palette (its code, items and ranking) in idle time, one step per idle callback. */
export function usePalettePrewarm(orgId: string | undefined, paused: boolean) {
  const { data: index } = useNavIndex(orgId);
  useEffect(() => {
    if (!orgId || !index || paused) return;
    const w = window as IdleWindow;
    const steps = [
      () => void import('../components/palette-body'),
      ...prewarmSteps(orgId, index),
    ];
    let handle: number | undefined;
    const schedule = () => {
      handle = w.requestIdleCallback
        ? w.requestIdleCallback(run, { timeout: 5000 })
        : window.setTimeout(run, 50);
    };
    const run = () => {
      steps.shift()?.();
      if (steps.length) schedule();
    };
    schedule();
    return () => {
      if (handle === undefined) return;
      if (w.cancelIdleCallback) w.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [orgId, index, paused]);
}
