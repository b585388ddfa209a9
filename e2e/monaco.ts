import { expect, test, type Page } from '@playwright/test';

/** The whole text of the focused Monaco editor, as its own copy gives it (select all, copy, read the clipboard). */
export async function editorText(page: Page): Promise<string> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  // The cursor back at the end, where a paste leaves it.
  await page.keyboard.press('ControlOrMeta+End');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  return copied.replace(/\r\n/g, '\n');
}

/**
 * Replaces the whole text of the page's (first) Monaco editor from the
 * keyboard: select all, then paste the text (typing it key by key would fight
 * Monaco's auto-closing brackets and auto-indent). The test's context needs
 * the clipboard permissions. Done once the editor holds exactly the text (its
 * own copy of all of it): with both cores busy a paste was seen to leave the
 * old text in place (npm test with Vitest beside the browser; likely the
 * page's late echo of an earlier text, which the editor now ignores), so a
 * paste the editor does not hold is made again, and each time that happens the
 * test's annotations say so.
 */
export async function pasteIntoEditor(page: Page, text: string) {
  let attempts = 0;
  await expect(async () => {
    attempts += 1;
    if (attempts > 1)
      test.info().annotations.push({
        type: 'pasteIntoEditor',
        description: `paste ${attempts}: the editor did not hold the text`,
      });
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await page.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(text);
  }).toPass({ timeout: 60_000 });
}
