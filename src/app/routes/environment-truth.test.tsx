import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

describe('environment page says one true thing', () => {
  it('explains a succeeded deployment in a failed environment in words', async () => {
    renderApp('/orgs/acme/apps/shop/envs/staging');
    const current = await screen.findByRole('region', {
      name: 'Current deployment',
    });
    expect(within(current).getByText('Succeeded')).toBeInTheDocument();
    expect(
      await within(current).findByText(
        /The deployment succeeded: every workload and resource was rolled out\. The environment has failed since; the health above says why/,
      ),
    ).toBeInTheDocument();
  });

  it('calls a failed deployment the last one, not the current one, and links what still runs', async () => {
    renderApp('/orgs/acme/apps/payments/envs/staging');
    const last = await screen.findByRole('region', {
      name: 'Last deployment',
    });
    expect(within(last).getByText('Failed')).toBeInTheDocument();
    const running = await within(last).findByRole('link', {
      name: 'its last successful deployment',
    });
    expect(running.getAttribute('href')).toMatch(
      /^\/orgs\/acme\/apps\/payments\/envs\/staging\/deploys\/[^/]+$/,
    );
    expect(
      screen.queryByRole('region', { name: 'Current deployment' }),
    ).toBeNull();
  });

  it('does not explain anything when the environment is healthy', async () => {
    renderApp('/orgs/acme/apps/payments/envs/production');
    const health = await screen.findByRole('region', { name: 'Health' });
    await within(health).findByText(/healthy/);
    expect(
      screen.getByRole('region', { name: 'Current deployment' }),
    ).not.toHaveTextContent(/has failed since/);
  });

  it('says that an unknown ?workload= does not exist in the environment, and lists those that do', async () => {
    renderApp('/orgs/acme/apps/shop/envs/staging?workload=nope');
    const panel = await screen.findByRole('dialog', { name: 'Workload nope' });
    expect(
      await within(panel).findByText(/does not exist in Staging/),
    ).toHaveTextContent(
      'Workload nope does not exist in Staging (staging). Its workloads are:',
    );
    expect(
      within(panel).getByRole('link', { name: 'cart' }),
    ).toBeInTheDocument();
  });

  it('says that no workload is named by an empty ?workload=, and lists them', async () => {
    renderApp('/orgs/acme/apps/shop/envs/staging?workload=');
    const panel = await screen.findByRole('dialog', { name: 'Workload' });
    expect(
      await within(panel).findByText(/No workload is named/),
    ).toHaveTextContent(
      'No workload is named for Staging (staging). Its workloads are:',
    );
    expect(
      within(panel).getByRole('link', { name: 'cart' }),
    ).toBeInTheDocument();
  });
});
