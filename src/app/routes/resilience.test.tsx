// Failed requests while changing a workload: a dropped connection shows an
// actionable message with a Retry that resends the SAME Idempotency-Key; a
// deploy based on a stale view gets a clear conflict, keeps the edit, and can
// go ahead on the latest deployment.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getResponse, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { DEMO_ORG_ID, MAX_RUN_MS, PENDING_MS } from '../../../mocks/engine';
import { getEngine, resetTestEngine, server } from '../../../mocks/node';
import { createHandlers } from '../../../mocks/handlers';

const workloadUrl = '/orgs/acme/apps/shop/envs/development/workloads/api';
const deploys = '*/api/orgs/:orgId/apps/:appId/envs/:envId/deploys';

async function editImage(image: string) {
  const user = userEvent.setup();
  const input = await screen.findByLabelText(/Image of container/);
  await user.clear(input);
  await user.type(input, image);
  return user;
}

// Whole page renders on a shared 2-core machine: more than the default 5 s.
describe('resilience of the change-and-deploy form', () => {
  it('a dropped connection: an actionable message, and Retry deploys once with the same key', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(deploys, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        // The first attempt never reaches the engine; later ones fall through to the real handler.
        return keys.length === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const before = getEngine().listDeploys(
      { userId: 'alex-admin' },
      DEMO_ORG_ID,
      'shop',
      'development',
    ).length;
    renderApp(workloadUrl);
    const user = await editImage('registry.acme.dev/shop/api:9.9.9');
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not deploy the change');
    expect(alert).toHaveTextContent('The API could not be reached');
    expect(alert).toHaveTextContent(/Check your network connection/);
    expect(screen.getByLabelText(/Image of container/)).toHaveValue(
      'registry.acme.dev/shop/api:9.9.9',
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\w-]+-deploy$/);
    expect(keys[1]).toBe(keys[0]);
    expect(
      getEngine().listDeploys(
        { userId: 'alex-admin' },
        DEMO_ORG_ID,
        'shop',
        'development',
      ),
    ).toHaveLength(before + 1);
  });

  it('a time-out after the deploy was done: Retry lands on that deployment, no second one', async () => {
    const real = createHandlers(getEngine, { base: '*/api' });
    let calls = 0;
    server.use(
      http.post(deploys, async ({ request }) => {
        calls += 1;
        if (calls > 1) return undefined;
        // The engine carries the deploy out, but its answer is lost on the way back.
        await getResponse(real, request);
        return HttpResponse.json(
          { error: 'API-504', message: 'Gateway time-out.' },
          { status: 504 },
        );
      }),
    );
    const count = () =>
      getEngine().listDeploys(
        { userId: 'alex-admin' },
        DEMO_ORG_ID,
        'shop',
        'development',
      ).length;
    const before = count();
    renderApp(workloadUrl);
    const user = await editImage('registry.acme.dev/shop/api:8.8.8');
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The API did not answer in time');
    expect(alert).toHaveTextContent(/Retrying is safe/);
    expect(count()).toBe(before + 1);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeInTheDocument();
    expect(calls).toBe(2);
    expect(count()).toBe(before + 1);
  });

  it('another deploy since the edit started: a clear conflict, the edit kept, then deploy on the latest', async () => {
    const { engine, clock } = resetTestEngine();
    renderApp(workloadUrl);
    const user = await editImage('registry.acme.dev/shop/api:7.7.7');
    // Meanwhile, someone else deploys the environment, and it finishes.
    const admin = engine.authenticate('hum_demo_admin_token');
    const theirs = engine.createDeploy(
      admin,
      DEMO_ORG_ID,
      'shop',
      'development',
      { comment: 'their change' },
    );
    clock.advance(PENDING_MS + MAX_RUN_MS);
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Conflict');
    expect(alert).toHaveTextContent(/changed since your edit started/);
    expect(alert).toHaveTextContent(theirs.id);
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
    expect(screen.getByLabelText(/Image of container/)).toHaveValue(
      'registry.acme.dev/shop/api:7.7.7',
    );
    await user.click(
      screen.getByRole('button', {
        name: 'Keep my edits on the latest deployment',
      }),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Deploy to development' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Deployment / }),
    ).toBeInTheDocument();
    const history = engine.listDeploys(
      admin,
      DEMO_ORG_ID,
      'shop',
      'development',
    );
    expect(history[0].from_id).toBe(theirs.id);
  });
});
