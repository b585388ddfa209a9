import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { getEngine, resetTestEngine, server } from '../../../mocks/node';

const admin = () => getEngine().authenticate('hum_demo_admin_token');

describe('runtime details, logs, pause and scale', () => {
  it('opens a workload’s runtime from the root cause: pods, containers, reason, restarts, and logs as text', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop/envs/staging');
    const region = await screen.findByRole('region', { name: 'Health' });
    await user.click(
      within(region).getByRole('link', { name: 'Show logs of cart' }),
    );
    const panel = await screen.findByRole('dialog', { name: 'Workload cart' });
    const pods = within(panel).getByRole('table', { name: 'Pods of cart' });
    expect(within(pods).getAllByText('CrashLoopBackOff')).toHaveLength(2);
    expect(within(pods).getAllByRole('row')[1]).toHaveTextContent(
      /Running.*cart.*CrashLoopBackOff.*back-off 5m0s restarting failed container=cart/,
    );
    const log = await within(panel).findByRole('log', { name: 'Logs of cart' });
    expect(log).toHaveTextContent(
      '+ /bin/sh -c ./cart --check-config || exit 1',
    );
    expect(log).toHaveTextContent('Process exited with status 1');
    expect(log.querySelector('script, img, a')).toBeNull();
    expect(router.state.location.search).toBe('?workload=cart&container=cart');
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(router.state.location.search).toBe('');
  });

  it('says why a container that never started has no logs', async () => {
    renderApp(
      '/orgs/acme/apps/shop/envs/development?workload=frontend&container=frontend',
    );
    const panel = await screen.findByRole('dialog', {
      name: 'Workload frontend',
    });
    await waitFor(() =>
      expect(panel).toHaveTextContent(
        /Container frontend has not started: ImagePullBackOff: Back-off pulling image/,
      ),
    );
  });

  it('follows the logs by cursor and stops when the logs close', async () => {
    const user = userEvent.setup();
    const { clock } = resetTestEngine();
    renderApp(
      '/orgs/acme/apps/shop/envs/production?workload=api&container=api',
    );
    const panel = await screen.findByRole('dialog', { name: 'Workload api' });
    const log = await within(panel).findByRole('log');
    const lines = () =>
      [...log.querySelectorAll('.logs__line')].map((l) => l.textContent);
    const before = lines();
    expect(before).toHaveLength(200);
    clock.advance(60_000);
    await waitFor(() => expect(lines().length).toBeGreaterThan(200));
    expect(lines().slice(0, 200)).toEqual(before);
    expect(lines().at(-1)).toMatch(/^\d\d:\d\d:\d\d\.\d{3}(GET|POST) \//);
    await user.click(within(panel).getByRole('button', { name: 'Close logs' }));
    await waitFor(() =>
      expect(within(panel).queryByRole('log')).not.toBeInTheDocument(),
    );
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/console/logs')) requests.push(request.url);
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(requests).toEqual([]);
    server.events.removeAllListeners();
  });

  it('pauses production only after typing its id, then resumes', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/production');
    await user.click(
      await screen.findByRole('button', { name: 'Pause environment' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Pause Production?' });
    expect(dialog).toHaveTextContent(
      'Every workload of production is scaled to 0 replicas and stops serving.',
    );
    const confirm = within(dialog).getByRole('button', {
      name: 'Pause production',
    });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/to confirm/), 'production');
    await user.click(confirm);
    const region = await screen.findByRole('region', { name: 'Health' });
    await waitFor(() =>
      expect(region).toHaveTextContent('Environment production is paused'),
    );
    expect(
      getEngine().listRuntime(admin(), 'acme', 'shop', ['production'])[0]
        .paused,
    ).toBe(true);
    await user.click(
      screen.getByRole('button', { name: 'Resume environment' }),
    );
    const resume = screen.getByRole('dialog', { name: 'Resume Production?' });
    await user.type(within(resume).getByLabelText(/to confirm/), 'production');
    await user.click(
      within(resume).getByRole('button', { name: 'Resume production' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(region).toHaveTextContent('All 4 workloads are healthy.'),
    );
  });

  it('scales a workload after confirming the change', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/development?workload=api');
    const panel = await screen.findByRole('dialog', { name: 'Workload api' });
    expect(
      await within(panel).findByText('2/2 replicas ready · 0 restarts'),
    ).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Scale api' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Scale api in development',
    });
    const input = within(dialog).getByLabelText('Replicas of api');
    await user.clear(input);
    await user.type(input, '3');
    expect(dialog).toHaveTextContent('api goes from 2 to 3 replicas.');
    await user.click(
      within(dialog).getByRole('button', { name: 'Scale to 3' }),
    );
    expect(
      await within(panel).findByText('3/3 replicas ready · 0 restarts'),
    ).toBeInTheDocument();
    expect(
      getEngine().getRuntime(admin(), 'acme', 'shop', 'development').modules.api
        .controllers.api.replicas,
    ).toBe(3);
  });

  it('refuses to scale while paused and says why', async () => {
    getEngine().setPaused(admin(), 'acme', 'shop', 'development', true);
    renderApp('/orgs/acme/apps/shop/envs/development?workload=api');
    const panel = await screen.findByRole('dialog', { name: 'Workload api' });
    await waitFor(() =>
      expect(
        within(panel).getByRole('button', { name: 'Scale api' }),
      ).toBeDisabled(),
    );
    expect(
      within(panel).getByText('Resume the environment to scale.'),
    ).toBeInTheDocument();
  });
});

