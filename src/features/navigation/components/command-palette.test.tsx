import '@/testing/dom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { DEMO_TOKEN } from '../../../../mocks/fixtures';
import { getEngine, server } from '../../../../mocks/node';

async function openPalette(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('{Control>}k{/Control}');
  const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
  // The palette's code loads on first use.
  const input = await within(dialog).findByRole('combobox');
  expect(input).toHaveFocus();
  return { dialog, input };
}

const options = (dialog: HTMLElement) =>
  within(dialog)
    .queryAllByRole('option')
    .map((o) => o.textContent);

/** The texts of the options in the palette's Recent group, in order. */
function recentGroup(dialog: HTMLElement) {
  const rows = [
    ...dialog.querySelectorAll('.palette__heading, [role="option"]'),
  ];
  const start = rows.findIndex((r) => r.textContent === 'Recent');
  const end = rows.findIndex(
    (r, i) => i > start && r.classList.contains('palette__heading'),
  );
  return rows.slice(start + 1, end).map((r) => r.textContent);
}

/** First loads import route modules and start the engine: slow on a busy machine. */
describe('command palette', () => {
  it('finds an environment by app and name and opens it with Enter', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'payments stag');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Staging.*Payments/),
    );
    expect(within(dialog).getByText('Environments')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: /staging/i,
    });
    // Focus moves to the new page's heading in the next frame.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(router.state.location.pathname).toBe(
      '/orgs/acme/apps/payments/envs/staging',
    );
    expect(
      screen.queryByRole('dialog', { name: 'Command palette' }),
    ).not.toBeInTheDocument();
  });

  it('finds a deployment by its id and by its comment', async () => {
    const user = userEvent.setup();
    const actor = getEngine().authenticate(DEMO_TOKEN);
    const [latest] = getEngine().listDeploys(actor, 'acme', 'shop', 'staging');
    const { router } = renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, latest.id.slice(0, 7));
    await waitFor(() => expect(options(dialog)[0]).toContain(latest.comment));
    await user.clear(input);
    await user.type(input, latest.comment.split(' ').slice(0, 3).join(' '));
    await waitFor(() =>
      expect(options(dialog)).toContainEqual(
        expect.stringContaining(latest.id.slice(0, 8)),
      ),
    );
    await user.click(
      within(dialog)
        .getAllByRole('option')
        .find((o) => o.textContent?.includes(latest.id.slice(0, 8)))!,
    );
    await screen.findByRole('heading', { level: 1, name: /^Deployment / });
    expect(router.state.location.pathname).toBe(
      `/orgs/acme/apps/shop/envs/staging/deploys/${latest.id}`,
    );
  });

  it('lists recent places first, but not the page you are on', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/identity/envs/development');
    await screen.findByRole('heading', { level: 1, name: /development/i });
    await waitFor(() =>
      expect(localStorage.getItem('console:nav:recent:acme')).toContain(
        'identity',
      ),
    );
    await router.navigate('/orgs/acme/apps/shop');
    await screen.findByRole('heading', { level: 1, name: 'Shop' });
    const { dialog, input } = await openPalette(user);
    await waitFor(() =>
      expect(within(dialog).getByText('Recent')).toBeInTheDocument(),
    );
    expect(options(dialog)[0]).toMatch(/^Development.*Identity/);
    // The Recent group (the rows between its heading and the next) has identity's environment, not the current page.
    expect(recentGroup(dialog)).toEqual([
      expect.stringMatching(/^Development.*Identity/),
    ]);
    await user.type(input, 'dev');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Development.*Identity/),
    );
  });

  it('runs "Deploy…" through environment and workload to the workload editor', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop');
    await screen.findByRole('heading', { level: 1, name: 'Shop' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'deploy');
    await waitFor(() => expect(options(dialog)[0]).toMatch(/^Deploy…/));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        'Deploy to which environment?',
      ),
    );
    // The current app's environments come first.
    expect(options(dialog)[0]).toMatch(/Shop/);
    await user.type(within(dialog).getByRole('combobox'), 'shop production');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Production.*Shop/),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        'Which workload of Shop › Production?',
      ),
    );
    await user.type(within(dialog).getByRole('combobox'), 'api');
    await user.keyboard('{Enter}');
    expect(
      await screen.findByLabelText(/Image of container/),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(
      '/orgs/acme/apps/shop/envs/production/workloads/api',
    );
  });

  it('runs "Run locally…" through environment and workload to its Run locally page', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop');
    await screen.findByRole('heading', { level: 1, name: 'Shop' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'run locally');
    await waitFor(() => expect(options(dialog)[0]).toMatch(/^Run locally…/));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        'Run a workload of which environment locally?',
      ),
    );
    await user.type(within(dialog).getByRole('combobox'), 'shop development');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Development.*Shop/),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        'Which workload of Shop › Development?',
      ),
    );
    await user.type(within(dialog).getByRole('combobox'), 'api');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/orgs/acme/apps/shop/envs/development/workloads/api/run-locally',
      ),
    );
  });

  it('runs "Open shell in…" through environment and workload to a shell in its first running container', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop');
    await screen.findByRole('heading', { level: 1, name: 'Shop' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'open shell');
    await waitFor(() => expect(options(dialog)[0]).toMatch(/^Open shell in…/));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        'Open a shell in a workload of which environment?',
      ),
    );
    await user.type(within(dialog).getByRole('combobox'), 'shop development');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Development.*Shop/),
    );
    await user.keyboard('{Enter}');
    await user.type(within(dialog).getByRole('combobox'), 'api');
    await user.keyboard('{Enter}');
    await waitFor(() => {
      const { pathname, search } = router.state.location;
      expect(pathname).toBe('/orgs/acme/apps/shop/envs/development');
      expect(new URLSearchParams(search).get('shell')).toBe('api');
      expect(new URLSearchParams(search).get('pod')).toMatch(/^api-/);
    });
  });

  it('runs "Logs and events of…" through the environment to its stream', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop');
    await screen.findByRole('heading', { level: 1, name: 'Shop' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'logs and events');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Logs and events of…/),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        'Logs and events of which environment?',
      ),
    );
    await user.type(within(dialog).getByRole('combobox'), 'shop staging');
    await waitFor(() => expect(options(dialog)[0]).toMatch(/^Staging.*Shop/));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/orgs/acme/apps/shop/envs/staging/stream',
      ),
    );
  });

  it('runs "Create environment" through the app to its New environment dialog', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'create environment');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Create environment/),
    );
    await user.keyboard('{Enter}');
    await user.type(within(dialog).getByRole('combobox'), 'identity');
    await waitFor(() => expect(options(dialog)[0]).toMatch(/^Identity/));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        `${router.state.location.pathname}${router.state.location.search}`,
      ).toBe('/orgs/acme/apps/identity?new-env'),
    );
    expect(
      await screen.findByRole('dialog', { name: 'New environment' }),
    ).toBeInTheDocument();
  });

  it('goes back a step with Backspace and closes with Escape', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'create env');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        'Create an environment in which app?',
      ),
    );
    await user.keyboard('{Backspace}');
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox')).toHaveAttribute(
        'placeholder',
        expect.stringMatching(/^Search apps/),
      ),
    );
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('says so and still finds apps and environments when the API has no navigation index', async () => {
    server.use(
      http.get('*/api/orgs/:orgId/console/navigation-index', () =>
        HttpResponse.json(
          { error: 'API-404', message: 'No such endpoint' },
          { status: 404 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    const { dialog, input } = await openPalette(user);
    expect(
      await within(dialog).findByText(
        /no navigation index: searching apps and environments only/,
      ),
    ).toBeInTheDocument();
    await user.type(input, 'docs prod');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Production.*Docs Site/),
    );
  });
});
