import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getProfile, updateProfile } from '@/api/profiles';
import { renderApp } from '@/testing/render-app';

vi.mock(
  '@/components/editors/code-editor',
  () => import('@/testing/textarea-code-editor'),
);

describe('comparing two versions of a profile (issue 18)', () => {
  it('lists the fields a version added and shows the text diff of the schemas', async () => {
    const current = await getProfile('acme', 'acme/worker');
    await updateProfile('acme', 'acme/worker', {
      description: current.description,
      workload_profile_chart: current.workload_profile_chart,
      version: '1.1.0',
      spec_definition: {
        ...current.spec_definition,
        properties: {
          ...current.spec_definition.properties,
          owner: {
            type: 'schema',
            title: 'Owning team',
            schema: { type: 'string', pattern: '^[a-z-]+$' },
          },
        },
      },
    });
    renderApp('/orgs/acme/workload-profiles/acme%2Fworker');
    const panel = await screen.findByRole('region', {
      name: 'Compare versions',
    });
    expect(within(panel).getByLabelText('From')).toHaveValue('1.0.0');
    expect(within(panel).getByLabelText('To')).toHaveValue('1.1.0');
    expect(
      within(panel).getByRole('list', {
        name: 'Fields changed from 1.0.0 to 1.1.0',
      }),
    ).toHaveTextContent('Added: owner');
    const diff = await within(panel).findByRole('group', {
      name: 'Text diff of 1.0.0 and 1.1.0',
    });
    expect(await within(diff).findByText(/Owning team/)).toBeInTheDocument();

    // The same version on both sides: nothing to compare.
    await userEvent.selectOptions(
      within(panel).getByLabelText('From'),
      '1.1.0',
    );
    expect(
      within(panel).getByText('Choose two different versions.'),
    ).toBeInTheDocument();
  });
});