describe('the deployment timeline', () => {
  it('follows a running deployment and stops polling once it has finished', async () => {
    const { engine, clock } = resetTestEngine();
    const actor = engine.authenticate('hum_demo_admin_token');
    const delta = engine.createDelta(actor, 'acme', 'shop', {
      modules: {
        update: { api: [{ op: 'replace', path: '/spec/replicas', value: 3 }] },
      },
    });
    const d = engine.createDeploy(actor, 'acme', 'shop', 'development', {
      delta_id: delta.id,
      comment: 'Scale api',
    });
    renderApp(`/orgs/acme/apps/shop/envs/development/deploys/${d.id}`);
    const panel = (
      await screen.findByRole('heading', { name: 'Timeline' })
    ).closest('section')!;
    // What it changes is one link away, whatever its outcome.
    expect(
      screen.getByRole('link', { name: 'Compare with previous' }),
    ).toHaveAttribute(
      'href',
      `/orgs/acme/apps/shop/diff?from=development/${d.from_id}&to=development/${d.id}`,
    );
    const first = within(panel).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent(/In progress.*Queued.*running…/);
    clock.advance(10_000);
    await waitFor(
      () =>
        expect(
          within(panel)
            .getAllByRole('listitem')
            .every((li) => /Succeeded/.test(li.textContent!)),
        ).toBe(true),
      {},
    );
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (
        /\/deploys\/[^/]+(\/console\/steps)?$/.test(
          new URL(request.url).pathname,
        )
      )
        requests.push(request.url);
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(requests).toEqual([]);
    server.events.removeAllListeners();
  });

  it('opens the failed step with the full error, its code, the hint and the links', async () => {
    const engine = getEngine();
    const id = engine.getEnv(admin(), 'acme', 'payments', 'staging')
      .last_deploy!.id;
    renderApp(`/orgs/acme/apps/payments/envs/staging/deploys/${id}`);
    const panel = (
      await screen.findByRole('heading', { name: 'Why it failed' })
    ).closest('section')!;
    const steps = within(panel).getByRole('list', { name: 'Deployment steps' });
    const items = within(steps).getAllByRole('listitem');
    expect(
      items.map((li) => li.querySelector('.status-badge')?.textContent),
    ).toEqual([
      'Succeeded',
      'Succeeded',
      'Failed',
      'Skipped',
      'Skipped',
      'Skipped',
    ]);
    expect(panel).toHaveTextContent(
      'Step 3 of 6 failed: Provision shared resource ledger-db (postgres)',
    );
    const failed = items[2];
    expect(within(failed).getByText('RES-PROV-001')).toBeInTheDocument();
    // The error (the driver log below repeats the driver's message).
    const error = failed.querySelector<HTMLElement>('.timeline__error')!;
    expect(
      within(error).getByText(/PostgreSQL version "18" is not supported/),
    ).toBeInTheDocument();
    expect(
      within(failed).getByText('Resource provisioning failed.'),
    ).toBeInTheDocument();
    // The definition that matched (a link to it) and the driver's log, which says why.
    expect(
      within(failed).getByRole('link', { name: 'postgres-default' }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/resources/definitions/postgres-default',
    );
    expect(within(failed).getByText(/^Definition/)).toHaveTextContent(
      'humanitec/postgres',
    );
    expect(
      within(failed).getByText(/Driver log \(\d+ lines\)/),
    ).toBeInTheDocument();
    expect(
      within(failed).getByRole('button', {
        name: 'Copy the full error RES-PROV-001',
      }),
    ).toBeInTheDocument();
    expect(
      within(failed)
        .getByRole('link', { name: 'Compare with the previous deployment' })
        .getAttribute('href'),
    ).toMatch(
      new RegExp(
        `^/orgs/acme/apps/payments/diff\\?from=staging/\\w+&to=staging/${id}$`,
      ),
    );
    expect(within(items[0]).getByText('1.0 s')).toBeInTheDocument();
  });
});
