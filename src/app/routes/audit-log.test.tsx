import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';

/** The rows of the log table (without its header row). */
async function logRows() {
  const table = await screen.findByRole('table', {
    name: 'Audit log, newest first',
  });
  return within(table).getAllByRole('row').slice(1);
}

describe('audit log page', () => {
  it('lists the seeded calls newest first with their outcome, filters by user into the URL and links to the objects', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/audit-log');
    const rows = await logRows();
    expect(rows.length).toBe(50);
    expect(
      screen.getByRole('button', { name: 'Load more' }),
    ).toBeInTheDocument();
    // A deployment links to the environment it went to.
    const deploy = rows.find((row) =>
      /deployments of shop \/ production/.test(row.textContent ?? ''),
    );
    expect(deploy).toBeDefined();
    expect(
      within(deploy!).getByRole('link', {
        name: 'deployments of shop / production',
      }),
    ).toHaveAttribute('href', '/orgs/acme/apps/shop/envs/production');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'User' }),
      'vic-viewer',
    );
    await waitFor(() =>
      expect(router.state.location.search).toBe('?user=vic-viewer'),
    );
    await waitFor(async () => {
      const mine = await logRows();
      expect(mine).toHaveLength(1);
      expect(mine[0]).toHaveTextContent('Vic Viewer');
      expect(mine[0]).toHaveTextContent('Refused · 403');
      expect(mine[0]).toHaveTextContent(
        'POST /orgs/acme/apps/shop/envs/production/deploys',
      );
    });
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('opens on an object from the URL, loads more, and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/audit-log?app=payments&env=production');
    await waitFor(async () => {
      const rows = await logRows();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(row).toHaveTextContent(
          /\/orgs\/acme\/apps\/payments\/envs\/production/,
        );
    });
    expect(screen.getByRole('combobox', { name: 'App' })).toHaveValue(
      'payments',
    );
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveValue(
      'production',
    );
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(async () => expect(await logRows()).toHaveLength(50));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(async () =>
      expect((await logRows()).length).toBeGreaterThan(50),
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Time' }),
      'custom',
    );
    await user.type(await screen.findByLabelText('From (UTC)'), '2001-01-01');
    await user.type(screen.getByLabelText('To (UTC, inclusive)'), '2001-01-02');
    expect(
      await screen.findByText('No recorded calls match these filters'),
    ).toBeInTheDocument();
    // An end before the start is said at the field; the API is not asked.
    // (A date field is typed whole or not at all in jsdom: its new day is set as a picker sets it.)
    fireEvent.change(screen.getByLabelText('To (UTC, inclusive)'), {
      target: { value: '2000-12-31' },
    });
    await waitFor(() =>
      expect(
        screen.getByLabelText('To (UTC, inclusive)'),
      ).toHaveAccessibleDescription(/The end is before the start/),
    );
    expect(screen.getByText('No time range to show')).toBeInTheDocument();
  });

  it('clearing the filters takes "Clear filters" away; focus goes to the first filter, not the page\'s body', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/audit-log?user=vic-viewer');
    await waitFor(async () => expect(await logRows()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Clear filters' }),
      ).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Time' })).toHaveFocus(),
    );
  });

  it('refuses a developer with the role it needs, and keeps the link out of the sidebar', async () => {
    setApiToken('hum_demo_developer_token');
    renderApp('/orgs/acme/audit-log');
    expect(
      await screen.findByText(
        /Reading the audit log needs the administrator role/,
      ),
    ).toBeInTheDocument();
    // Said once, without filters to set or a Retry that would be refused again.
    expect(
      screen.getByText('The audit log is for administrators'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Time' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await waitFor(() =>
      expect(
        within(nav).getByRole('link', { name: 'Team performance' }),
      ).toBeInTheDocument(),
    );
    expect(
      within(nav).queryByRole('link', { name: 'Audit log' }),
    ).not.toBeInTheDocument();
  });
});
