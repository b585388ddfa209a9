import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../mocks/fixtures';
import { resetTestEngine } from '../../../mocks/node';
import { renderApp } from '@/testing/render-app';

/**
 * A workload `jobs` in shop/development under acme/worker, stored without `concurrency`
 * (the profile's default is 4) and an acme/web-service workload without an `endpoint`
 * (whose visibility defaults to "internal"): the form shows the defaults, but opening
 * the workload is not an edit.
 */
function plant() {
  const { engine, clock } = resetTestEngine();
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  const delta = engine.createDelta(admin, 'acme', 'shop', {
    metadata: { env_id: 'development' },
    modules: {
      add: {
        jobs: {
          profile: 'acme/worker',
          spec: {
            containers: {
              jobs: { id: 'jobs', image: 'registry.acme.dev/shop/jobs:1.0.0' },
            },
          },
          externals: {},
        },
        site: {
          profile: 'acme/web-service',
          spec: {
            containers: {
              site: { id: 'site', image: 'registry.acme.dev/shop/site:1.0.0' },
            },
          },
          externals: {},
        },
      },
    },
  });
  engine.createDeploy(admin, 'acme', 'shop', 'development', {
    delta_id: delta.id,
  });
  clock.advance(60_000);
}

/** The rows of the review's table that are changes (not its header or group rows). */
const changeRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => row.textContent ?? '')
    .filter((text) => /Added|Changed|Removed/.test(text));

async function openForm(workload: string) {
  renderApp(`/orgs/acme/apps/shop/envs/development/workloads/${workload}/edit`);
  return screen.findByRole('form', { name: `Spec of ${workload}` });
}

describe('opening a workload in its form', () => {
  it('is not an edit: the defaults the form shows are no changes', async () => {
    plant();
    const user = userEvent.setup();
    const form = await openForm('jobs');
    expect(
      await within(form).findByRole('spinbutton', { name: 'Concurrency' }),
    ).toHaveValue(4);
    expect(screen.getByText('No changes yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(
      await screen.findByText(
        'Nothing changed: the form matches the deployed workload.',
      ),
    ).toBeInTheDocument();
  });

  it('an edit reviews as that one change, not the defaults around it', async () => {
    plant();
    const user = userEvent.setup();
    const form = await openForm('site');
    const image = await within(form).findByRole('textbox', {
      name: 'Image tag',
    });
    await user.clear(image);
    await user.type(image, '1.1.0');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const changes = await screen.findByRole('table', {
      name: 'Field changes of site',
    });
    // One change: the image, not the endpoint's default visibility.
    expect(changeRows(changes)).toEqual([
      expect.stringContaining('registry.acme.dev/shop/site:1.1.0'),
    ]);
    expect(changes).not.toHaveTextContent('internal');
  });

  it('a default the user changes is an edit', async () => {
    plant();
    const user = userEvent.setup();
    const form = await openForm('jobs');
    const concurrency = await within(form).findByRole('spinbutton', {
      name: 'Concurrency',
    });
    await user.clear(concurrency);
    await user.type(concurrency, '8');
    expect(
      screen.getByText('Unsaved edits are kept in this browser.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const changes = await screen.findByRole('table', {
      name: 'Field changes of jobs',
    });
    expect(changeRows(changes)).toEqual([
      expect.stringMatching(/^concurrency.*Added.*8$/),
    ]);
  });

  it('names a changed field as the form does, its key beside it', async () => {
    plant();
    const user = userEvent.setup();
    const form = await openForm('site');
    const cpu = await within(form).findByRole('textbox', { name: 'CPU limit' });
    await user.clear(cpu);
    await user.type(cpu, '750');
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    const changes = await screen.findByRole('table', {
      name: 'Field changes of site',
    });
    expect(changeRows(changes)).toEqual([
      // The form's "CPU and memory", then the key (the workload had no resources: they are added whole).
      expect.stringMatching(
        /^CPU and memory \(resources\) · container site.*"750m"/,
      ),
    ]);
  });
});
