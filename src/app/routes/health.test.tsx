import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { getEngine, server } from '../../../mocks/node';

/** The Health region once it shows a verdict (not its loading skeleton). */
const health = () =>
  waitFor(() => {
    const region = screen.getByRole('region', { name: 'Health' });
    expect(region.querySelector('.banner__summary')).not.toBeNull();
    return region;
  });

describe('health at first sight', () => {
  it('lists what needs attention across the organisation first, worst and production first', async () => {
    renderApp('/orgs/acme/apps');
    const panel = await screen.findByRole('region', {
      name: 'Needs attention',
    });
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(7);
    expect(
      within(items[0]).getByRole('link', { name: 'Payments / Staging' }),
    ).toHaveAttribute('href', '/orgs/acme/apps/payments/envs/staging');
    expect(items[0]).toHaveTextContent(
      'shared resource ledger-db (postgres) could not be provisioned',
    );
    expect(items[0]).toHaveTextContent('Resource provisioning failed');
    expect(within(items[6]).getByText('Degraded')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Applications' }),
    ).toBeInTheDocument();
  });

  it('asks for what needs attention a page at a time: the count of all, 20 rows, then "Show 20 more of 25"', async () => {
    const user = userEvent.setup();
    // 45 failed environments, served as the engine pages them (per_page, page token, Link header).
    const rows = Array.from({ length: 45 }, (_, i) => ({
      app_id: `app-${i}`,
      app_name: `App ${i}`,
      env_id: 'production',
      env_name: 'Production',
      env_type: 'production',
      state: 'Failed',
      summary: `Deployment ${i} failed`,
    }));
    const asked: string[] = [];
    server.use(
      http.get('*/api/orgs/:orgId/console/health', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url.search);
        const perPage = Number(url.searchParams.get('per_page') ?? 45);
        const start = Number(url.searchParams.get('page') ?? 0);
        const end = start + perPage;
        url.searchParams.set('page', String(end));
        return HttpResponse.json(
          {
            org_id: 'acme',
            needs_attention: rows.slice(start, end),
            total_needs_attention: rows.length,
            apps: [],
            legend: [{ state: 'Failed', description: 'Broken.' }],
          },
          end < rows.length
            ? {
                headers: { Link: `<${url.pathname}${url.search}>; rel="next"` },
              }
            : {},
        );
      }),
    );
    renderApp('/orgs/acme/apps');
    const panel = await screen.findByRole('region', {
      name: 'Needs attention',
    });
    await waitFor(() =>
      expect(within(panel).getAllByRole('listitem')).toHaveLength(20),
    );
    expect(panel).toHaveTextContent('45 environments');
    // Never the whole health: every request asks for a page.
    expect(asked.every((search) => search.includes('per_page=20'))).toBe(true);
    await user.click(
      within(panel).getByRole('button', { name: 'Show 20 more of 25' }),
    );
    await waitFor(() =>
      expect(within(panel).getAllByRole('listitem')).toHaveLength(40),
    );
    await user.click(
      within(panel).getByRole('button', { name: 'Show 5 more of 5' }),
    );
    await waitFor(() =>
      expect(within(panel).getAllByRole('listitem')).toHaveLength(45),
    );
    expect(within(panel).queryByRole('button', { name: /^Show/ })).toBeNull();
    expect(within(panel).getAllByRole('listitem')[44]).toHaveTextContent(
      'App 44 / Production',
    );
  });

  it('shows the app as environments × workloads with health and the current deployment', async () => {
    renderApp('/orgs/acme/apps/shop');
    const matrix = await screen.findByRole('table', { name: 'Environments' });
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Environment',
      'Development development',
      'Preview (GitOps) development',
      'Staging staging',
      'Production production',
    ]);
    const cart = within(matrix).getByRole('row', { name: /^cart/ });
    const cells = within(cart).getAllByRole('cell');
    // Staging's column (after development and preview).
    expect(cells[2]).toHaveTextContent('Failed');
    expect(cells[2]).toHaveTextContent('0/2');
    expect(cells[2]).toHaveTextContent('CrashLoopBackOff');
    expect(within(cells[2]).getByRole('link')).toHaveAttribute(
      'href',
      '/orgs/acme/apps/shop/envs/staging?workload=cart',
    );
    const current = within(matrix).getByRole('row', {
      name: /^Last deployment/,
    });
    expect(current).toHaveTextContent(
      'Try cart 1.1.0-rc.1 with the new checkout flow',
    );
    expect(current).toHaveTextContent('by dana-dev');
  });

  it.each([
    [
      'shop',
      'development',
      'Workload frontend: container frontend cannot pull its image (ImagePullBackOff) in 1 of 1 replica.',
      'The image cannot be pulled',
      'Open workload frontend',
    ],
    [
      'shop',
      'staging',
      'Workload cart: container cart keeps crashing (CrashLoopBackOff) in 2 of 2 replicas.',
      'The container keeps crashing',
      'Show logs of cart',
    ],
    [
      'payments',
      'development',
      'container ledger-worker was killed for running out of memory (OOMKilled)',
      'Out of memory',
      'Open workload ledger-worker',
    ],
    [
      'payments',
      'staging',
      'shared resource ledger-db (postgres) could not be provisioned: PostgreSQL version "18" is not supported',
      'Resource provisioning failed',
      'Compare with the previous deployment',
    ],
    [
      'identity',
      'development',
      'container auth-api cannot be configured (CreateContainerConfigError)',
      'The container cannot be configured',
      'Open workload auth-api',
    ],
  ])(
    '%s/%s names the root cause and the fix first',
    async (app, env, cause, hint, firstLink) => {
      renderApp(`/orgs/acme/apps/${app}/envs/${env}`);
      const region = await health();
      expect(within(region).getByText('Failed')).toBeInTheDocument();
      expect(region.querySelector('.banner__summary')).toHaveTextContent(cause);
      expect(within(region).getByText(`${hint}.`)).toBeInTheDocument();
      expect(within(region).getAllByRole('link')[0]).toHaveTextContent(
        firstLink,
      );
      expect(
        screen.getByRole('heading', { level: 1 }).parentElement,
      ).toHaveTextContent('Failed');
    },
  );

  it('links a failed deployment to its diff and says what still runs', async () => {
    renderApp('/orgs/acme/apps/payments/envs/staging');
    const region = await health();
    const diff = within(region).getByRole('link', {
      name: 'Compare with the previous deployment',
    });
    expect(diff.getAttribute('href')).toMatch(
      /^\/orgs\/acme\/apps\/payments\/diff\?from=staging\/[0-9a-z]+&to=staging\/[0-9a-z]+$/,
    );
    expect(region).toHaveTextContent(
      /still runs deployment \w+, its last successful one/,
    );
    // The resource's definition, its driver, and where to see why it matched.
    expect(region).toHaveTextContent(/Definition\s*\S+ version \S+/);
    expect(region).toHaveTextContent(/Driver\s*humanitec\/postgres/);
    // The rule that picked it, in words (read from the definition), never its bare id.
    expect(
      await within(region).findByText('everything (any app and environment)'),
    ).toBeVisible();
    expect(within(region).getByText('Matched by').tagName).toBe('DT');
    expect(within(region).queryByText(/Matched by criteria/)).toBeNull();
    expect(
      within(region).getByRole('link', { name: /^Open definition / }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/orgs\/acme\/resources\/definitions\//),
    );
    expect(
      within(region).getByRole('link', { name: 'Which definition matches?' }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/resources/match?app=payments&env=staging&type=postgres&class=default&res=shared.ledger-db',
    );
  });

  it('says when an environment was never deployed', async () => {
    const engine = getEngine();
    engine.createApp(engine.authenticate('hum_demo_admin_token'), 'acme', {
      id: 'fresh',
      name: 'Fresh',
    });
    renderApp('/orgs/acme/apps/fresh/envs/development');
    const region = await health();
    // "Never deployed" once in the banner (its badge), not again in its heading.
    expect(region).toHaveTextContent(
      /^Never deployed\s*Nothing runs in this environment yet\./,
    );
    expect(within(region).getAllByText(/Never deployed/)).toHaveLength(1);
    expect(screen.getByText('No deployments yet')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Pause environment/ }),
    ).not.toBeInTheDocument();
    // "Clone to…" is not offered before a first deployment: the empty clone history does not send you to it.
    const clones = await screen.findByRole('region', { name: 'Clone history' });
    expect(
      await within(clones).findByText(
        /^Once this environment has a deployment/,
      ),
    ).toBeVisible();
    expect(
      screen.queryByRole('link', { name: /Clone to/ }),
    ).not.toBeInTheDocument();
  });

  it('shows a health API error in place with a retry that recovers', async () => {
    const user = userEvent.setup();
    let fail = true;
    server.use(
      http.get(
        '*/api/orgs/:orgId/apps/:appId/envs/:envId/console/health',
        () =>
          fail
            ? HttpResponse.json(
                { error: 'API-500', message: 'Health service down' },
                { status: 500 },
              )
            : undefined,
      ),
    );
    renderApp('/orgs/acme/apps/shop/envs/staging');
    expect(await screen.findByText('Health service down')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Workloads' }),
    ).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(
        screen
          .getByRole('region', { name: 'Health' })
          .querySelector('.banner__summary'),
      ).toHaveTextContent('Workload cart'),
    );
  });
});

