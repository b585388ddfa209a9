import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { DEMO_ORG_ID, DEMO_TOKENS } from '../../../mocks/fixtures';
import { getEngine } from '../../../mocks/node';

/** The seeded deployments of shop/<env>, newest first. */
function deploys(envId: string) {
  const engine = getEngine();
  return engine.listDeploys(
    engine.authenticate(DEMO_TOKENS.administrator),
    DEMO_ORG_ID,
    'shop',
    envId,
  );
}

const tile = (name: RegExp) =>
  screen.getByText(name).closest('li') as HTMLElement;

describe('the deployment comparison page', () => {
  it('compares production with staging: summary counts first, then field changes per workload', async () => {
    const [prod] = deploys('production');
    const [staging] = deploys('staging');
    renderApp(
      `/orgs/acme/apps/shop/diff?from=production/${prod.id}&to=staging/${staging.id}`,
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Compare deployments',
      }),
    ).toBeInTheDocument();
    expect(
      within(tile(/workloads changed/)).getByText('2'),
    ).toBeInTheDocument();
    expect(within(tile(/workloads added/)).getByText('0')).toBeInTheDocument();
    expect(
      within(tile(/workloads removed/)).getByText('0'),
    ).toBeInTheDocument();
    expect(
      within(tile(/shared resources changed/)).getByText('0'),
    ).toBeInTheDocument();

    const cart = await screen.findByRole('table', {
      name: 'Field changes of cart',
    });
    const image = within(cart).getByText('image').closest('tr')!;
    expect(
      within(image).getByText('registry.acme.dev/shop/cart:1.0.4'),
    ).toBeInTheDocument();
    expect(
      within(image).getByText('registry.acme.dev/shop/cart:1.1.0-rc.1'),
    ).toBeInTheDocument();
    expect(
      within(within(cart).getByText('command').closest('tr')!).getByText(
        'Added',
      ),
    ).toBeInTheDocument();
    const api = screen.getByRole('table', { name: 'Field changes of api' });
    const replicas = within(api).getByText('replicas').closest('tr')!;
    expect(within(replicas).getByText('3')).toBeInTheDocument();
    expect(within(replicas).getByText('2')).toBeInTheDocument();
    expect(
      await screen.findByRole('group', { name: 'Text diff of cart' }),
    ).toBeInTheDocument();
  });

  it('proposes each comparison its own draft delta name, and a name nobody typed closes without a warning', async () => {
    const user = userEvent.setup();
    const [prod] = deploys('production');
    const [staging, stagingBefore] = deploys('staging');
    const { router } = renderApp(
      `/orgs/acme/apps/shop/diff?from=production/${prod.id}&to=staging/${staging.id}`,
    );
    const open = async () => {
      await user.click(
        await screen.findByRole('button', { name: 'Create draft delta' }),
      );
      return screen.findByRole('dialog', { name: 'Create a draft delta' });
    };
    const first = await open();
    const firstName = (within(first).getByLabelText('Name') as HTMLInputElement)
      .value;
    expect(firstName).toMatch(/^Changes /);
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await router.navigate(
      `/orgs/acme/apps/shop/diff?from=staging/${stagingBefore.id}&to=staging/${staging.id}`,
    );
    // The new comparison shown: one workload changed (cart), where the first had two.
    await waitFor(() =>
      expect(
        within(tile(/workloads? changed/)).getByText('1'),
      ).toBeInTheDocument(),
    );
    const second = await open();
    const secondName = within(second).getByLabelText('Name');
    expect(secondName).not.toHaveValue(firstName);
    expect((secondName as HTMLInputElement).value).toMatch(
      new RegExp(`^Changes staging/${stagingBefore.id.slice(0, 8)}`),
    );
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('starts with a picker and compares the two newest deployments of an environment', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop/diff');
    expect(
      await screen.findByText('Choose two deployments to compare'),
    ).toBeInTheDocument();
    await user.selectOptions(
      screen.getByLabelText('Environment', { selector: '#from-env' }),
      'production',
    );
    await user.selectOptions(
      screen.getByLabelText('Environment', { selector: '#to-env' }),
      'production',
    );
    await screen.findAllByRole('option', { name: /Bump frontend to 3.2.0/ });
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const [latest, previous] = deploys('production');
    expect(
      await screen.findByRole('table', { name: 'Field changes of frontend' }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe(
      `?from=production/${previous.id}&to=production/${latest.id}`,
    );
    expect(within(tile(/workload changed/)).getByText('1')).toBeInTheDocument();
    // The picker that had focus was rebuilt for the new comparison: focus is on the page's heading.
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 1, name: 'Compare deployments' }),
      ).toHaveFocus(),
    );
  });

  it('opens from "Compare with previous" in an environment\'s deployment history', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/orgs/acme/apps/shop/envs/production');
    const history = await screen.findByRole('table', {
      name: 'Deployment history',
    });
    const links = within(history).getAllByRole('link', {
      name: /Compare with previous/,
    });
    expect(links).toHaveLength(deploys('production').length - 1);
    await user.click(links[0]);
    expect(
      await screen.findByRole('table', { name: 'Field changes of frontend' }),
    ).toBeInTheDocument();
    const [latest, previous] = deploys('production');
    expect(router.state.location.search).toBe(
      `?from=production/${previous.id}&to=production/${latest.id}`,
    );
  });

  it('says so when both deployments run the same set', async () => {
    const [prod] = deploys('production');
    renderApp(
      `/orgs/acme/apps/shop/diff?from=production/${prod.id}&to=production/${prod.id}`,
    );
    expect(await screen.findByText('No differences')).toBeInTheDocument();
  });

  it('keeps the pickers and says which side is unknown for an unknown deployment', async () => {
    const [staging] = deploys('staging');
    renderApp(
      `/orgs/acme/apps/shop/diff?from=staging/${staging.id}&to=production/nope`,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The To deployment production/nope does not exist in shop. Choose the To deployment above.',
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Compare deployments' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'From' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'To' })).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { level: 1, name: 'Not found' }),
    ).toBeNull();
    // The pickers are open to choose again, and the unknown side keeps the environment the address names.
    expect(
      screen.getByLabelText('Environment', { selector: '#to-env' }),
    ).toBeVisible();
    expect(
      screen.getByLabelText('Environment', { selector: '#to-env' }),
    ).toHaveValue('production');
  });

  it('takes the short ids the console shows and makes the address whole', async () => {
    const [latest, previous] = deploys('production');
    const { router } = renderApp(
      `/orgs/acme/apps/shop/diff?from=production/${previous.id.slice(0, 8)}&to=production/${latest.id.slice(0, 8)}`,
    );
    expect(
      await screen.findByRole('table', { name: 'Field changes of frontend' }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe(
      `?from=production/${previous.id}&to=production/${latest.id}`,
    );
  });

  it('names both sides when neither deployment exists', async () => {
    renderApp('/orgs/acme/apps/shop/diff?from=nowhere/a&to=production/nope');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The From deployment nowhere/a does not exist in shop. The To deployment production/nope does not exist in shop. Choose both deployments above.',
    );
  });
});
