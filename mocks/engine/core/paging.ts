/**
 * Pages of the spec's paged lists (`per_page`, default 50, 1 to 100, and an
 * opaque `page` token from the previous answer's `Link: <…>; rel="next"`),
 * for lists that are already filtered and in their order.
 *
 * A token names where the previous page ended three ways: the key of its last
 * item, the key of the item that followed it, and the offset. The next page
 * starts after the last item while it is still in the list, so items added
 * before it (a new run, newest first) do not repeat on the next page; when it
 * was deleted, at the item that followed it; when both are gone, at the
 * offset, so a token never dies with its items.
 */
import { EngineError } from './errors';

/** The spec's `per_page`: default and maximum (perPageQueryParam in humanitec.yaml). */
export const SPEC_PAGE = { default: 50, max: 100 } as const;

/** What a page asks for: the query parameters, both optional. */
export interface PageQuery {
  perPage?: number;
  /** A token from the previous page's `next`. */
  page?: string;
}

/** One page of a list and, while more follow, the next page's token. */
export interface ListPage<T> {
  items: T[];
  next?: string;
}

const show = (value: unknown) => JSON.stringify(String(value)).slice(0, 60);

/** UTF-8 as hex: URL-safe in a Link header, the same in Node and a browser worker. */
export const toHex = (text: string) =>
  Array.from(new TextEncoder().encode(text), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** The text of {@link toHex}'s hex, or undefined when it is not UTF-8. */
export function fromHex(hex: string): string | undefined {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1)
    bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function checkPerPage(perPage: number | undefined): number {
  const value = perPage ?? SPEC_PAGE.default;
  if (!Number.isInteger(value) || value < 1 || value > SPEC_PAGE.max)
    throw new EngineError(
      'invalid',
      `per_page must be a whole number from 1 to ${SPEC_PAGE.max}; got ${show(perPage)}.`,
      { field: 'per_page' },
    );
  return value;
}

/** The 400 of a `page` token a list did not make. */
export function badToken(token: string): EngineError {
  return new EngineError(
    'invalid',
    `page ${show(token)} is not a page token of this list; use the one in the previous answer's Link header.`,
    { field: 'page' },
  );
}

interface Token {
  offset: number;
  /** The key of the previous page's last item. */
  last: string;
  /** The key of the item after it, the next page's first when the token was made. */
  next: string;
}

/** `<offset>.<hex of the last item's key>.<hex of the next item's key>`. */
function encodeToken({ offset, last, next }: Token): string {
  return `${offset}.${toHex(last)}.${toHex(next)}`;
}

function decodeToken(token: string): Token {
  const hex = '((?:[0-9a-f]{2}){1,500})';
  const match = new RegExp(`^(\\d{1,9})\\.${hex}\\.${hex}$`).exec(token);
  const last = match ? fromHex(match[2]) : undefined;
  const next = match ? fromHex(match[3]) : undefined;
  if (!match || last === undefined || next === undefined) throw badToken(token);
  return { offset: Number(match[1]), last, next };
}

/** Where the page after `token` starts in `items`. */
function startOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  token: string | undefined,
): number {
  if (token === undefined) return 0;
  const { offset, last, next } = decodeToken(token);
  const after = items.findIndex((item) => keyOf(item) === last);
  if (after !== -1) return after + 1;
  const at = items.findIndex((item) => keyOf(item) === next);
  return at !== -1 ? at : Math.min(offset, items.length);
}

/**
 * The page of `items` (filtered, in order) that `query` asks for; `keyOf`
 * names an item uniquely in the list. Throws `invalid` (400, naming the
 * parameter) for a `per_page` outside 1…100 or a token this helper did not make.
 */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  query: PageQuery,
): ListPage<T> {
  const perPage = checkPerPage(query.perPage);
  const start = startOf(items, keyOf, query.page);
  const page = items.slice(start, start + perPage);
  const end = start + page.length;
  if (end >= items.length || page.length === 0) return { items: page };
  const token = {
    offset: end,
    last: keyOf(page[page.length - 1]),
    next: keyOf(items[end]),
  };
  return { items: page, next: encodeToken(token) };
}
