import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { getEngine, resetTestEngine } from '../../../mocks/node';

describe('workload page: the resource outputs a workload reads', () => {
  it('shows each placeholder as written and as the deployment filled it, a secret output only as its reference', async () => {
    resetTestEngine();
    const engine = getEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const db = engine
      .listActiveResources(admin, 'acme', 'shop', 'development')
      .find((r) => r.res_id === 'shared.db')!;
    renderApp('/orgs/acme/apps/shop/envs/development/workloads/api');
    const table = await screen.findByRole('table', {
      name: 'Filled placeholders',
    });
    const host = within(table).getByRole('row', { name: /DB_HOST/ });
    expect(host).toHaveTextContent('${shared.db.host}');
    expect(host).toHaveTextContent(String(db.resource.host));
    // username is a secret output of postgres: its reference, never the value.
    const user = within(table).getByRole('row', { name: /DB_USER/ });
    expect(user).toHaveTextContent(
      `Secret, from ${(db.secret_refs.username as { ref: string }).ref}`,
    );
    // ${secrets.…} is a value reference, not a resource placeholder.
    expect(
      within(table).queryByRole('row', { name: /DB_PASSWORD/ }),
    ).toBeNull();
  });
});
