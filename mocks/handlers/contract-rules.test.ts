// The contract checker itself: it must reject what breaks the spec, or the
// contract test would pass vacuously.
import { describe, expect, it } from 'vitest';
import { createContractChecker } from './contract-rules';

const base = 'http://localhost/api';

describe('createContractChecker', () => {
  const checker = createContractChecker('/api');
  const check = (
    method: string,
    path: string,
    status: number,
    body: unknown,
    type: string | null = 'application/json',
  ) =>
    checker.check(
      method,
      `${base}${path}`,
      status,
      type,
      body === undefined ? '' : JSON.stringify(body),
    );

  it('accepts a conforming answer and names the operation', () => {
    const result = check('GET', '/orgs/acme/env-types', 200, [
      { id: 'development', description: 'Dev' },
    ]);
    expect(result).toMatchObject({
      operationId: 'listEnvironmentTypes',
      problems: [],
    });
  });

  it('rejects a body that breaks the schema', () => {
    expect(
      check('GET', '/orgs/acme/env-types', 200, [{ id: 5 }]).problems,
    ).not.toEqual([]);
    expect(
      check('POST', '/orgs/acme/apps/shop/sets/abc', 200, {
        id: 'not a string answer',
      }).problems,
    ).not.toEqual([]);
  });

  it('rejects undeclared success statuses, bodies on 204 and wrong media types', () => {
    expect(
      check('POST', '/orgs/acme/apps/shop/deltas', 201, {}).problems[0],
    ).toMatch(/not declared/);
    expect(
      check('PUT', '/orgs/acme/apps/shop/deltas/d1', 204, { id: 'x' })
        .problems[0],
    ).toMatch(/empty body/);
    expect(
      check('GET', '/orgs/acme', 200, { id: 'acme' }, 'text/plain').problems[0],
    ).toMatch(/Content-Type/);
  });

  it('checks the runtime against V2 when answered as application/v2+json', () => {
    const v2 = {
      namespace: 'ns',
      modules: {
        api: { status: 'Running', status_class: 'Success', controllers: {} },
      },
    };
    expect(
      check(
        'GET',
        '/orgs/acme/apps/shop/envs/dev/runtime',
        200,
        v2,
        'application/v2+json',
      ).problems,
    ).toEqual([]);
    expect(
      check(
        'GET',
        '/orgs/acme/apps/shop/envs/dev/runtime',
        200,
        { namespace: 'ns' },
        'application/v2+json',
      ).problems,
    ).not.toEqual([]);
  });

  it('validates error answers against HumanitecErrorResponse, also on unknown paths', () => {
    expect(
      check('GET', '/current-user', 401, {
        error: 'API-401',
        message: 'no token',
      }).problems,
    ).toEqual([]);
    expect(
      check('GET', '/current-user', 401, { message: 'no code' }).problems,
    ).not.toEqual([]);
    expect(
      check('GET', '/nowhere', 404, { error: 'API-404' }).problems,
    ).not.toEqual([]);
    expect(check('GET', '/nowhere', 200, {}).problems[0]).toMatch(
      /matches no operation/,
    );
  });

  it('reports coverage gaps', () => {
    const fresh = createContractChecker('/api');
    fresh.check('GET', `${base}/orgs`, 200, 'application/json', '[]');
    expect(
      fresh.coverageGaps(['listOrganizations', 'getOrganization']),
    ).toEqual([
      'getOrganization was never answered with a 2xx',
      'no exchange answered 400',
      'no exchange answered 401',
      'no exchange answered 404',
      'no exchange answered 409',
      'no exchange answered 413',
    ]);
  });
});
