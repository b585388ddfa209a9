import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { mendShopDevelopment } from '../../../mocks/fixtures/test-engine';
import { resetTestEngine, server } from '../../../mocks/node';

/**
 * A run of the demo pipeline for shop/development, waiting for its approval. The seed's development fails (a frontend
 * image that cannot be pulled) and smoke tests over a failing environment fail: its frontend is fixed first.
 */
function waitingRun() {
  const { engine, clock } = resetTestEngine();
  const admin = engine.authenticate('hum_demo_admin_token');
  mendShopDevelopment(engine, clock);
  const run = engine.requestDeployment(admin, 'acme', 'shop', {
    trigger: 'deployment_request',
    env_id: 'development',
    comment: 'route test',
  });
  clock.advance(20_000);
  return {
    engine,
    clock,
    admin,
    run,
    url: `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs/${run.id}`,
  };
}

describe('pipelines', () => {
  it('lists the organisation’s pipelines with their app', async () => {
    renderApp('/orgs/acme/pipelines');
    const table = await screen.findByRole('table');
    const link = within(table).getByRole('link', {
      name: 'Deploy, test and promote to staging',
    });
    expect(link).toHaveAttribute(
      'href',
      '/orgs/acme/apps/shop/pipelines/promote-to-staging',
    );
    expect(within(table).getByRole('row', { name: /shop/ })).toHaveTextContent(
      'deployment request',
    );
  });

  it('shows a run as jobs and steps, with the approval first, and records an approval with its comment', async () => {
    const { url, clock } = waitingRun();
    renderApp(url);
    const approval = await screen.findByRole('region', {
      name: 'Approval needed to deploy to staging',
    });
    expect(
      screen.getByRole('region', { name: 'Run status' }),
    ).toHaveTextContent('Running');
    const deploy = screen.getByRole('region', { name: 'deploy-development' });
    expect(
      within(deploy)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^Deploy to developmentSucceeded/),
      expect.stringMatching(/^Run smoke testsSucceeded/),
      expect.stringMatching(/^Roll back developmentSkipped/),
    ]);
    await userEvent.type(
      within(approval).getByLabelText('Comment (optional)'),
      'looks good',
    );
    await userEvent.click(
      within(approval).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('region', {
          name: 'Approval needed to deploy to staging',
        }),
      ).toBeNull(),
    );
    expect(
      await screen.findByText(/approved by alex-admin: “looks good”/),
    ).toBeInTheDocument();
    // The panel went with its buttons: focus is on the jobs and steps the decision set going, not on the page.
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Jobs and steps' }),
      ).toHaveFocus(),
    );
    clock.advance(60_000);
    await waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'Run status' }),
      ).toHaveTextContent('Succeeded'),
    );
  });

  it('says on the target environment’s page that a run waits for an approval to deploy there, linking to it', async () => {
    const { run } = waitingRun();
    renderApp('/orgs/acme/apps/shop/envs/staging');
    const banner = await screen.findByRole('region', {
      name: 'Waiting for approval',
    });
    expect(banner).toHaveTextContent(
      'A pipeline run waits for an approval to deploy to staging.',
    );
    expect(
      within(banner).getByRole('link', {
        name: `Open run ${run.id.slice(0, 8)} of ${run.pipeline_id}`,
      }),
    ).toHaveAttribute(
      'href',
      `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs/${run.id}`,
    );
  });

  it('opens a step’s logs from the graph', async () => {
    const { url } = waitingRun();
    renderApp(`${url}?job=deploy-development&step=1`);
    const logs = await screen.findByRole('region', {
      name: 'Logs of deploy-development › Run smoke tests',
    });
    expect(
      await within(logs).findByText(/12 tests passed\./),
    ).toBeInTheDocument();
  });

  it('fails the smoke tests over a failing environment and says why, promoting nothing', async () => {
    // The seed's development as it is: its frontend cannot pull its image.
    const { engine, clock } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const run = engine.requestDeployment(admin, 'acme', 'shop', {
      trigger: 'deployment_request',
      env_id: 'development',
      comment: 'route test',
    });
    clock.advance(30_000);
    renderApp(
      `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs/${run.id}?job=deploy-development&step=1`,
    );
    const logs = await screen.findByRole('region', {
      name: 'Logs of deploy-development › Run smoke tests',
    });
    expect(
      await within(logs).findByText(
        /1 test failed: environment development is failing \(Workload `frontend`: container `frontend` cannot pull its image/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Run status' }),
    ).toHaveTextContent(/Failed/);
  });

  it('says plainly why a run cannot be loaded', async () => {
    const { url } = waitingRun();
    server.use(
      http.get(
        '*/api/orgs/acme/apps/shop/pipelines/:pipelineId/runs/:runId',
        () =>
          HttpResponse.json(
            { error: 'API-500', message: 'The run store is unavailable.' },
            { status: 500 },
          ),
      ),
    );
    renderApp(url);
    expect(
      await screen.findByText('The run store is unavailable.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('states the reason of an aborted canary first, on the canary page and the environment', async () => {
    const { engine, clock, admin, run } = waitingRun();
    const approval = engine.listApprovals(admin, 'acme', 'shop', {
      runId: run.id,
    })[0];
    engine.decideApproval(
      admin,
      'acme',
      'shop',
      {
        pipelineId: run.pipeline_id,
        runId: run.id,
        jobId: approval.job_id,
        approvalId: approval.id,
      },
      true,
    );
    while (
      engine.getCanary(admin, 'acme', 'shop', 'staging').status === 'deploying'
    )
      clock.advance(250);
    engine.decideCanary(
      admin,
      'acme',
      'shop',
      'staging',
      'abort',
      'checkout errors in the canary',
    );
    renderApp('/orgs/acme/apps/shop/envs/staging/canary');
    const verdict = await screen.findByRole('region', { name: 'Canary' });
    expect(verdict.querySelector('.banner__summary')).toHaveTextContent(
      'Aborted manually by Alex Admin: checkout errors in the canary',
    );
    expect(within(verdict).getByText('Aborted')).toBeInTheDocument();
    expect(screen.getAllByText('No samples yet.')).toHaveLength(2);
    expect(
      screen.queryByRole('button', { name: 'Promote to 100 %' }),
    ).toBeNull();
  });

  it('says when an environment never had a canary: an empty state that says how to start one, not an error', async () => {
    renderApp('/orgs/acme/apps/shop/envs/production/canary');
    expect(
      await screen.findByText('No canary release has run in production yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Canary release in production',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { level: 1, name: 'Not found' }),
    ).toBeNull();
    expect(screen.getByRole('main')).toHaveTextContent(
      'uses: actions/humanitec/canary@v1',
    );
    expect(
      screen.getByRole('link', { name: 'Open the pipelines of shop' }),
    ).toHaveAttribute('href', '/orgs/acme/apps/shop/pipelines');
  });

  it('still says Not found for an environment that does not exist', async () => {
    renderApp('/orgs/acme/apps/shop/envs/nowhere/canary');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not found' }),
    ).toBeInTheDocument();
  });
});
