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

/** diff2html's HTML for the diff of two texts, or `null` when they are equal. */
export function renderDiffHtml(input: DiffRenderInput): string | null {
  if (input.before === input.after) return null;
  const markup = html(unifiedDiff(input), {
    outputFormat: input.layout === 'split' ? 'side-by-side' : 'line-by-line',
    drawFileList: false,
    // Pair changed lines and highlight the changed words inside them.
    matching: 'lines',
    diffStyle: 'word',
  });
  // diff2html escapes the text already; sanitizing its markup as well means no path from
  // API text to live HTML even if that ever changed.
  return allowBreaksAfterSlashes(DOMPurify.sanitize(markup));
}

/**
 * Lets long paths and image references wrap after a `/` (an empty <wbr> in the text between tags), so a wrapped line
 * keeps `frontend:3.2.0` whole instead of cutting it wherever the column ends. Text only: a tag's attributes never sit
 * between `>` and `<` in serialized HTML.
 */
export function allowBreaksAfterSlashes(markup: string): string {
  return markup.replace(
    />([^<]+)</g,
    (_, text: string) => `>${text.replaceAll('/', '/<wbr>')}<`,
  );
}
