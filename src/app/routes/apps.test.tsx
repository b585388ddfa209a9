import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../../mocks/runtime';
import { renderApp } from '@/testing/render-app';

describe('applications page of a large organisation', () => {
  it('shows the first hundred applications, the next page on request, and asks the server for the matching ones', async () => {
    const engine = getEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    for (let i = 0; i < 130; i += 1) {
      const n = String(i).padStart(3, '0');
      engine.createApp(admin, 'acme', {
        id: `svc-${n}`,
        name: `Service ${n}`,
      });
    }
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    const table = await screen.findByRole('table', { name: 'Applications' });
    expect(screen.getByRole('status')).toHaveTextContent('135 applications');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 100);
    await user.click(
      screen.getByRole('button', { name: 'Show 35 more of 35' }),
    );
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 135);

    await user.type(
      screen.getByRole('searchbox', { name: 'Find an application' }),
      'service 12',
    );
    // The server matches each word in the id or name: Service 012, 112 and 120…129.
    expect(
      await screen.findByText('12 of 135 applications'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Applications' })).getByRole(
        'link',
        { name: 'Service 129' },
      ),
    ).toBeInTheDocument();
    await user.clear(
      screen.getByRole('searchbox', { name: 'Find an application' }),
    );
    await user.type(
      screen.getByRole('searchbox', { name: 'Find an application' }),
      'nothing-like-this',
    );
    expect(
      await screen.findByText('No application matches “nothing-like-this”.'),
    ).toBeInTheDocument();
  });
});
