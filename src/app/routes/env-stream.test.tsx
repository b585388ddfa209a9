import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { resetTestEngine, server } from '../../../mocks/node';

describe('One stream per environment', { timeout: 90_000 }, () => {
  it('shows every workload’s lines and the back-off events of a crash-looping container; filters reproduce from the URL', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    const { router } = renderApp(
      '/orgs/acme/apps/shop/envs/staging/stream?range=all',
    );
    const log = await screen.findByRole('log', {
      name: 'Log lines of every workload',
    });
    await waitFor(() =>
      expect(log.querySelectorAll('.env-stream__line').length).toBeGreaterThan(
        0,
      ),
    );
    const events = screen.getByRole('region', { name: 'Kubernetes events' });
    expect(events).toHaveTextContent(/BackOff/);
    expect(events).toHaveTextContent(
      /Back-off restarting failed container cart/,
    );

    await user.selectOptions(screen.getByLabelText('Level'), 'error');
    await waitFor(() =>
      expect(router.state.location.search).toContain('level=error'),
    );
    await waitFor(() =>
      expect(within(log).getAllByText('error').length).toBeGreaterThan(0),
    );
    expect(within(log).queryByText('info')).toBeNull();
    await user.type(screen.getByLabelText('Text'), 'exited');
    await waitFor(() =>
      expect(router.state.location.search).toContain('q=exited'),
    );
    expect(
      within(log).getAllByText(/Process exited with status 1/).length,
    ).toBeGreaterThan(0);
  });

  it('opens on one container from the health banner’s link', async () => {
    resetTestEngine();
    renderApp(
      '/orgs/acme/apps/shop/envs/staging/stream?only=cart%2Fcart&level=warn&range=all',
    );
    const log = await screen.findByRole('log', {
      name: 'Log lines of every workload',
    });
    await waitFor(() =>
      expect(within(log).getAllByText(/cart\/cart/).length).toBeGreaterThan(0),
    );
    expect(within(log).queryByText(/^api\//)).toBeNull();
    expect(screen.getByText('Show every workload')).toBeInTheDocument();
  });

  it('asks the server for the time range only, and for everything when Everything is chosen', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    const asked: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/console/stream'))
        asked.push(new URL(request.url));
    });
    try {
      renderApp('/orgs/acme/apps/shop/envs/staging/stream');
      await waitFor(() => expect(asked).toHaveLength(1));
      // The default range is the last hour: the server sends that hour, not the newest 100,000 lines of all.
      const since = Date.parse(asked[0]!.searchParams.get('since') ?? '');
      expect(Math.abs(Date.now() - 3_600_000 - since)).toBeLessThan(5 * 60_000);
      await screen.findByRole('log', { name: 'Log lines of every workload' });
      await user.selectOptions(screen.getByLabelText(/Time range/), 'all');
      await waitFor(() => expect(asked).toHaveLength(2));
      expect(asked[1]!.searchParams.has('since')).toBe(false);
    } finally {
      server.events.removeAllListeners();
    }
  });
});
