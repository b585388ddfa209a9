/**
 * Pages of the navigation index (`GET /orgs/{orgId}/console/navigation-index`
 * with `per_page`, `page`, `q` or `sort`), so a 10,000-app organisation is
 * never sent at once: the console's app list asks for a page sorted by name,
 * the palette for the first page in creation order and, for a query beyond
 * it, the apps matching `q`.
 *
 * Page tokens are keyset tokens: they name the sort key of the last app of
 * the previous page (`c.<seq>` in creation order, `n.<name and id>` by name),
 * not an offset, so a page stays the same when apps are created or deleted
 * before it, and a token stays valid when its app is deleted.
 */
import { EngineError } from '../core/errors';
import { badToken, fromHex, toHex } from '../core/paging';
import { requireOrg } from '../core/lookup';
import type { AppRecord, OrgRecord, StateV1 } from '../core/state';
import { bySeq } from '../core/state';
import { deploysLimit, indexOfApps, type NavigationIndex } from './ops';

/** Apps per page: default and maximum (the palette's local index is one page of 1,000). */
export const NAVIGATION_PAGE = { default: 50, max: 1000 } as const;
/** The longest `q` accepted. */
const MAX_QUERY = 100;

/** The orders of a paged index: creation order (the sidebar's) or by name, then id (the app list's). */
export type NavigationSort = 'created' | 'name';

/** What a page asks for (the query parameters; all optional). */
export interface NavigationPageQuery {
  perPage?: number;
  /** A token from the previous page's `next`. */
  page?: string;
  /** Whitespace-separated words; an app matches when each is in its id, name or an environment's id or name. */
  q?: string;
  sort?: NavigationSort;
  deploysPerEnv?: number;
}

/** One page: the index of its apps (`total_apps`: matching apps over all pages) and the next page's token. */
export interface NavigationPage {
  index: NavigationIndex;
  next?: string;
}

/** The position of an app in an order: compared as a pair of strings. */
type SortKey = readonly [string, string];

const keyOf: Record<NavigationSort, (app: AppRecord) => SortKey> = {
  // Zero-padded so that string comparison is numeric.
  created: (app) => [String(app.seq).padStart(15, '0'), ''],
  name: (app) => [app.app.name.toLowerCase(), app.app.id],
};

const compareKeys = (a: SortKey, b: SortKey) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

function encodeToken(sort: NavigationSort, key: SortKey): string {
  if (sort === 'created') return `c.${Number(key[0])}`;
  return `n.${toHex(`${key[0]}\n${key[1]}`)}`;
}

/** The key a token names, checked against the sort it was made for. */
function decodeToken(sort: NavigationSort, token: string): SortKey {
  if (sort === 'created') {
    const match = /^c\.(\d{1,15})$/.exec(token);
    if (!match) throw badToken(token);
    return [match[1].padStart(15, '0'), ''];
  }
  const match = /^n\.((?:[0-9a-f]{2}){1,600})$/.exec(token);
  const text = match ? fromHex(match[1]) : undefined;
  if (text === undefined) throw badToken(token);
  const [name, id, extra] = text.split('\n');
  if (id === undefined || extra !== undefined) throw badToken(token);
  return [name, id];
}

/**
 * The organisation's app ids in both orders and the text `q` searches, kept
 * per organisation record: a write replaces the record (core/state-changes.ts
 * drafts a copy of every organisation), so an entry is never stale, and
 * reads between writes skip listing 10,000 apps (Object.values of a map that
 * large costs ~40 ms) and sorting them.
 */
interface OrgOrders {
  created: string[];
  name?: string[];
  /** Search text by app id (id, name, environments' ids and names; lower-case). */
  text?: Map<string, string>;
  /** The ids a reader may read, per order, by reader key (user, token scope, app visibility). */
  readable?: Map<string, string[]>;
}

const orders = new WeakMap<object, OrgOrders>();

function ordersOf(org: OrgRecord): OrgOrders {
  let hit = orders.get(org);
  if (!hit) {
    hit = { created: bySeq(org.apps).map((app) => app.app.id) };
    orders.set(org, hit);
  }
  return hit;
}

function idsInOrder(org: OrgRecord, sort: NavigationSort): string[] {
  const cached = ordersOf(org);
  if (sort === 'created') return cached.created;
  cached.name ??= [...cached.created].sort((a, b) =>
    compareKeys(keyOf.name(org.apps[a]), keyOf.name(org.apps[b])),
  );
  return cached.name;
}

