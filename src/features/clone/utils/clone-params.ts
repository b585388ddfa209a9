import type { CloneMode, CloneRequest } from '@/api/clone';

/** The clone flow's state in the URL, so a reload or a shared link keeps it. */
export interface CloneParams {
  from?: string;
  /** A deployment of `from`; absent: its newest succeeded one. */
  deploy?: string;
  to?: string;
  mode: CloneMode;
  /** The partial selection; `null` until the user chooses (the page then proposes every differing item). */
  modules: string[] | null;
  shared: string[] | null;
}

const list = (value: string | null) =>
  value === null ? null : value.split(',').filter(Boolean);

/** Reads the flow's state from the search params (partial clone by default). */
export function readCloneParams(search: URLSearchParams): CloneParams {
  return {
    from: search.get('from') || undefined,
    deploy: search.get('deploy') || undefined,
    to: search.get('to') || undefined,
    mode: search.get('mode') === 'full' ? 'full' : 'partial',
    modules: list(search.get('modules')),
    shared: list(search.get('shared')),
  };
}

/** The search string of a state (`,` kept readable). */
export function writeCloneParams(params: CloneParams): string {
  const search = new URLSearchParams();
  if (params.from) search.set('from', params.from);
  if (params.deploy) search.set('deploy', params.deploy);
  if (params.to) search.set('to', params.to);
  if (params.mode === 'full') search.set('mode', 'full');
  if (params.modules !== null) search.set('modules', params.modules.join(','));
  if (params.shared !== null) search.set('shared', params.shared.join(','));
  return search.toString().replace(/%2C/gi, ',');
}

/** The preview request of a state, with `fallback` as the selection while the user has not chosen one. */
export function toRequest(
  params: CloneParams,
  fallback: { modules: string[]; shared: string[] },
): CloneRequest | undefined {
  if (!params.from || !params.to) return undefined;
  return {
    sourceEnvId: params.from,
    sourceDeployId: params.deploy,
    mode: params.mode,
    modules: params.mode === 'full' ? [] : (params.modules ?? fallback.modules),
    shared: params.mode === 'full' ? [] : (params.shared ?? fallback.shared),
  };
}

/** Environment types in promotion order; others after, by name. */
const TYPE_ORDER = ['development', 'staging', 'production'];

/** Sorts environments by type (development → staging → production), then by id. */
export function byPromotionOrder<T extends { id: string; type: string }>(
  envs: readonly T[],
): T[] {
  const rank = (type: string) => {
    const i = TYPE_ORDER.indexOf(type);
    return i === -1 ? TYPE_ORDER.length : i;
  };
  return [...envs].sort(
    (a, b) => rank(a.type) - rank(b.type) || a.id.localeCompare(b.id),
  );
}
