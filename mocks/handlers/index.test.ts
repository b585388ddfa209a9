import { describe, expect, it } from 'vitest';
import {
  createHandlers,
  createRoutes,
  HANDLED_OPERATIONS,
  toMswPath,
} from './index';
import { OPERATIONS } from './operations.gen';
import { getEngine } from '../runtime';

describe('createHandlers', () => {
  it('registers exactly one route per handled operation', () => {
    const ids = createRoutes().map((r) => r.operationId);
    expect([...ids].sort()).toEqual([...HANDLED_OPERATIONS].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds MSW paths from the spec paths under the base, plus a catch-all', () => {
    expect(toMswPath('/orgs/{orgId}/apps/{appId}')).toBe(
      '/orgs/:orgId/apps/:appId',
    );
    const handlers = createHandlers(getEngine, { base: '/api/' });
    expect(handlers).toHaveLength(HANDLED_OPERATIONS.length + 1);
    const paths = handlers.map((h) => String(h.info.path));
    expect(paths).toContain(`/api${toMswPath(OPERATIONS.getDeployment.path)}`);
    expect(paths.at(-1)).toBe('/api/*');
  });
});
