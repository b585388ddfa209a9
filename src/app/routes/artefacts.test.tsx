import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { resetTestEngine } from '../../../mocks/node';

const CART = 'registry.acme.dev/shop/cart';

describe('artefacts page', () => {
  it('archives a version only after a confirmation that says where it runs, then undoes it from the toast', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    renderApp(`/orgs/acme/artefacts?image=${encodeURIComponent(CART)}`);
    const list = await screen.findByRole('list', { name: CART });
    // Shown alone, it offers no "Only this image".
    expect(screen.queryByRole('link', { name: 'Only this image' })).toBeNull();
    const newest = within(list).getAllByRole('listitem')[0];
    const tag = within(newest)
      .getByRole('button', { name: /^Archive / })
      .textContent!.replace('Archive ', '');
    const runsIn = within(newest).queryAllByRole('link');
    await user.click(
      within(newest).getByRole('button', { name: `Archive ${tag}` }),
    );

    const dialog = screen.getByRole('dialog', {
      name: `Archive ${CART}:${tag}?`,
    });
    expect(dialog).toHaveTextContent('listed under Archived versions');
    // Where it runs, as the version's own "Runs in" says it.
    expect(runsIn.length).toBeGreaterThan(0);
    for (const link of runsIn)
      expect(dialog).toHaveTextContent(link.textContent!);
    // Cancel changes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(
      within(list).getByRole('button', { name: `Archive ${tag}` }),
    ).toBeInTheDocument();

    await user.click(
      within(list).getByRole('button', { name: `Archive ${tag}` }),
    );
    await user.click(
      within(
        screen.getByRole('dialog', { name: `Archive ${CART}:${tag}?` }),
      ).getByRole('button', { name: `Archive ${tag}` }),
    );
    await waitFor(() =>
      expect(
        within(list).queryByRole('button', { name: `Archive ${tag}` }),
      ).toBeNull(),
    );
    // Focus is on the list it left, not lost on the page.
    await waitFor(() => expect(list).toHaveFocus());
    expect(await screen.findByText(`Archived ${CART}:${tag}`)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await within(list).findByRole('button', { name: `Archive ${tag}` }),
    ).toBeInTheDocument();
  });

  it('"Only this image" goes once the page shows that image alone; focus goes to its heading, not the page\'s body', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/artefacts');
    const panel = await screen.findByRole('region', { name: CART });
    expect(
      screen.getAllByRole('link', { name: 'Only this image' }).length,
    ).toBeGreaterThan(1);
    await user.click(
      within(panel).getByRole('link', { name: 'Only this image' }),
    );
    expect(
      await screen.findByRole('link', { name: 'All images' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Only this image' }),
      ).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(within(panel).getByRole('heading', { name: CART })).toHaveFocus(),
    );
  });

  it("archiving an image's only version takes its panel away; focus goes to the next image's versions", async () => {
    resetTestEngine();
    const user = userEvent.setup();
    renderApp('/orgs/acme/artefacts');
    await screen.findAllByRole('list', { name: /^registry\./ });
    const single = screen
      .getAllByRole('list', { name: /^registry\./ })
      .find((list) => list.children.length === 1)!;
    const image = single.getAttribute('aria-labelledby')!;
    const archive = within(single).getByRole('button', { name: /^Archive / });
    const tag = archive.textContent!.replace('Archive ', '');
    await user.click(archive);
    const dialog = screen.getByRole('dialog', { name: /^Archive .*\?$/ });
    await user.click(
      within(dialog).getByRole('button', { name: `Archive ${tag}` }),
    );
    await waitFor(() => expect(document.getElementById(image)).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute(
        'class',
        'artefacts__versions',
      ),
    );
  });

  it('filters the images by name or tag, keeps the filter in the URL, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const { router, unmount } = renderApp('/orgs/acme/artefacts');
    const filter = await screen.findByRole('searchbox', {
      name: 'Find an image or tag',
    });
    const all = screen.getAllByRole('link', { name: 'Only this image' }).length;
    await user.type(filter, 'shop/cart');
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=shop%2Fcart'),
    );
    await waitFor(() =>
      expect(
        screen.getAllByRole('region', { name: /^registry\./ }),
      ).toHaveLength(1),
    );
    expect(screen.getByRole('region', { name: CART })).toBeInTheDocument();
    expect(screen.getByText(`1 of ${all} images`)).toBeInTheDocument();
    unmount();

    // A link (or a reload) with the filter shows the same images.
    renderApp('/orgs/acme/artefacts?q=zzz-nothing');
    expect(
      await screen.findByText('No image name or tag contains “zzz-nothing”.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('searchbox', { name: 'Find an image or tag' }),
    ).toHaveValue('zzz-nothing');
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(
      await screen.findByRole('region', { name: CART }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('searchbox', { name: 'Find an image or tag' }),
    ).toHaveFocus();
  });

  it('warns before "Review and deploy" of a version older than the one that runs there, naming the environment and version', async () => {
    resetTestEngine();
    const user = userEvent.setup();
    const API = 'registry.acme.dev/shop/api';
    renderApp(`/orgs/acme/artefacts?image=${encodeURIComponent(API)}`);
    const list = await screen.findByRole('list', { name: API });
    const older = within(list)
      .getAllByRole('listitem')
      .find((li) => li.id && within(li).queryByText('1.3.0', { exact: true }))!;
    const select = within(older).getByLabelText('Deploy 1.3.0 to');
    // Each environment says which version it runs when that is newer.
    await waitFor(() =>
      expect(
        within(select).getByRole('option', {
          name: 'Shop / Production — api (runs 1.4.2, newer)',
        }),
      ).toBeInTheDocument(),
    );
    await user.selectOptions(
      select,
      'Shop / Production — api (runs 1.4.2, newer)',
    );
    const warning = within(older).getByRole('status');
    expect(warning).toHaveTextContent(
      'Older than what runs there: Shop / Production (api) runs 1.4.2; deploying 1.3.0 there goes back to an older version.',
    );
    // The button says it too, before the workload's page.
    expect(
      within(older).getByRole('button', { name: 'Review and deploy' }),
    ).toHaveAccessibleDescription(warning.textContent!);

    // The newest version warns of nothing.
    const newest = within(list).getAllByRole('listitem')[0];
    const newestSelect = within(newest).getByLabelText(/^Deploy .* to$/);
    await user.selectOptions(
      newestSelect,
      within(newestSelect).getAllByRole('option')[1],
    );
    expect(within(newest).getByRole('status')).toHaveTextContent('');
  });
});
