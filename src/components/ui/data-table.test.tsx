import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table';
import { EmptyState } from './empty-state';

const tokens = [
  { id: 'ci', user: 'deployer' },
  { id: 'nightly', user: 'robot' },
];

function Tokens({ rows }: { rows: typeof tokens }) {
  return (
    <DataTable
      caption="API tokens"
      columns={[
        'Token',
        { header: 'Service user', className: 'mono' },
        false,
        <span className="visually-hidden">Actions</span>,
      ]}
      rows={rows}
      renderRow={(t) => (
        <tr key={t.id}>
          <td>{t.id}</td>
          <td>{t.user}</td>
          <td>
            <button type="button">Revoke {t.id}</button>
          </td>
        </tr>
      )}
      empty={<EmptyState title="No tokens yet" />}
    />
  );
}

describe('DataTable', () => {
  it('is a table named by its caption, with a header row and a row per item', () => {
    render(<Tokens rows={tokens} />);
    const table = screen.getByRole('table', { name: 'API tokens' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'Token',
      'Service user',
      'Actions',
    ]);
    expect(headers[1]).toHaveClass('mono');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(
      within(table).getByRole('button', { name: 'Revoke nightly' }),
    ).toBeInTheDocument();
    expect(table.querySelector('caption')).toHaveClass('visually-hidden');
    expect(table).toHaveClass('table');
  });

  it('shows the empty state instead of an empty table', () => {
    render(<Tokens rows={[]} />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('No tokens yet')).toBeInTheDocument();
  });

  it('keeps an empty table when there is no empty state, and can show its caption', () => {
    render(
      <DataTable
        caption="Per team"
        captionVisible
        className="table--wrap"
        columns={['Team']}
        rows={[]}
        renderRow={() => null}
      />,
    );
    const table = screen.getByRole('table', { name: 'Per team' });
    expect(table).toHaveClass('table', 'table--wrap');
    expect(table.querySelector('caption')).not.toHaveClass('visually-hidden');
  });

  it('sits in the horizontal scroller, which is a focusable region named like the table only while it scrolls', () => {
    const { container } = render(<Tokens rows={tokens} />);
    const viewport = container.querySelector(
      '.table-scroll > .table-scroll__viewport',
    )!;
    expect(viewport).toContainElement(
      screen.getByRole('table', { name: 'API tokens' }),
    );
    // jsdom lays nothing out, so nothing overflows: not a region, not a tab stop.
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(viewport).not.toHaveAttribute('tabindex');
  });
});