describe('without the console extensions (a real Humanitec API)', () => {
  const withoutExtensions = () =>
    server.use(
      http.get('*/api/orgs/:orgId/console/*', () =>
        HttpResponse.json({ error: 'API-404', message: 'no' }, { status: 404 }),
      ),
      http.get('*/api/orgs/:orgId/apps/:appId/console/*', () =>
        HttpResponse.json({ error: 'API-404', message: 'no' }, { status: 404 }),
      ),
      http.get('*/api/orgs/:orgId/apps/:appId/envs/:envId/console/*', () =>
        HttpResponse.json({ error: 'API-404', message: 'no' }, { status: 404 }),
      ),
      http.get(
        '*/api/orgs/:orgId/apps/:appId/envs/:envId/deploys/:deployId/console/*',
        () =>
          HttpResponse.json(
            { error: 'API-404', message: 'no' },
            { status: 404 },
          ),
      ),
    );

  it('computes what it can on the environment page and says aggregated health is unavailable', async () => {
    withoutExtensions();
    renderApp('/orgs/acme/apps/shop/envs/staging');
    expect(
      await screen.findByText('1 workload is failing or degraded.'),
    ).toBeInTheDocument();
    const region = await health();
    expect(region).toHaveTextContent(
      'Aggregated health is unavailable from this API',
    );
    expect(region).toHaveTextContent(
      'Workload cart: 0/2 ready, CrashLoopBackOff',
    );
    expect(
      within(region).getByText('The container keeps crashing.'),
    ).toBeInTheDocument();
  });

  it('falls back on the landing, app and deployment pages', async () => {
    withoutExtensions();
    const { router } = renderApp('/orgs/acme/apps');
    expect(
      await screen.findByText(/Aggregated health is unavailable from this API/),
    ).toBeInTheDocument();
    await router.navigate('/orgs/acme/apps/shop');
    expect(
      await screen.findByText(
        /showing each environment’s last deployment and runtime status/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Environments' }),
    ).toHaveTextContent('Last deployment');
    await router.navigate('/orgs/acme/apps/payments/envs/staging');
    await health();
    const history = screen.getByRole('table', { name: 'Deployment history' });
    await router.navigate(
      within(history).getAllByRole('link')[0].getAttribute('href')!,
    );
    expect(
      await screen.findByRole('heading', { name: 'Why it failed' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The step timeline is unavailable from this API/),
    ).toBeInTheDocument();
    expect(screen.getByText('RES-PROV-001')).toBeInTheDocument();
    expect(
      screen.getByText('Resource provisioning failed.'),
    ).toBeInTheDocument();
  });
});
