import type { Page } from '@playwright/test';

/**
 * Replaces the whole text of the page's (first) Monaco editor from the
 * keyboard: select all, then paste the text (typing it key by key would fight
 * Monaco's auto-closing brackets and auto-indent). The test's context needs
 * the clipboard permissions.
 */
export async function pasteIntoEditor(page: Page, text: string) {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+V');
}
