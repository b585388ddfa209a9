/**
 * The heavy half of DiffView, loaded on first use: a unified diff of two texts
 * (jsdiff, the library diff2html itself builds on) rendered to HTML by
 * diff2html. diff2html escapes every line and file name, so text holding HTML
 * or a script is shown as text.
 */
import { createTwoFilesPatch } from 'diff';
import { html } from 'diff2html';
import DOMPurify from 'dompurify';

/** What to render. */
export interface DiffRenderInput {
  name: string;
  before: string;
  after: string;
  layout: 'unified' | 'split';
  context: 'compact' | 'full';
}

/** Lines of context around each change in the compact view. */
export const COMPACT_CONTEXT = 3;

/** The unified diff (git style) of two texts; `full` keeps every unchanged line. */
export function unifiedDiff({
  name,
  before,
  after,
  context,
}: Omit<DiffRenderInput, 'layout'>): string {
  const lines = before.split('\n').length + after.split('\n').length;
  return createTwoFilesPatch(
    `a/${name}`,
    `b/${name}`,
    before,
    after,
    undefined,
    undefined,
    {
      context: context === 'full' ? lines : COMPACT_CONTEXT,
    },
  );
}

/**
 * diff2html's markup for the diff of two texts as a sanitized DOM fragment, or
 * `null` when they are equal. The page mounts these nodes (never an HTML
 * string), so nothing but what DOMPurify let through reaches the document.
 */
export function renderDiffTree(
  input: DiffRenderInput,
): DocumentFragment | null {
  if (input.before === input.after) return null;
  const markup = html(unifiedDiff(input), {
    outputFormat: input.layout === 'split' ? 'side-by-side' : 'line-by-line',
    drawFileList: false,
    // Pair changed lines and highlight the changed words inside them.
    matching: 'lines',
    diffStyle: 'word',
  });
  // diff2html escapes the text already; sanitizing its markup as well means no path from API text to live HTML even
  // if that ever changed. The break opportunities are added to the sanitized tree as elements, never as markup.
  const tree = DOMPurify.sanitize(markup, { RETURN_DOM_FRAGMENT: true });
  allowBreaksAfterSlashes(tree);
  return tree;
}

/**
 * Lets long paths and image references wrap after a `/` (an empty <wbr> after each slash of the text), so a wrapped
 * line keeps `frontend:3.2.0` whole instead of cutting it wherever the column ends. Text nodes only.
 */
export function allowBreaksAfterSlashes(root: Node): void {
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.nodeValue?.includes('/')) texts.push(node as Text);
  for (const text of texts) {
    const parts = text.nodeValue!.split('/');
    const pieces: Node[] = [];
    parts.forEach((part, i) => {
      if (i < parts.length - 1) {
        pieces.push(doc.createTextNode(`${part}/`), doc.createElement('wbr'));
      } else if (part) pieces.push(doc.createTextNode(part));
    });
    text.replaceWith(...pieces);
  }
}
