import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

/** A container added and left empty is an edit: the review does not say "Nothing changed" and drop it. */
describe('adding a container to a workload', () => {
  it('reviews a new empty container as a change, and the engine says what it lacks', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/staging/workloads/cart/edit');
    const form = await screen.findByRole('form', { name: 'Spec of cart' });
    await user.click(
      within(form).getByRole('button', { name: /^Add to containers$/i }),
    );
    await waitFor(() =>
      expect(
        form.querySelector<HTMLInputElement>(
          '#spec_containers_container_image',
        ),
      ).toBeInTheDocument(),
    );
    await user.click(
      within(form).getByRole('button', { name: 'Review changes' }),
    );
    expect(
      await screen.findByText(/Containers › container › Image/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(
        'Nothing changed: the form matches the deployed workload.',
      ),
    ).not.toBeInTheDocument();
  });
});
