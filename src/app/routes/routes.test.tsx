import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { resetTestEngine, server } from '../../../mocks/node';

describe('console routes on the embedded engine', () => {
  it('opens the first organisation and lists its applications', async () => {
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Applications' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Applications' });
    expect(within(table).getByRole('link', { name: /shop/i })).toHaveAttribute(
      'href',
      '/orgs/acme/apps/shop',
    );
  });

  it('shows an environment with its workloads, runtime reasons and history', async () => {
    renderApp('/orgs/acme/apps/shop/envs/staging');
    expect(
      await screen.findByRole('heading', { level: 1, name: /staging/i }),
    ).toBeInTheDocument();
    const workloads = screen.getByRole('table', { name: 'Workloads' });
    expect(
      within(workloads).getByRole('link', { name: 'cart' }),
    ).toBeInTheDocument();
    expect(
      await within(workloads).findByText('CrashLoopBackOff'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Deployment history' }),
    ).toBeInTheDocument();
  });

  it('names a deployment without a comment once: "No comment", its id in its own column', async () => {
    const { engine } = resetTestEngine();
    const actor = engine.authenticate('hum_demo_admin_token');
    const delta = engine.createDelta(actor, 'acme', 'shop', {
      modules: {
        update: { api: [{ op: 'replace', path: '/spec/replicas', value: 2 }] },
      },
    });
    const d = engine.createDeploy(actor, 'acme', 'shop', 'development', {
      delta_id: delta.id,
    });
    renderApp('/orgs/acme/apps/shop/envs/development');
    const history = await screen.findByRole('table', {
      name: 'Deployment history',
    });
    const link = await within(history).findByRole('link', {
      name: new RegExp(`^No comment\\s*\\(deployment ${d.id.slice(0, 8)}\\)$`),
    });
    // Seen: "No comment"; the id is said to screen readers only (the next column shows it).
    expect(within(link).getByText('No comment')).not.toHaveClass(
      'visually-hidden',
    );
    expect(within(link).getByText(/deployment/)).toHaveClass('visually-hidden');
  });

  it('shows why a failed deployment failed', async () => {
    const { router } = renderApp('/orgs/acme/apps/payments/envs/staging');
    await screen.findByRole('heading', { level: 1, name: /staging/i });
    const history = screen.getByRole('table', { name: 'Deployment history' });
    const failed = within(history)
      .getAllByRole('row')
      .find((row) => within(row).queryByText('Failed'));
    await userEvent.click(within(failed!).getAllByRole('link')[0]);
    expect(
      await screen.findByRole('heading', { name: 'Why it failed' }),
    ).toBeInTheDocument();
    expect(screen.getByText('RES-PROV-001')).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/\/deploys\//);
  });

  it("a workload's own page says first how it runs: a crash-looping one is failing, why, and where to look", async () => {
    renderApp('/orgs/acme/apps/shop/envs/staging/workloads/cart');
    const health = await screen.findByRole('region', {
      name: 'Runtime status of cart',
    });
    await waitFor(() => expect(health).toHaveTextContent('CrashLoopBackOff'));
    expect(health).toHaveTextContent(/Failed/);
    expect(health).toHaveTextContent(/0 of 2 ready/);
    expect(health).toHaveTextContent(/\d+ restarts/);
    const logs = within(health).getByRole('link');
    expect(logs).toHaveAccessibleName('See why in its logs (cart)');
    expect(logs).toHaveAttribute(
      'href',
      '/orgs/acme/apps/shop/envs/staging?workload=cart',
    );
  });

  it('a healthy workload says so, without a way to a cause', async () => {
    renderApp('/orgs/acme/apps/shop/envs/production/workloads/api');
    const health = await screen.findByRole('region', {
      name: 'Runtime status of api',
    });
    await waitFor(() => expect(health).toHaveTextContent(/ready/));
    expect(within(health).queryByRole('link')).not.toBeInTheDocument();
  });

  it("says so when a workload's runtime cannot be loaded, with a retry that recovers", async () => {
    let fail = true;
    server.use(
      http.get('*/api/orgs/:orgId/apps/:appId/envs/:envId/runtime', () =>
        fail
          ? HttpResponse.json(
              { error: 'API-503', message: 'The cluster did not answer.' },
              { status: 503 },
            )
          : undefined,
      ),
    );
    renderApp('/orgs/acme/apps/shop/envs/staging/workloads/cart');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/load the runtime status of cart/);
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: /Retry/ }));
    expect(
      await screen.findByRole('region', { name: 'Runtime status of cart' }),
    ).toHaveTextContent('CrashLoopBackOff');
  });

  it('changes a workload image, deploys, and lands on the pending deployment', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/development/workloads/api');
    const input = await screen.findByLabelText(/Image of container/);
    await user.clear(input);
    await user.type(input, 'registry.acme.dev/shop/api:9.9.9');
    await user.type(screen.getByLabelText('Comment'), 'Try api 9.9.9');
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Pending').length).toBeGreaterThan(0);
    expect(screen.getByText('Try api 9.9.9')).toBeInTheDocument();
  });

  it('keeps the edit and explains a refused deploy', async () => {
    const user = userEvent.setup();
    server.use(
      http.post('*/api/orgs/:orgId/apps/:appId/envs/:envId/deploys', () =>
        HttpResponse.json(
          { error: 'API-409', message: 'A deployment is already running.' },
          { status: 409 },
        ),
      ),
    );
    renderApp('/orgs/acme/apps/shop/envs/development/workloads/api');
    const input = await screen.findByLabelText(/Image of container/);
    await user.clear(input);
    await user.type(input, 'registry.acme.dev/shop/api:9.9.9');
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    expect(
      await screen.findByText('A deployment is already running.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Image of container/)).toHaveValue(
      'registry.acme.dev/shop/api:9.9.9',
    );
  });

  it('asks to type the environment id before deploying to production', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/production/workloads/api');
    const input = await screen.findByLabelText(/Image of container/);
    await user.clear(input);
    await user.type(input, 'registry.acme.dev/shop/api:9.9.9');
    const deploy = screen.getByRole('button', { name: 'Deploy to production' });
    expect(deploy).toBeDisabled();
    await user.type(
      screen.getByLabelText(/to deploy to production/),
      'production',
    );
    expect(deploy).toBeEnabled();
  });

  it('shows a not-found page with a way back for an unknown app', async () => {
    renderApp('/orgs/acme/apps/nope');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not found' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        (_, el) =>
          el?.textContent ===
          'Application nope does not exist in organisation acme.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to applications' }),
    ).toHaveAttribute('href', '/orgs/acme/apps');
  });

  it('shows an API failure with a retry that recovers', async () => {
    const user = userEvent.setup();
    let fail = true;
    // The landing's list is the navigation index's first page by name (the spec's app list only without it).
    server.use(
      http.get('*/api/orgs/:orgId/console/navigation-index', ({ request }) =>
        fail && new URL(request.url).searchParams.get('sort') === 'name'
          ? HttpResponse.json(
              { error: 'API-500', message: 'Database unavailable' },
              { status: 500 },
            )
          : undefined,
      ),
    );
    renderApp('/orgs/acme/apps');
    expect(await screen.findByText('Database unavailable')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Applications' }),
    ).toBeInTheDocument();
  });
});
