import '@/testing/dom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';

// A slow network: the palette's code (a lazy chunk) arrives only when the test lets it.
const code = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { arrive, arrived };
});
vi.mock('./palette-body', async (importOriginal) => {
  await code.arrived;
  return importOriginal();
});

describe('command palette on its first open', () => {
  it('keeps the keystrokes typed right after Ctrl+K, while its code loads', async () => {
    const user = userEvent.setup();
    renderApp('/orgs/acme/apps');
    await screen.findByRole('heading', { level: 1, name: 'Applications' });
    await user.keyboard('{Control>}k{/Control}identity');
    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    // The code was still on its way: a plain input took the keystrokes...
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Loading the palette…',
    );
    expect(
      within(dialog).getByRole('textbox', { name: 'Command palette' }),
    ).toHaveValue('identity');
    code.arrive();
    // ...and hands them to the palette's own input, which keeps the focus.
    const input = await within(dialog).findByRole('combobox');
    expect(input).toHaveValue('identity');
    expect(input).toHaveFocus();
    await user.keyboard(' dev');
    expect(input).toHaveValue('identity dev');
    await waitFor(() =>
      expect(within(dialog).getAllByRole('option')[0]).toHaveTextContent(
        /^Development.*Identity/,
      ),
    );
  });
});