/** The ids `readable` keeps, in order; kept per reader when `readerKey` names one. */
function readableIds(
  org: OrgRecord,
  sort: NavigationSort,
  readable: (appId: string) => boolean,
  readerKey: string | undefined,
): string[] {
  const ids = idsInOrder(org, sort);
  if (readerKey === undefined) return ids.filter(readable);
  const cached = ordersOf(org);
  cached.readable ??= new Map();
  const key = `${sort}\0${readerKey}`;
  let kept = cached.readable.get(key);
  if (!kept) {
    kept = ids.filter(readable);
    cached.readable.set(key, kept);
  }
  return kept;
}

function searchText(org: OrgRecord, appId: string): string {
  const cached = ordersOf(org);
  cached.text ??= new Map();
  let text = cached.text.get(appId);
  if (text === undefined) {
    const app = org.apps[appId];
    text = `${app.app.id} ${app.app.name.toLowerCase()}`;
    for (const env of Object.values(app.envs))
      text += ` ${env.env.id} ${env.env.name.toLowerCase()}`;
    cached.text.set(appId, text);
  }
  return text;
}

/** The search texts of `ids`, in their order: kept with a kept list of ids (one array scan per query). */
const textsOfIds = new WeakMap<readonly string[], string[]>();

/** The ids (in their order) whose search text holds every term. */
function search(
  org: OrgRecord,
  ids: readonly string[],
  terms: readonly string[],
): string[] {
  let texts = textsOfIds.get(ids);
  if (!texts) {
    texts = ids.map((id) => searchText(org, id));
    textsOfIds.set(ids, texts);
  }
  const found: string[] = [];
  for (let i = 0; i < ids.length; i += 1) {
    const text = texts[i];
    if (terms.every((term) => text.includes(term))) found.push(ids[i]);
  }
  return found;
}

/** The words of `q`, lower-case; 400 when it is too long. */
function words(q: string | undefined): string[] {
  if (q === undefined) return [];
  if (q.length > MAX_QUERY)
    throw new EngineError(
      'invalid',
      `q must be at most ${MAX_QUERY} characters; got ${q.length}.`,
      { field: 'q' },
    );
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

function checkPerPage(perPage: number | undefined): number {
  const value = perPage ?? NAVIGATION_PAGE.default;
  if (!Number.isInteger(value) || value < 1 || value > NAVIGATION_PAGE.max)
    throw new EngineError(
      'invalid',
      `per_page must be a whole number from 1 to ${NAVIGATION_PAGE.max}; got "${perPage}".`,
      { field: 'per_page' },
    );
  return value;
}

function checkSort(sort: string | undefined): NavigationSort {
  if (sort === undefined || sort === 'created') return 'created';
  if (sort === 'name') return 'name';
  throw new EngineError(
    'invalid',
    `sort must be "created" or "name"; got "${sort.slice(0, 40)}".`,
    { field: 'sort' },
  );
}

/** The first position in `ids` (sorted by `key`) after `after`. */
function startAfter(
  ids: readonly string[],
  key: (id: string) => SortKey,
  after: SortKey,
): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareKeys(key(ids[mid]), after) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * One page of the navigation index of `orgId` over the apps `readable`
 * keeps (remembered until the next write when `readerKey` names who reads:
 * equal keys must mean equal `readable`). Throws `invalid` for a `per_page` outside 1…{@link NAVIGATION_PAGE}.max,
 * an unknown sort, a `q` over 100 characters or a page token this list did
 * not make; `not_found` for an unknown organisation.
 */
export function buildNavigationPage(
  state: StateV1,
  orgId: string,
  readable: (appId: string) => boolean,
  query: NavigationPageQuery,
  readerKey?: string,
): NavigationPage {
  const perPage = checkPerPage(query.perPage);
  const sort = checkSort(query.sort);
  const terms = words(query.q);
  const after =
    query.page === undefined ? undefined : decodeToken(sort, query.page);
  const org = requireOrg(state, orgId);
  const ids = readableIds(org, sort, readable, readerKey);
  const matching = terms.length === 0 ? ids : search(org, ids, terms);
  const key = (id: string) => keyOf[sort](org.apps[id]);
  const start = after ? startAfter(matching, key, after) : 0;
  const apps = matching.slice(start, start + perPage).map((id) => org.apps[id]);
  const index = indexOfApps(
    org.org.id,
    apps,
    deploysLimit(query.deploysPerEnv),
  );
  index.total_apps = matching.length;
  const last = apps.at(-1);
  return start + perPage < matching.length && last
    ? { index, next: encodeToken(sort, keyOf[sort](last)) }
    : { index };
}
