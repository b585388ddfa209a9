import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { resetTestEngine } from '../../../mocks/node';

const PAGE = '/orgs/acme/apps/shop/envs/development/workloads/api/run-locally';

describe('Run locally', { timeout: 90_000 }, () => {
  it('shows the bundle with a local postgres, switches it to a port forward, and asks before including secrets', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    renderApp(PAGE);
    const resources = await screen.findByRole('region', {
      name: 'Resources it reads',
    });
    const db = within(resources).getByRole('row', { name: /shared\.db/ });
    expect(db).toHaveTextContent('shared-db');
    const compose = screen.getByRole('region', { name: 'File compose.yaml' });
    expect(compose).toHaveTextContent('image: postgres:16');
    expect(
      within(compose).getByRole('button', { name: 'Copy compose.yaml' }),
    ).toBeInTheDocument();
    const env = screen.getByRole('region', { name: 'File .env' });
    expect(env).toHaveTextContent("The environment's secrets are not included");

    await user.selectOptions(
      within(db).getByRole('combobox', { name: 'Where shared.db comes from' }),
      'remote',
    );
    await waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'File README.md' }),
      ).toHaveTextContent('port-forward'),
    );
    expect(
      screen.getByRole('region', { name: 'File compose.yaml' }),
    ).not.toHaveTextContent('image: postgres:16');

    await user.click(
      screen.getByRole('checkbox', {
        name: 'Include the environment’s secrets in .env',
      }),
    );
    expect(screen.getByText(/Warning: \.env will hold/)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'File .env' }),
      ).toHaveTextContent('WARNING'),
    );
  });

  it('downloads the files as a zip', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:zip';
    });
    URL.revokeObjectURL = vi.fn();
    renderApp(PAGE);
    await user.click(
      await screen.findByRole('button', { name: 'Download as zip' }),
    );
    await waitFor(() => expect(created).toHaveLength(1));
    const { unzipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(await created[0].arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'shop-development-api/compose.yaml',
        'shop-development-api/.env',
        'shop-development-api/README.md',
      ]),
    );
  });
});
