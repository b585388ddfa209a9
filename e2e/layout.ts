import type { Locator } from '@playwright/test';

/**
 * Each of `words` inside `within` that is painted on more than one line (cut mid-word or at a hyphen), and any word
 * missing: at 390 px ids wrap only after their dots, as in the environment's Resources panel.
 */
export async function wordsCut(within: Locator, words: string[]) {
  return within.evaluate((root, list) => {
    const text = root.textContent ?? '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      nodes.push(n as Text);
    /** How many lines the text from `start` to `end` is painted on (a <wbr> splits text nodes). */
    const linesOf = (start: number, end: number) => {
      const range = document.createRange();
      let offset = 0;
      for (const node of nodes) {
        const len = node.length;
        if (start >= offset && start <= offset + len)
          range.setStart(node, start - offset);
        if (end <= offset + len) {
          range.setEnd(node, end - offset);
          break;
        }
        offset += len;
      }
      return new Set(
        [...range.getClientRects()]
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)),
      ).size;
    };
    const cut: string[] = [];
    for (const word of list) {
      let start = text.indexOf(word);
      if (start === -1) cut.push(`${word} (missing)`);
      for (; start !== -1; start = text.indexOf(word, start + 1))
        if (linesOf(start, start + word.length) > 1) cut.push(word);
    }
    return cut;
  }, words);
}
