import '@/testing/dom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { DEMO_TOKEN } from '../../../../mocks/fixtures';
import { getEngine } from '../../../../mocks/node';

const trail = () => screen.getByRole('navigation', { name: 'Breadcrumb' });

/** First loads import route modules and start the engine: slow on a busy machine. */
describe('breadcrumb switchers', () => {
  it('shows the trail with the current page marked', async () => {
    renderApp('/orgs/acme/apps/shop/envs/staging/workloads/cart');
    await screen.findByRole('heading', { level: 1, name: 'cart' });
    const links = within(trail()).getAllByRole('link');
    // Ids at first, names once the navigation index has arrived.
    await waitFor(() =>
      expect(links.map((l) => l.textContent)).toEqual([
        'Apps',
        'Shop',
        'Staging',
        'cart',
      ]),
    );
    expect(links.at(-1)).toHaveAttribute('aria-current', 'page');
    expect(links[1]).toHaveAttribute('href', '/orgs/acme/apps/shop');
  });

  it.each([
    [
      '/orgs/acme/settings/env-types',
      'Environment types',
      ['Acme Corp', 'Organisation settings', 'Environment types'],
    ],
    ['/orgs/acme/apps/shop/values', 'Values', ['Apps', 'Shop', 'Values']],
    ['/orgs/acme/audit-log', 'Audit log', ['Acme Corp', 'Audit log']],
    ['/orgs/acme/pipelines', 'Pipelines', ['Acme Corp', 'Pipelines']],
    ['/orgs/acme/agents', 'Agents', ['Acme Corp', 'Agents']],
    [
      '/orgs/acme/gitops-setup',
      'Operator and GitOps setup',
      ['Acme Corp', 'Operator and GitOps setup'],
    ],
    [
      '/orgs/acme/apps/shop/pipelines',
      'Pipelines of Shop',
      ['Apps', 'Shop', 'Pipelines'],
    ],
    [
      '/orgs/acme/apps/shop/pipelines/new',
      'New pipeline',
      ['Apps', 'Shop', 'Pipelines', 'New pipeline'],
    ],
    [
      '/orgs/acme/apps/shop/envs/staging/stream',
      'Logs and events of staging',
      ['Apps', 'Shop', 'Staging', 'Logs and events'],
    ],
  ])('%s shows its place in the trail', async (url, heading, expected) => {
    renderApp(url);
    await screen.findByRole('heading', { level: 1, name: heading });
    await waitFor(() =>
      expect(
        within(trail())
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(expected),
    );
  });

  it('switches environment with its health shown, keeping the workload', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(
      '/orgs/acme/apps/shop/envs/staging/workloads/api',
    );
    await screen.findByRole('heading', { level: 1, name: 'api' });
    await user.click(
      within(trail()).getByRole('button', { name: 'Switch environment' }),
    );
    const popover = await screen.findByRole('dialog', {
      name: 'Switch environment',
    });
    expect(
      within(popover).getByRole('searchbox', { name: 'Filter environments' }),
    ).toHaveFocus();
    const list = within(popover).getByRole('list', { name: 'Environments' });
    // development, staging, production and preview (the GitOps environment, issue 21).
    await waitFor(() =>
      expect(within(list).getAllByRole('link')).toHaveLength(4),
    );
    const production = within(list).getByRole('link', { name: /Production/ });
    await waitFor(() => expect(production).toHaveTextContent('Healthy'));
    expect(production).toHaveAttribute(
      'href',
      '/orgs/acme/apps/shop/envs/production/workloads/api',
    );
    expect(within(list).getByRole('link', { name: /Staging/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.click(production);
    await screen.findByRole('heading', { level: 1, name: 'api' });
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/orgs/acme/apps/shop/envs/production/workloads/api',
      ),
    );
    expect(
      screen.queryByRole('dialog', { name: 'Switch environment' }),
    ).not.toBeInTheDocument();
  });

  it('filters sibling apps and moves through them with the arrow keys', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop/envs/production');
    await screen.findByRole('heading', { level: 1, name: /production/i });
    await user.click(
      within(trail()).getByRole('button', { name: 'Switch application' }),
    );
    const popover = await screen.findByRole('dialog', {
      name: 'Switch application',
    });
    await user.keyboard('pa');
    const list = within(popover).getByRole('list', { name: 'Applications' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(['Payments']),
    );
    await user.keyboard('{ArrowDown}');
    const payments = within(list).getByRole('link', { name: 'Payments' });
    expect(payments).toHaveFocus();
    // The other app has a production environment too: the switch keeps it.
    expect(payments).toHaveAttribute(
      'href',
      '/orgs/acme/apps/payments/envs/production',
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/orgs/acme/apps/payments/envs/production',
      ),
    );
  });

  it('lists the deployments of the environment, and Escape closes the list', async () => {
    const user = userEvent.setup();
    const actor = getEngine().authenticate(DEMO_TOKEN);
    const deploys = getEngine().listDeploys(
      actor,
      'acme',
      'payments',
      'staging',
    );
    renderApp(`/orgs/acme/apps/payments/envs/staging/deploys/${deploys[0].id}`);
    await screen.findByRole('heading', { level: 1, name: /^Deployment / });
    await user.click(
      within(trail()).getByRole('button', { name: 'Switch deployment' }),
    );
    const popover = await screen.findByRole('dialog', {
      name: 'Switch deployment',
    });
    const list = await within(popover).findByRole('list', {
      name: 'Deployments',
    });
    const links = within(list).getAllByRole('link');
    // A virtualised list: the first rows (at least 13, or all of them) are rendered, never more than exist.
    expect(links.length).toBeGreaterThanOrEqual(Math.min(deploys.length, 13));
    expect(links.length).toBeLessThanOrEqual(deploys.length);
    expect(links[0]).toHaveTextContent('Failed');
    expect(links[0]).toHaveAttribute('aria-current', 'page');
    expect(links[1]).toHaveAttribute(
      'href',
      `/orgs/acme/apps/payments/envs/staging/deploys/${deploys[1].id}`,
    );
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Switch deployment' }),
      ).not.toBeInTheDocument(),
    );
  });
});
