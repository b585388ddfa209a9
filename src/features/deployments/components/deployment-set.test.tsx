import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setQueries } from '@/api/queries/sets';
import { DeploymentSetView, SET_WORKLOADS_SHOWN } from './deployment-set';

/** The set view with a set of `count` workloads already loaded. */
function renderSet(count: number) {
  const queryClient = new QueryClient();
  const modules = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `w${String(i).padStart(3, '0')}`,
      {
        profile: 'humanitec/default-module',
        spec: { containers: { main: { image: `reg/w${i}:1` } } },
      },
    ]),
  );
  queryClient.setQueryData(setQueries.set('acme', 'shop', 'set1').queryKey, {
    id: 'set1',
    modules,
    shared: {},
    version: 0,
  } as never);
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <DeploymentSetView orgId="acme" appId="shop" setId="set1" />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return screen.getByRole('table', { name: 'Workloads in this deployment' });
}

describe('DeploymentSetView', () => {
  it('lists the first workloads of a large set, then all of them on demand', async () => {
    const table = renderSet(SET_WORKLOADS_SHOWN + 5);
    // A header row and the first workloads.
    expect(within(table).getAllByRole('row')).toHaveLength(
      SET_WORKLOADS_SHOWN + 1,
    );
    await userEvent.click(
      screen.getByRole('button', {
        name: `Show all ${SET_WORKLOADS_SHOWN + 5} workloads`,
      }),
    );
    expect(within(table).getAllByRole('row')).toHaveLength(
      SET_WORKLOADS_SHOWN + 6,
    );
    expect(within(table).getByText('w029')).toBeInTheDocument();
  });

  it('lists every workload of a small set, with no button', () => {
    const table = renderSet(3);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });
});
