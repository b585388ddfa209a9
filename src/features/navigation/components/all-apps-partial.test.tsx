// Past the browser's navigation index (a 10,000-app organisation keeps its first 1,000 there) the sidebar's
// app list and the app switcher say the true count and ask the server for the matches, instead of silently
// showing only the first 1,000 (issue 24 §3). The organisation here is served by a stand-in of the engine's
// paged navigation index with 2,500 apps besides the demo's shop.
import '@/testing/dom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { server } from '../../../../mocks/node';

const env = {
  id: 'development',
  name: 'Development',
  type: 'development',
  workloads: [],
};
const pad = (i: number) => String(i).padStart(4, '0');
/** shop first, then app-0000 … app-2499 (creation order). */
const APPS = [
  { id: 'shop', name: 'Shop', envs: [env] },
  ...Array.from({ length: 2500 }, (_, i) => ({
    id: `app-${pad(i)}`,
    name: `App ${pad(i)}`,
    envs: [env],
  })),
];

/** The engine's paged navigation index in small: per_page, q (every word), sort=name, an offset token, Link. */
function servePagedIndex(asked: string[]) {
  server.use(
    http.get('*/api/orgs/:orgId/console/navigation-index', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url.search);
      const words = (url.searchParams.get('q') ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      const matching = APPS.filter((app) =>
        words.every((w) => `${app.id} ${app.name.toLowerCase()}`.includes(w)),
      );
      if (url.searchParams.get('sort') === 'name')
        matching.sort((a, b) => (a.name < b.name ? -1 : 1));
      const perPage = Number(url.searchParams.get('per_page') ?? 50);
      const start = Number(url.searchParams.get('page') ?? 0);
      const end = start + perPage;
      url.searchParams.set('page', String(end));
      return HttpResponse.json(
        {
          org_id: 'acme',
          apps: matching.slice(start, end),
          deployments: [],
          deploys_per_env: 0,
          profiles: [],
          total_apps: matching.length,
        },
        end < matching.length
          ? { headers: { Link: `<${url.pathname}${url.search}>; rel="next"` } }
          : {},
      );
    }),
  );
}

describe('apps past the browser’s index', () => {
  it('the sidebar counts every app, pages them by name and finds one past the first 1,000 on the server', async () => {
    const user = userEvent.setup();
    const asked: string[] = [];
    servePagedIndex(asked);
    renderApp('/orgs/acme/apps');
    const all = await screen.findByRole('navigation', {
      name: /All applications/,
    });
    await waitFor(() =>
      expect(all).toHaveTextContent('All applications (2,501)'),
    );
    const more = await within(all).findByRole('button', {
      name: 'Show 100 more of 2,401',
    });
    await user.click(more);
    await within(all).findByRole('button', { name: 'Show 100 more of 2,301' });
    await user.type(
      within(all).getByRole('searchbox', { name: 'Filter applications' }),
      'app-2400',
    );
    await waitFor(() =>
      expect(
        within(all)
          .getAllByRole('link')
          .map((l) => l.getAttribute('href')),
      ).toEqual(['/orgs/acme/apps/app-2400']),
    );
    expect(asked).toContainEqual(expect.stringMatching(/q=app-2400/));
    expect(within(all).queryByRole('button', { name: /^Show/ })).toBeNull();
  });

  it('the app switcher finds an app past the first 1,000 and says how many match', async () => {
    const user = userEvent.setup();
    servePagedIndex([]);
    renderApp('/orgs/acme/apps/shop');
    await screen.findByRole('heading', { level: 1, name: 'Shop' });
    const trail = screen.getByRole('navigation', { name: 'Breadcrumb' });
    await user.click(
      within(trail).getByRole('button', { name: 'Switch application' }),
    );
    const popover = await screen.findByRole('dialog', {
      name: 'Switch application',
    });
    await within(popover).findByText(/2,501 of 2,501 applications/);
    await user.keyboard('2499');
    const list = within(popover).getByRole('list', { name: 'Applications' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(['App 2499app-2499']),
    );
    expect(within(popover).getByRole('status')).toHaveTextContent(
      '1 of 2,501 applications',
    );
  });
});
