import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  listActiveResources,
  type ActiveResource,
} from '@/api/active-resources';
import { setApiToken } from '@/api/client';
import { renderApp } from '@/testing/render-app';
import { DEMO_TOKENS } from '../../../../mocks/fixtures';
import { server } from '../../../../mocks/node';
import { resourceOutputs } from './active-resources';

const DEV = '/orgs/acme/apps/shop/envs/development';
const RESOURCES_URL = '*/api/orgs/acme/apps/shop/envs/development/resources';

/** The Resources panel's table, once loaded. */
async function resourcesTable() {
  return screen.findByRole('table', {
    name: 'Active resources of development',
  });
}

/** The row of one resource (its id is the row header). */
async function rowOf(resId: string) {
  const table = await resourcesTable();
  return within(table).getByRole('row', { name: new RegExp(`^${resId}`) });
}

describe('the Resources panel of the environment page', () => {
  it('lists what deployments provisioned: definition, version, status, outputs and deployment, secret outputs only named', async () => {
    renderApp(DEV);
    const db = await rowOf('shared.db');
    expect(db).toHaveTextContent('postgres');
    expect(
      within(db).getByRole('link', { name: 'postgres-dev' }),
    ).toHaveAttribute('href', '/orgs/acme/resources/definitions/postgres-dev');
    expect(db).toHaveTextContent('Active');
    expect(db).toHaveTextContent(
      'shop-development-shared-db.postgres.internal',
    );
    // password and username are secret outputs: named, marked "secret", no value.
    const outputs = within(db).getAllByRole('listitem');
    const password = outputs.find((li) =>
      li.textContent?.startsWith('password'),
    );
    expect(password).toHaveTextContent(/^password secret$/);
    expect(
      within(db).getByRole('link', { name: /^Deployment/ }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^\/orgs\/acme\/apps\/shop\/envs\/development\/deploys\//,
      ),
    );
    expect(
      within(db).getByRole('link', { name: /^Why this one\?.*shared\.db/ }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('/orgs/acme/resources/match?'),
    );
    // The orchestrator's default namespace has no definition page and cannot be pinned.
    const namespace = await rowOf('k8s-namespace');
    expect(namespace).toHaveTextContent('Orchestrator default');
    expect(
      within(namespace).queryByRole('link', { name: /default-k8s-namespace/ }),
    ).toBeNull();
    expect(
      await within(namespace).findByRole('button', {
        name: 'Delete k8s-namespace',
      }),
    ).toBeInTheDocument();
    expect(
      within(namespace).queryByRole('button', { name: /^Pin/ }),
    ).toBeNull();
  });

  it('masks an output that has a secret reference even when the API also sends its value', async () => {
    const planted = 'planted-secret-value-42';
    const listed = await listActiveResources('acme', 'shop', 'development');
    const db = listed.find((r) => r.res_id === 'shared.db') as ActiveResource;
    const leaky = { ...db, resource: { ...db.resource, password: planted } };
    expect(resourceOutputs(leaky).find((o) => o.name === 'password')).toEqual({
      name: 'password',
      secret: true,
    });
    server.use(
      http.get(RESOURCES_URL, () =>
        HttpResponse.json(listed.map((r) => (r === db ? leaky : r))),
      ),
    );
    renderApp(DEV);
    await rowOf('shared.db');
    expect(document.body.textContent).not.toContain(planted);
  });

  it('pins a resource to an older version of its definition, then unpins it', async () => {
    const user = userEvent.setup();
    renderApp(DEV);
    await user.click(
      await within(await rowOf('shared.db')).findByRole('button', {
        name: 'Pin shared.db to a version',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Pin shared.db to a version',
    });
    const picker = await within(dialog).findByLabelText(
      'Version of postgres-dev',
    );
    const older = within(picker)
      .getAllByRole('option')
      .find(
        (o) => o.getAttribute('value') && !o.textContent?.includes('current'),
      );
    expect(older, 'postgres-dev has an older version').toBeDefined();
    const olderId = older!.getAttribute('value')!;
    await user.selectOptions(picker, olderId);
    await user.click(
      within(dialog).getByRole('button', { name: 'Pin version' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(async () =>
      expect(await rowOf('shared.db')).toHaveTextContent(
        `Pinned to ${olderId.slice(0, 8)}`,
      ),
    );
    const pinned = await listActiveResources('acme', 'shop', 'development');
    expect(
      pinned.find((r) => r.res_id === 'shared.db')?.target_def_version_id,
    ).toBe(olderId);

    await user.click(
      await within(await rowOf('shared.db')).findByRole('button', {
        name: 'Pin shared.db to a version',
      }),
    );
    const again = await screen.findByRole('dialog');
    await user.selectOptions(
      await within(again).findByLabelText('Version of postgres-dev'),
      '',
    );
    await user.click(within(again).getByRole('button', { name: 'Unpin' }));
    await waitFor(async () =>
      expect(await rowOf('shared.db')).not.toHaveTextContent('Pinned to'),
    );
  });

  it('shows the API’s refusal of a pin in the dialog and keeps it open', async () => {
    const user = userEvent.setup();
    server.use(
      http.post(`${RESOURCES_URL}/postgres/shared.db/actions/pin`, () =>
        HttpResponse.json(
          {
            error: 'API-400',
            message: 'Resource definition `postgres-dev` has no version `x`.',
          },
          { status: 400 },
        ),
      ),
    );
    renderApp(DEV);
    await user.click(
      await within(await rowOf('shared.db')).findByRole('button', {
        name: 'Pin shared.db to a version',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const picker = await within(dialog).findByLabelText(
      'Version of postgres-dev',
    );
    const some = within(picker)
      .getAllByRole('option')
      .find((o) => o.getAttribute('value'))!;
    await user.selectOptions(picker, some.getAttribute('value')!);
    await user.click(
      within(dialog).getByRole('button', { name: 'Pin version' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Resource definition postgres-dev has no version x.',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('deletes a resource after confirming', async () => {
    const user = userEvent.setup();
    renderApp(DEV);
    await user.click(
      await within(await rowOf('shared.cache')).findByRole('button', {
        name: 'Delete shared.cache',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete shared.cache?',
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Delete resource' }),
    );
    await waitFor(async () =>
      expect(
        within(await resourcesTable()).queryByRole('row', {
          name: /^shared\.cache/,
        }),
      ).toBeNull(),
    );
    const left = await listActiveResources('acme', 'shop', 'development');
    expect(left.map((r) => r.res_id)).not.toContain('shared.cache');
  });

  it('shows no pin or delete to a viewer, and names the role they need', async () => {
    setApiToken(DEMO_TOKENS.viewer);
    renderApp(DEV);
    const table = await resourcesTable();
    expect(
      await screen.findByText(
        /^Pinning and deleting resources needs the right/,
      ),
    ).toHaveTextContent('needs the developer or owner role on app shop');
    expect(
      within(table).queryByRole('button', { name: /^(Pin|Delete) / }),
    ).toBeNull();
    expect(
      within(table).queryByRole('columnheader', { name: 'Actions' }),
    ).toBeNull();
    // Reading stays open: the definition and the match are links.
    expect(
      within(await rowOf('shared.db')).getByRole('link', {
        name: 'postgres-dev',
      }),
    ).toBeInTheDocument();
  });

  it('gives a developer the actions where she deploys (development), not in production', async () => {
    setApiToken(DEMO_TOKENS.developer);
    const { unmount } = renderApp(DEV);
    expect(
      await within(await rowOf('shared.db')).findByRole('button', {
        name: 'Delete shared.db',
      }),
    ).toBeInTheDocument();
    unmount();
    renderApp('/orgs/acme/apps/shop/envs/production');
    const table = await screen.findByRole('table', {
      name: 'Active resources of production',
    });
    const panel = screen.getByRole('region', { name: 'Resources' });
    expect(
      await within(panel).findByText(/^Pinning and deleting resources needs/),
    ).toHaveTextContent(
      'needs the deployer role on environment type production (you are developer of app shop)',
    );
    expect(
      within(table).queryByRole('button', { name: /^(Pin|Delete) / }),
    ).toBeNull();
  });

  it('says when the environment has no active resources, and shows a failed load with a retry that recovers', async () => {
    const user = userEvent.setup();
    let fail = true;
    server.use(
      http.get(RESOURCES_URL, () =>
        fail
          ? HttpResponse.json(
              { error: 'API-500', message: 'The engine is having a bad day.' },
              { status: 500 },
            )
          : HttpResponse.json([]),
      ),
    );
    renderApp(DEV);
    const panel = await screen.findByRole('region', { name: 'Resources' });
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the active resources');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: /Retry/ }));
    expect(
      await within(panel).findByText('No active resources'),
    ).toBeInTheDocument();
    expect(within(panel).queryByRole('alert')).toBeNull();
  });
});
