import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

/** Discard puts back what is deployed, on screen as in the data: a removed container too. */
describe('discarding the edits of a workload', () => {
  it('brings a removed container back, with its fields, and says nothing changed', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps/shop/envs/staging/workloads/cart/edit');
    // The form as it is now (Discard makes it anew).
    const form = () => screen.getByRole('form', { name: 'Spec of cart' });
    await screen.findByRole('form', { name: 'Spec of cart' });
    const image = () =>
      form().querySelector<HTMLInputElement>('#spec_containers_cart_image');
    await waitFor(() =>
      expect(image()).toHaveValue('registry.acme.dev/shop/cart'),
    );

    await user.click(
      within(form()).getByRole('button', { name: 'Remove container cart' }),
    );
    await waitFor(() => expect(image()).not.toBeInTheDocument());
    // Its Remove button went with it: focus is on the map's Add button, not lost to the page.
    await waitFor(() =>
      expect(
        within(form()).getByRole('button', { name: /^Add to containers$/i }),
      ).toHaveFocus(),
    );
    await user.click(
      within(form()).getByRole('button', { name: 'Discard changes' }),
    );
    await waitFor(() =>
      expect(image()).toHaveValue('registry.acme.dev/shop/cart'),
    );
    expect(within(form()).getByText('No changes yet.')).toBeInTheDocument();
    // The Discard button went with the edits: focus is on the form's first action, not lost to the page.
    await waitFor(() =>
      expect(
        within(form()).getByRole('button', { name: 'Review changes' }),
      ).toHaveFocus(),
    );
  });

  it('another workload opened from the same page is a new form: nothing of the last one carries over', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(
      '/orgs/acme/apps/shop/envs/staging/workloads/cart/edit',
    );
    await screen.findByRole('form', { name: 'Spec of cart' });
    await user.click(screen.getByRole('button', { name: 'Review changes' }));
    expect(
      await screen.findByText(
        'Nothing changed: the form matches the deployed workload.',
      ),
    ).toBeInTheDocument();
    // The breadcrumb's workload switcher keeps the route and changes the workload.
    await router.navigate(
      '/orgs/acme/apps/shop/envs/staging/workloads/api/edit',
    );
    await screen.findByRole('form', { name: 'Spec of api' });
    expect(
      screen.queryByText(
        'Nothing changed: the form matches the deployed workload.',
      ),
    ).not.toBeInTheDocument();
    expect(screen.getByText('No changes yet.')).toBeInTheDocument();
  });
});
