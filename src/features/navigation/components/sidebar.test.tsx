import '@/testing/dom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

/** First loads import route modules and start the engine: slow on a busy machine. */
describe('sidebar, pins and shortcuts', () => {
  it('shows the sections and the current app’s environments with their health in words', async () => {
    renderApp('/orgs/acme/apps/payments/envs/staging');
    await screen.findByRole('heading', { level: 1, name: /staging/i });
    const main = screen.getByRole('navigation', { name: 'Main' });
    // The administrator's audit log link shows once permissions are known.
    await within(main).findByRole('link', { name: 'Audit log' });
    expect(
      within(main)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      'Apps',
      'Workload profiles',
      'Pipelines',
      'Artefacts',
      'Resource definitions',
      'Fleet',
      'Agents',
      'Team performance',
      'Audit log',
      'Organisation settings',
    ]);
    expect(within(main).getByRole('link', { name: 'Apps' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    const envs = await screen.findByRole('navigation', {
      name: 'Environments of Payments',
    });
    const staging = await within(envs).findByRole('link', { name: /Staging/ });
    expect(staging).toHaveTextContent('Failed');
    expect(staging).toHaveAttribute('aria-current', 'page');
    // The health model (not the deploy status) speaks once it has loaded.
    await waitFor(() =>
      expect(
        within(envs).getByRole('link', { name: /Production/ }),
      ).toHaveTextContent('Healthy'),
    );
  });

  it('lists every app as a link, filterable', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    const all = screen.getByRole('navigation', { name: /All applications/ });
    await waitFor(() =>
      expect(within(all).getAllByRole('link')).toHaveLength(5),
    );
    await user.type(
      within(all).getByRole('searchbox', { name: 'Filter applications' }),
      'sho',
    );
    expect(
      within(all)
        .getAllByRole('link')
        .map((l) => l.getAttribute('href')),
    ).toEqual(['/orgs/acme/apps/shop']);
  });

  it('pins the current page to the sidebar and unpins it', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/production');
    await screen.findByRole('heading', { level: 1, name: /production/i });
    const pin = screen.getByRole('button', { name: 'Pin this page' });
    await waitFor(() => expect(pin).toHaveAttribute('aria-pressed', 'false'));
    await user.click(pin);
    expect(pin).toHaveAttribute('aria-pressed', 'true');
    const pinned = screen.getByRole('navigation', { name: 'Pinned' });
    expect(
      within(pinned).getByRole('link', { name: /Production/ }),
    ).toHaveAttribute('href', '/orgs/acme/apps/shop/envs/production');
    expect(
      JSON.parse(localStorage.getItem('console:nav:pins:acme')!),
    ).toHaveLength(1);
    await user.click(
      within(pinned).getByRole('button', { name: 'Unpin Production' }),
    );
    expect(
      screen.queryByRole('navigation', { name: 'Pinned' }),
    ).not.toBeInTheDocument();
    expect(pin).toHaveAttribute('aria-pressed', 'false');
  });

  it('remembers recent places, but not unknown ids', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/identity');
    await screen.findByRole('heading', { level: 1, name: 'Identity' });
    await router.navigate('/orgs/acme/apps/nope');
    await screen.findByRole('heading', { level: 1, name: 'Not found' });
    await user.click(
      screen.getByRole('link', { name: 'Back to applications' }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    const recent = await screen.findByRole('navigation', { name: 'Recent' });
    expect(
      within(recent)
        .getAllByRole('link')
        .map((l) => l.getAttribute('href')),
    ).toEqual(['/orgs/acme/apps/identity']);
  });

  it('goes to the apps with g a, to the app’s environments with g e, and shows all shortcuts with ?', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop/envs/staging');
    await screen.findByRole('heading', { level: 1, name: /staging/i });
    await user.keyboard('ge');
    // The page takes focus once it has rendered (after its heading appears): wait for it.
    const shop = await screen.findByRole('heading', { level: 1, name: 'Shop' });
    await waitFor(() => expect(shop).toHaveFocus());
    expect(router.state.location.pathname).toBe('/orgs/acme/apps/shop');
    await user.keyboard('ga');
    const apps = await screen.findByRole('heading', {
      level: 1,
      name: 'Applications',
    });
    await waitFor(() => expect(apps).toHaveFocus());
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', {
      name: 'Keyboard shortcuts',
    });
    expect(
      within(help).getByRole('cell', { name: 'Go to applications' }),
    ).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('switches the theme from the user menu and remembers it', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    await user.click(
      await screen.findByRole('button', { name: 'User menu: Alex Admin' }),
    );
    const menu = await screen.findByRole('menu');
    expect(
      within(menu).getByRole('menuitemradio', { name: /System/ }),
    ).toHaveAttribute('aria-checked', 'true');
    await user.click(within(menu).getByRole('menuitemradio', { name: /Dark/ }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('console:theme')).toBe('dark');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('ignores shortcuts while typing in a field', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    await user.type(
      screen.getByRole('searchbox', { name: 'Filter applications' }),
      'ga?',
    );
    expect(router.state.location.pathname).toBe('/orgs/acme/apps');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a not-found page with a way back for an unknown address', async () => {
    renderApp('/orgs/acme/nowhere');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByText('/orgs/acme/nowhere')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Go to your applications' }),
    ).toHaveAttribute('href', '/orgs/acme/apps');
  });

  it('offers nothing of an app that does not exist: the page says so, the sidebar has no failed list of it', async () => {
    renderApp('/orgs/acme/apps/nope');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not found' }),
    ).toBeInTheDocument();
    // The all-apps list is there (the sidebar has loaded) and no environments section of `nope`.
    await screen.findByRole('link', { name: 'Shop' });
    await waitFor(() =>
      expect(
        screen.queryByRole('navigation', { name: 'Environments of nope' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByText(/Could not load the environments/),
    ).not.toBeInTheDocument();
  });
});
