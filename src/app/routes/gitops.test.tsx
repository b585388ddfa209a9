import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';
import { getEngine, server } from '../../../mocks/node';
import { createMemoryFs } from '../../../mocks/gitops/memory-fs';
import {
  gitopsRepository,
  syncGitops,
  type GitFs,
} from '../../../mocks/gitops/repository';

const PREVIEW = '/orgs/acme/apps/shop/envs/preview';

/** The environment's GitOps panel once it is shown. */
const gitopsPanel = () => screen.findByRole('region', { name: 'GitOps' });

describe('Operator and GitOps on the environment page', () => {
  it('shows the mode, the repository, the last commit, the sync and every resource', async () => {
    // The seeded deployment becomes a commit, as the browser demo's worker makes it at start.
    const repository = gitopsRepository(
      createMemoryFs() as unknown as GitFs,
      '/gitops',
      'memory://test',
    );
    expect(await syncGitops(getEngine(), repository)).toBe(1);
    renderApp(PREVIEW);
    const panel = await gitopsPanel();
    expect(screen.getByTestId('deployment-mode')).toHaveTextContent('GitOps');
    expect(within(panel).getByText('Repository')).toBeInTheDocument();
    expect(within(panel).getByText('acme/shop/preview')).toBeInTheDocument();
    expect(within(panel).getByText('Last commit')).toBeInTheDocument();
    const summary = within(panel).getByTestId('gitops-sync-summary');
    expect(summary).toHaveTextContent(
      /^Synced to commit [0-9a-f]{7}: \d+ Ready\.$/,
    );
    // The sync names the commit the panel shows as the last one: one story, not two.
    const sha = summary.textContent!.match(/commit ([0-9a-f]{7})/)![1]!;
    expect(
      within(panel).getByText('Last commit').nextElementSibling,
    ).toHaveTextContent(sha);
    expect(
      within(panel).getAllByTestId('gitops-resource').length,
    ).toBeGreaterThan(0);
    expect(
      within(panel).getByRole('link', { name: 'Operator and GitOps setup' }),
    ).toHaveAttribute('href', '/orgs/acme/gitops-setup?app=shop&env=preview');
  });

  it('shows drift field by field after the demo edit, and Resync restores git', async () => {
    const user = userEvent.setup();
    renderApp(PREVIEW);
    const panel = await gitopsPanel();
    await user.click(
      within(panel).getByRole('button', {
        name: 'Demo: edit a live workload (cause drift)',
      }),
    );
    const drift = await within(panel).findByTestId('gitops-drift');
    expect(within(panel).getByText('Out of sync')).toBeInTheDocument();
    expect(within(drift).getAllByRole('table').length).toBeGreaterThan(0);
    expect(drift.textContent).toMatch(/replicas/);
    await user.click(within(panel).getByRole('button', { name: 'Resync' }));
    await waitFor(() =>
      expect(within(panel).queryByTestId('gitops-drift')).toBeNull(),
    );
  });

  it('leaves the panel out for a direct environment', async () => {
    renderApp('/orgs/acme/apps/shop/envs/development');
    await waitFor(() =>
      expect(screen.getByTestId('deployment-mode')).toHaveTextContent('Direct'),
    );
    expect(screen.queryByRole('region', { name: 'GitOps' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Operator' })).toBeNull();
  });
});

describe('Operator and GitOps on the deployment page', () => {
  it("shows the export, the Operator's reconciliation and the manifest diff", async () => {
    const engine = getEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const [newest] = engine.listDeploys(admin, 'acme', 'shop', 'preview');
    renderApp(`${PREVIEW}/deploys/${newest!.id}`);
    const panel = await screen.findByRole('region', {
      name: 'Export (GitOps)',
    });
    expect(within(panel).getByText('Exported')).toBeInTheDocument();
    expect(
      within(panel).getByRole('button', { name: 'Download export' }),
    ).toBeInTheDocument();
    expect(
      within(panel).getAllByTestId('gitops-resource').length,
    ).toBeGreaterThan(0);
    const summary = await within(panel).findByTestId('export-diff-summary');
    expect(summary.textContent).toMatch(/object/);
  });

  it('leaves the export out for a deployment of a direct environment', async () => {
    const engine = getEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const [newest] = engine.listDeploys(admin, 'acme', 'shop', 'development');
    renderApp(`/orgs/acme/apps/shop/envs/development/deploys/${newest!.id}`);
    await screen.findByRole('heading', { level: 1 });
    await screen.findByRole('region', { name: 'Status' });
    expect(screen.queryByRole('region', { name: /^Export/ })).toBeNull();
  });
});

describe('an Operator environment', () => {
  it('shows the Operator panel without a repository, and guards its actions by role', async () => {
    setApiToken('hum_demo_developer_token');
    renderApp('/orgs/acme/apps/shop/envs/production');
    const panel = await screen.findByRole('region', { name: 'Operator' });
    expect(screen.getByTestId('deployment-mode')).toHaveTextContent('Operator');
    expect(within(panel).queryByText('Repository')).toBeNull();
    expect(within(panel).queryByText('Last commit')).toBeNull();
    // "Ready" is the Operator's word for applied, not for running: the panel says so.
    expect(
      within(panel).getByText(/Ready means the Operator applied the object/),
    ).toHaveTextContent(
      'whether its containers keep running is the environment’s health, above',
    );
    // Refused, the button is another element (with its tooltip): look it up each time.
    const resync = () => within(panel).getByRole('button', { name: 'Resync' });
    await waitFor(() =>
      expect(resync()).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(resync()).toHaveAccessibleDescription(/deployer role/);
  });
});

describe('when the GitOps status fails to load', () => {
  it('says so in place with a retry that recovers, and the page still loads', async () => {
    const user = userEvent.setup();
    let fail = true;
    server.use(
      http.get(
        '*/api/orgs/:orgId/apps/:appId/envs/:envId/console/gitops',
        () =>
          fail
            ? HttpResponse.json(
                { error: 'API-503', message: 'The cluster is not reachable.' },
                { status: 503 },
              )
            : undefined,
      ),
    );
    renderApp(PREVIEW);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load how this environment is delivered',
    );
    expect(alert).toHaveTextContent('The cluster is not reachable.');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Preview (GitOps)' }),
    ).toBeInTheDocument();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await gitopsPanel()).toBeInTheDocument();
  });
});
