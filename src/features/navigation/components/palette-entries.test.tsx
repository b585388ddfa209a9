import '@/testing/dom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { DEMO_TOKEN } from '../../../../mocks/fixtures';
import { getEngine } from '../../../../mocks/node';

async function openPalette(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { level: 1 });
  await user.keyboard('{Control>}k{/Control}');
  const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
  const input = await within(dialog).findByRole('combobox');
  return { dialog, input };
}

const options = (dialog: HTMLElement) =>
  within(dialog)
    .queryAllByRole('option')
    .map((o) => o.textContent ?? '');

describe('command palette entries', () => {
  it('offers every page of the sidebar and every section of the settings', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps');
    const { dialog, input } = await openPalette(user);
    for (const [query, label] of [
      ['fleet', 'Fleet'],
      ['agents', 'Agents'],
      ['private cluster', 'Agents'],
      ['pipelines', 'Pipelines'],
      ['team performance', 'Team performance'],
      ['dora', 'Team performance'],
      ['workload profiles', 'Workload profiles'],
      ['members', 'Members and service users'],
      ['api tokens', 'API tokens'],
      ['fault injection', 'Fault injection'],
    ]) {
      await user.clear(input);
      await user.type(input, query);
      await waitFor(() =>
        expect(options(dialog)).toContainEqual(
          expect.stringMatching(new RegExp(`^${label}`)),
        ),
      );
    }
    await user.clear(input);
    await user.type(input, 'api tokens');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^API tokens.*Organisation settings/),
    );
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', {
      level: 1,
      name: 'Organisation settings',
    });
    expect(router.state.location.pathname).toBe('/orgs/acme/settings');
    expect(router.state.location.hash).toBe('#tokens-heading');
    expect(document.getElementById('tokens-heading')).toHaveTextContent(
      'API tokens',
    );
  });

  it('offers pipelines and their runs, from the pipelines API', async () => {
    const actor = getEngine().authenticate(DEMO_TOKEN);
    const run = getEngine().requestDeployment(actor, 'acme', 'shop', {
      trigger: 'deployment_request',
      env_id: 'development',
      comment: 'From the palette',
    });
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps');
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'promote to staging');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(
        /^Deploy, test and promote to staging.*promote-to-staging · shop/,
      ),
    );
    expect(within(dialog).getByText('Pipelines')).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, run.id.slice(0, 8));
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(
        new RegExp(
          `^Run ${run.id.slice(0, 8)} of Deploy, test and promote to staging.*shop · development`,
        ),
      ),
    );
    expect(within(dialog).getByText('Pipeline runs')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        `/orgs/acme/apps/shop/pipelines/promote-to-staging/runs/${run.id}`,
      ),
    );
  });

  it("shows an environment's health, not its last deployment's status", async () => {
    // shop/staging: the deployment succeeded, then its cart workload keeps crashing.
    const actor = getEngine().authenticate(DEMO_TOKEN);
    const [latest] = getEngine().listDeploys(actor, 'acme', 'shop', 'staging');
    expect(latest.status).toBe('succeeded');
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    const { dialog, input } = await openPalette(user);
    await user.type(input, 'shop staging');
    await waitFor(() =>
      expect(options(dialog)[0]).toMatch(/^Staging\s*Failed\s*Shop/),
    );
    expect(options(dialog)[0]).not.toContain('Succeeded');
  });
});
