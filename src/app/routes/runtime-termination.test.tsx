import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

describe('runtime panel of a crash-looping workload', () => {
  it('shows the last termination (reason, exit code) and the pod as running, not failed', async () => {
    renderApp('/orgs/acme/apps/shop/envs/staging?workload=cart');
    const panel = await screen.findByRole('dialog', {
      name: 'Workload cart',
    });
    const pods = await within(panel).findByRole('table', {
      name: 'Pods of cart',
    });
    const rows = within(pods).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cells = within(row).getAllByRole('cell');
      expect(cells[0]).toHaveTextContent('Running, not ready');
      expect(cells[1]).toHaveTextContent('CrashLoopBackOff');
      expect(cells[3]).toHaveTextContent('Error (exit code 1)');
    }
  });
});
