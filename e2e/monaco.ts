import { expect, type Page } from '@playwright/test';

/**
 * Whether the first Monaco editor of the page shows `text`: what it renders
 * (the visible lines in order, wrapped ones in pieces) is a stretch of the
 * text, whitespace aside (Monaco draws spaces as U+00A0, and whitespace in a
 * selection as `·` and `→`).
 */
async function editorShows(page: Page, text: string): Promise<boolean> {
  const shown = await page
    .locator('.monaco-editor')
    .first()
    .evaluate((editor) =>
      [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => line.textContent ?? '')
        .join(''),
    );
  const bare = (value: string) => value.replace(/[\s·→]/g, '');
  const want = bare(text);
  const got = bare(shown);
  return want === '' ? got === '' : got !== '' && want.includes(got);
}

/**
 * Replaces the whole text of the page's (first) Monaco editor from the
 * keyboard: select all, then paste the text (typing it key by key would fight
 * Monaco's auto-closing brackets and auto-indent). The test's context needs
 * the clipboard permissions. Done once the editor shows the text: with both
 * cores busy a paste was seen to leave the old text in place (npm test with
 * Vitest beside the browser), so a paste the editor does not show is made
 * again.
 */
export async function pasteIntoEditor(page: Page, text: string) {
  await expect(async () => {
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await page.keyboard.press('ControlOrMeta+V');
    await expect
      .poll(() => editorShows(page, text), { timeout: 10_000 })
      .toBe(true);
  }).toPass({ timeout: 60_000 });
}
