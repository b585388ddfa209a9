import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EXPANDED_LIMIT, ExportDiffView } from './export-diff';

const doc = (kind: string, name: string, replicas = 1) =>
  `---\napiVersion: humanitec.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n`;

describe('ExportDiffView', () => {
  it('summarises the change against the previous export and shows each changed object’s text diff', async () => {
    const before = doc('Workload', 'api') + doc('Workload', 'cart');
    const after = doc('Workload', 'api', 3) + doc('Resource', 'db');
    render(
      <ExportDiffView
        before={before}
        after={after}
        previousLabel="deployment 01234567"
      />,
    );
    expect(screen.getByTestId('export-diff-summary').textContent).toBe(
      '1 changed, 1 added, 1 removed against deployment 01234567; 0 unchanged of 2 objects.',
    );
    const cards = screen.getAllByTestId('export-diff-card');
    expect(cards.map((c) => c.textContent)).toEqual([
      expect.stringContaining('Workload'),
      expect.stringContaining('Added'),
      expect.stringContaining('Removed'),
    ]);
    const diff = await within(cards[0]!).findByRole('group', {
      name: 'Manifest diff of Workload api',
    });
    expect(diff.textContent).toContain('replicas: 3');
    expect(
      within(cards[1]!).getByRole('group', {
        name: 'YAML of Resource db (added)',
      }).textContent,
    ).toContain('kind: Resource');
  });

  it('says so when nothing changed, and counts a first export as all added', () => {
    const text = doc('Workload', 'api');
    const { unmount } = render(
      <ExportDiffView
        before={text}
        after={text}
        previousLabel="deployment x"
      />,
    );
    expect(screen.getByTestId('export-diff-summary').textContent).toBe(
      'No object changed against deployment x (1 object).',
    );
    unmount();
    render(<ExportDiffView before={undefined} after={text} />);
    expect(screen.getByTestId('export-diff-summary').textContent).toBe(
      'First export: 1 object added.',
    );
    expect(
      screen.getByRole('button', { name: 'Workload api' }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('starts many changed objects collapsed, and a card opens by keyboard', async () => {
    const user = userEvent.setup();
    const names = Array.from({ length: EXPANDED_LIMIT + 1 }, (_, i) => `w${i}`);
    render(
      <ExportDiffView
        before={names.map((n) => doc('Workload', n)).join('')}
        after={names.map((n) => doc('Workload', n, 2)).join('')}
        previousLabel="deployment x"
      />,
    );
    const toggles = screen.getAllByRole('button', { expanded: false });
    expect(toggles).toHaveLength(EXPANDED_LIMIT + 1);
    toggles[0]!.focus();
    await user.keyboard('{Enter}');
    expect(toggles[0]).toHaveAttribute('aria-expanded', 'true');
  });
});
