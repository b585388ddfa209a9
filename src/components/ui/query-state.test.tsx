import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QueryState, type LoadingQuery } from './query-state';

const query = (state: Partial<LoadingQuery<string[]>>) => ({
  isPending: false,
  isError: false,
  error: null,
  data: undefined,
  refetch: vi.fn(),
  ...state,
});

const list = (data: string[]) => <p>{data.join(', ')}</p>;

describe('QueryState', () => {
  it('shows a named skeleton while loading, then the data', () => {
    const { rerender } = render(
      <QueryState query={query({ isPending: true })} what="registries">
        {list}
      </QueryState>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading registries…');
    rerender(
      <QueryState query={query({ data: ['acme', 'ghcr'] })} what="registries">
        {list}
      </QueryState>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('acme, ghcr')).toBeInTheDocument();
  });

  it('says what could not be loaded and retries', async () => {
    const failed = query({ isError: true, error: new Error('offline') });
    render(
      <QueryState query={failed} what="registries">
        {list}
      </QueryState>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load the registries',
    );
    expect(screen.queryByRole('status')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /retry/i }));
    expect(failed.refetch).toHaveBeenCalled();
  });
});
