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
});
