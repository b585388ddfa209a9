import { scheduleTask } from '@/lib/task-queue';
import type { DiffRenderInput } from './diff-view-renderer';
import type * as Renderer from './diff-view-renderer';

/**
 * Renderings of diffs a page is about to show, made ahead while the browser
 * is idle (see {@link prerenderDiff}): a DiffView whose input is here mounts
 * its diff at once instead of a skeleton. Small on purpose (a page's first
 * few diffs), and without CSS or React so that a route can import it to
 * prefetch without loading the renderer.
 */
const CAPACITY = 12;
const cache = new Map<string, DocumentFragment | null>();

const keyOf = (input: DiffRenderInput) =>
  JSON.stringify([
    input.name,
    input.layout,
    input.context,
    input.before,
    input.after,
  ]);

let renderer: Promise<typeof Renderer> | undefined;
/** diff2html and jsdiff load on the first diff, never with the route. */
export const loadDiffRenderer = () =>
  (renderer ??= import('./diff-view-renderer'));

/** The rendering made ahead for `input` (`null`: the texts are equal), or undefined. */
export function prerenderedDiff(
  input: DiffRenderInput,
): DocumentFragment | null | undefined {
  // Most pages render nothing ahead: no key is built from their (maybe large) texts then.
  return cache.size === 0 ? undefined : cache.get(keyOf(input));
}

/** Keeps a rendering for a later DiffView of the same input (the oldest goes past the capacity). */
function keepRenderedDiff(
  input: DiffRenderInput,
  tree: DocumentFragment | null,
) {
  const key = keyOf(input);
  cache.delete(key);
  cache.set(key, tree);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
}

/** Renders the diff of `input` in a scheduled task and keeps it; failures are left to the DiffView. */
export function prerenderDiff(input: DiffRenderInput): Promise<void> {
  if (cache.has(keyOf(input))) return Promise.resolve();
  return loadDiffRenderer()
    .then((r) => scheduleTask(() => r.renderDiffTree(input)))
    .then(
      (tree) => keepRenderedDiff(input, tree),
      () => {},
    );
}
