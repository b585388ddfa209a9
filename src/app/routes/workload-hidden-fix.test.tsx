import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../mocks/fixtures';
import { resetTestEngine } from '../../../mocks/node';
import { renderApp } from '@/testing/render-app';

const definition = (tier: string) => ({
  properties: {
    tier: {
      type: 'schema' as const,
      title: 'Tier',
      schema: {
        type: 'string',
        title: 'Tier',
        const: tier,
        default: tier,
        'x-console-hidden': true,
        'x-console-errors': { const: `The tier is now ${tier}.` },
      },
    },
  },
});

/**
 * acme/tiered fixes a hidden `tier` to "silver"; `ledger` in shop/development
 * is deployed with it. Version 2 fixes it to "gold": the stored value is refused.
 */
function plant() {
  const { engine, clock } = resetTestEngine();
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  const chart = { id: 'humanitec/default-module', version: '1.0.0' };
  engine.createProfile(admin, 'acme', {
    id: 'tiered',
    description: 'A fixed tier',
    workload_profile_chart: chart,
    spec_definition: definition('silver'),
  });
  const delta = engine.createDelta(admin, 'acme', 'shop', {
    metadata: { env_id: 'development' },
    modules: {
      add: {
        ledger: {
          profile: 'acme/tiered',
          spec: { tier: 'silver' },
          externals: {},
        },
      },
    },
  });
  engine.createDeploy(admin, 'acme', 'shop', 'development', {
    delta_id: delta.id,
  });
  clock.advance(60_000);
  engine.updateProfile(admin, 'acme', 'acme/tiered', {
    description: 'A fixed tier',
    workload_profile_chart: chart,
    spec_definition: definition('gold'),
  });
}

describe('a hidden field a new version refuses (issue 18)', () => {
  it('is shown, the summary’s link focuses it, and fixing it clears the summary', async () => {
    plant();
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/development/workloads/ledger/edit');
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(
      'ledger does not match the current version of acme/tiered: 1 field needs attention',
    );
    const form = await screen.findByRole('form', { name: 'Spec of ledger' });
    const tier = await within(form).findByRole('textbox', { name: /^Tier/ });
    await user.click(within(summary).getByRole('link', { name: 'Tier' }));
    expect(tier).toHaveFocus();
    expect(tier).toHaveValue('silver');
    expect(within(form).getByText('The tier is now gold.')).toBeVisible();
    await user.clear(tier);
    await user.type(tier, 'gold');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
