import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import 'diff2html/bundles/css/diff2html.min.css';
import { Skeleton } from '@/components/ui/skeleton';
import { isTaskAborted, scheduleTask } from '@/lib/task-queue';
import { loadDiffRenderer, prerenderedDiff } from './diff-view-cache';
import type { DiffRenderInput } from './diff-view-renderer';
import './diff-view.css';

export interface DiffViewProps {
  /** What is compared, e.g. a workload id (shown to screen readers, used as the file name). */
  name: string;
  before: string;
  after: string;
  layout?: 'unified' | 'split';
  context?: 'compact' | 'full';
  /** Accessible name of the diff region, e.g. "Text diff of api". */
  label: string;
}

type Rendered =
  | { input: DiffRenderInput; tree: DocumentFragment | null }
  | { input: DiffRenderInput; error: unknown };

const same = (a: DiffRenderInput, b: DiffRenderInput) =>
  a.name === b.name &&
  a.before === b.before &&
  a.after === b.after &&
  a.layout === b.layout &&
  a.context === b.context;

/**
 * The one wrapper around diff2html: a text diff of `before` → `after`, unified
 * or split, compact or with full context, changed words highlighted, the +/-
 * sign kept on every changed line and colours from the theme. Rendering runs
 * as a scheduled task (see task-queue), so a page of many diffs stays
 * responsive; the previous rendering stays visible while options change.
 */
export function DiffView({
  name,
  before,
  after,
  layout = 'unified',
  context = 'compact',
  label,
}: DiffViewProps) {
  // A diff rendered ahead (see diff-view-cache) shows at once.
  const [rendered, setRendered] = useState<Rendered | undefined>(() => {
    const input: DiffRenderInput = { name, before, after, layout, context };
    const tree = prerenderedDiff(input);
    return tree === undefined ? undefined : { input, tree };
  });
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const input: DiffRenderInput = { name, before, after, layout, context };
    const ahead = prerenderedDiff(input);
    const controller = new AbortController();
    const rendering =
      ahead !== undefined
        ? Promise.resolve(ahead)
        : loadDiffRenderer().then((r) =>
            scheduleTask(() => r.renderDiffTree(input), controller.signal),
          );
    rendering.then(
      // The first render already shows a tree rendered ahead: keep it (no second mount).
      (tree) => {
        if (controller.signal.aborted) return;
        setRendered((current) =>
          current && 'tree' in current && current.tree === tree
            ? current
            : { input, tree },
        );
      },
      (error: unknown) => {
        if (!isTaskAborted(error) && !controller.signal.aborted)
          setRendered({ input, error });
      },
    );
    return () => controller.abort();
  }, [name, before, after, layout, context]);

  const tree = rendered && 'tree' in rendered ? rendered.tree : undefined;
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || !tree) return;
    // The sanitized nodes themselves (a copy: the rendering may be mounted again), never an HTML string.
    root.replaceChildren(tree.cloneNode(true));
    // Scrollable panes must be reachable by keyboard (WCAG 2.1.1); diff2html's markup has no tabindex.
    root
      .querySelectorAll<HTMLElement>('.d2h-file-side-diff, .d2h-file-diff')
      .forEach((pane, i, all) => {
        pane.tabIndex = 0;
        pane.setAttribute('role', 'group');
        pane.setAttribute(
          'aria-label',
          all.length === 2 ? (i === 0 ? 'Before' : 'After') : 'Changes',
        );
      });
  }, [tree]);

  const split =
    rendered && 'tree' in rendered && rendered.input.layout === 'split';
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || !split) return;
    return alignSplitRows(root);
  }, [tree, split]);

  if (!rendered) {
    const lines = Math.min(
      12,
      Math.max(before.split('\n').length, after.split('\n').length),
    );
    return (
      <Skeleton
        rows={Math.max(2, Math.ceil(lines / 3))}
        label={`Rendering the diff of ${name}`}
      />
    );
  }
  if ('error' in rendered) {
    return (
      <p role="alert" className="error-message">
        The diff of {name} could not be rendered: {String(rendered.error)}
      </p>
    );
  }
  if (rendered.tree === null)
    return <p className="muted">No changes in the text of {name}.</p>;
  const stale = !same(rendered.input, { name, before, after, layout, context });
  return (
    <div
      ref={container}
      role="group"
      aria-label={label}
      aria-busy={stale}
      className="diff-view"
      data-layout={rendered.input.layout}
      data-stale={stale}
      // Filled by the layout effect above with the sanitized nodes of diff-view-renderer.ts.
    />
  );
}

/**
 * Split view: diff2html draws each side as its own table, so a wrapped line on one side would push the rows apart.
 * Gives each pair of rows the height of the taller one, again whenever the width changes. Returns the clean-up.
 */
function alignSplitRows(root: HTMLElement): (() => void) | undefined {
  const sides = root.querySelectorAll<HTMLElement>('.d2h-file-side-diff');
  if (sides.length !== 2) return undefined;
  const left = [...sides[0].querySelectorAll<HTMLTableRowElement>('tr')];
  const right = [...sides[1].querySelectorAll<HTMLTableRowElement>('tr')];
  const align = () => {
    for (const row of [...left, ...right]) row.style.height = '';
    // Stacked (narrow screens, see diff-view.css): each side flows on its own.
    if (sides[0].offsetTop !== sides[1].offsetTop) return;
    const heights = left.map((row, i) =>
      Math.max(
        row.getBoundingClientRect().height,
        right[i]?.getBoundingClientRect().height ?? 0,
      ),
    );
    heights.forEach((height, i) => {
      left[i].style.height = `${height}px`;
      if (right[i]) right[i].style.height = `${height}px`;
    });
  };
  align();
  if (typeof ResizeObserver === 'undefined') return undefined;
  let width = root.clientWidth;
  let frame = 0;
  const observer = new ResizeObserver(() => {
    if (root.clientWidth === width) return;
    width = root.clientWidth;
    // Next frame: resizing rows inside the observer's callback would re-trigger it in the same frame.
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(align);
  });
  observer.observe(root);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}
