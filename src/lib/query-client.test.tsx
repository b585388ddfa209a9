import { render, screen } from '@testing-library/react';
import { Toaster } from 'sonner';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/client';
import { createQueryClient } from './query-client';

describe('createQueryClient', () => {
  it('raises a toast naming a failed mutation (sonner loaded on the first one), its code marks dropped', async () => {
    render(<Toaster />);
    const client = createQueryClient({ retry: false });
    const mutation = client.getMutationCache().build(client, {
      mutationFn: () =>
        Promise.reject(
          new ApiError(409, {
            error: 'ENV-409',
            message: 'Environment `production` is paused.',
          }),
        ),
    });
    await expect(mutation.execute(undefined)).rejects.toThrow();
    expect(
      await screen.findByText('Environment production is paused.'),
    ).toBeInTheDocument();
  });

  it('stays quiet for a mutation marked silent', async () => {
    render(<Toaster />);
    const client = createQueryClient({ retry: false });
    const fail = (message: string, meta?: { silent: boolean }) =>
      client
        .getMutationCache()
        .build(client, {
          ...(meta ? { meta } : {}),
          mutationFn: () => Promise.reject(new Error(message)),
        })
        .execute(undefined);
    await expect(fail('quiet', { silent: true })).rejects.toThrow();
    await expect(fail('loud')).rejects.toThrow();
    // The toast of the later, loud one shows; the silent one's never did.
    expect(await screen.findByText('loud')).toBeInTheDocument();
    expect(screen.queryByText('quiet')).not.toBeInTheDocument();
  });
});
