import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The features Playwright launches Chromium without (playwright-core's chromiumSwitches.ts, 1.65). Chromium reads
 * only the last `--disable-features` of its command line and Playwright puts ours after its own, so ours must repeat
 * its list; mocks/scripts/chromium-args.test.ts fails when Playwright's list has one this does not.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156 (headless, as Debian ships it) opens a window with a location bar for every browser context and loads
 * its WebUI toolbar popups (chrome://omnibox-popup.top-chrome) in a renderer of their own while the page loads: 0.5-1 s
 * of a core per context, seen in traces as a "WebUI Top Renderer", for UI nobody sees. A user's browser loads them
 * once, when it starts. Unknown names are ignored: check a trace after a Chromium upgrade.
 */
const WEBUI_POPUPS = [
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];

/** Flags for every Chromium Playwright launches: no GPU on CI machines, no QUIC to hosts we cannot reach, no WebUI popups. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...WEBUI_POPUPS].join(',')}`,
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
