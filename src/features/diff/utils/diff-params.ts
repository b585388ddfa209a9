/** A deployment named in the URL as `<envId>/<deployId>`. */
export interface DeploymentRef {
  envId: string;
  deployId: string;
}

/** `production/3f2a…` → a ref; anything else → `null`. */
export function parseRef(value: string | null): DeploymentRef | null {
  if (!value) return null;
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1) return null;
  return { envId: value.slice(0, slash), deployId: value.slice(slash + 1) };
}


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
export function writeView(params: URLSearchParams, view: ViewOptions): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value === null ? next.delete(key) : next.set(key, value));
  set('layout', view.layout === 'split' ? 'split' : null);
  set('context', view.context === 'full' ? 'full' : null);
  set('all', view.changedOnly ? null : '1');
  set('q', view.query ? view.query : null);
  return next;
}

/** A query string that keeps `/` readable (`from=production/3f2a`); `/` needs no escaping in a query. */
export function readableQuery(params: URLSearchParams): string {
  return params.toString().replace(/%2F/gi, '/');
}
