import { matchRequestUrl } from 'msw';
import { describe, expect, it } from 'vitest';
import { createRoutes, toMswPath } from './index';
import { OPERATIONS } from './operations.gen';
import { compileRoutes, matchRoute } from './router';

const BASE = 'http://127.0.0.1:4010';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const defs = createRoutes();

/** What msw's getResponse would pick over createHandlers(…, { base: '' }): the first handler whose method and path match. */
function mswPick(method: string, url: string) {
  for (const def of defs) {
    const op = OPERATIONS[def.operationId];
    if (op.method.toUpperCase() !== method) continue;
    const match = matchRequestUrl(new URL(url), toMswPath(op.path), BASE);
    if (match.matches)
      return { operationId: def.operationId, params: { ...match.params } };
  }
  return matchRequestUrl(new URL(url), '/*', BASE).matches
    ? 'not found'
    : undefined;
}

const routes = compileRoutes(defs);
function routerPick(method: string, url: string) {
  const parsed = new URL(url);
  if (parsed.origin !== new URL(BASE).origin) return undefined;
  const found = matchRoute(routes, method, parsed.pathname);
  return found
    ? { operationId: found.route.def.operationId, params: found.params }
    : 'not found';
}

/** Concrete paths for every spec path: ordinary, encoded, colliding with literals, malformed. */
function samplePaths(): string[] {
  const values = [
    'acme',
    'A-b_C',
    'a%20b',
    'x%2Fy',
    '%C3%A9t%C3%A9',
    'versions',
  ];
  const out = new Set<string>(['/', '', '//', '/orgs//apps', '/nothing/here']);
  for (const { path } of Object.values(OPERATIONS)) {
    const fill = (value: string) => path.replace(/\{[^}]+\}/g, value);
    for (const value of values) out.add(fill(value));
    const plain = fill('acme');
    out.add(`${plain}/`);
    out.add(`${plain}//`);
    out.add(plain.toUpperCase());
    out.add(`${plain}/extra`);
    out.add(plain.split('/').slice(0, -1).join('/'));
    out.add(path.replace(/\{[^}]+\}/g, ''));
  }
  return [...out];
}

describe('router', () => {
  it('picks the operation and parameters msw would, for every method and many paths', () => {
    let compared = 0;
    for (const path of samplePaths()) {
      for (const method of METHODS) {
        const url = `${BASE}${path}`;
        expect(routerPick(method, url), `${method} ${path}`).toEqual(
          mswPick(method, url),
        );
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('answers nothing for another origin, as msw does', () => {
    for (const url of [
      'http://example.com/orgs',
      'http://127.0.0.1:4011/orgs',
    ]) {
      expect(routerPick('GET', url)).toBeUndefined();
      expect(mswPick('GET', url)).toBeUndefined();
    }
  });
});
