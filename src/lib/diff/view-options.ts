/** How the text diffs are shown; kept in the URL so a permalink reproduces the view. */
export interface ViewOptions {
  layout: 'unified' | 'split';
  context: 'compact' | 'full';
  /** Hide workloads the delta does not change (default). */
  changedOnly: boolean;
  /** Filter workloads by id. */
  query: string;
}

/** The view options of a URL's search params (defaults when absent). */
export function readView(params: URLSearchParams): ViewOptions {
  return {
    layout: params.get('layout') === 'split' ? 'split' : 'unified',
    context: params.get('context') === 'full' ? 'full' : 'compact',
    changedOnly: params.get('all') !== '1',
    query: params.get('q') ?? '',
  };
}

/** `params` with the view options written in (defaults left out, so URLs stay short). */
export function writeView(
  params: URLSearchParams,
  view: ViewOptions,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) =>
    value === null ? next.delete(key) : next.set(key, value);
  set('layout', view.layout === 'split' ? 'split' : null);
  set('context', view.context === 'full' ? 'full' : null);
  set('all', view.changedOnly ? null : '1');
  set('q', view.query ? view.query : null);
  return next;
}
