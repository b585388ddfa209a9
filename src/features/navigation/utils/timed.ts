/**
 * Runs `fn` and records its duration as a User Timing measure named `name`
 * (visible in DevTools' performance panel; the palette benchmark reads the
 * palette's filter measures). Recording never changes the result.
 */
export function timed<T>(name: string, fn: () => T, detail?: unknown): T {
  const start = performance.now();
  const result = fn();
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // User Timing Level 3 missing (old browsers, some test DOMs): no measure.
  }
  return result;
}
