import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Flags for every Chromium we launch: no GPU on CI machines, no QUIC to hosts we cannot reach, and none of the
 * browser's own WebUI omnibox popups. Chromium 156 (headless, as Debian ships it) opens a window with a location bar
 * for every browser context and loads its WebUI popups (chrome://omnibox-popup.top-chrome) in a renderer of their
 * own while our page loads: 0.5-1 s of a core per context, a test's whole page load again, for UI nobody sees.
 */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

const INSTALL_HINT =
  'No Chromium found: install one with `apt-get install -y chromium` or set CHROMIUM_PATH';

/**
 * The Chromium to drive, in this order: `CHROMIUM_PATH`, Debian's
 * `/usr/bin/chromium`, Playwright's own download. Throws with an install hint
 * when none exists; an explicit `CHROMIUM_PATH` that does not exist is an error
 * rather than silently ignored.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(
      `CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}.`,
    );
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no registry entry for this platform.
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(INSTALL_HINT);
}
