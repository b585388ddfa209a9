import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { listProfileVersions } from '@/api/profiles';
import { renderApp } from '@/testing/render-app';

// Monaco needs a real browser; here the designer's editor is a textarea (as in profiles.test.tsx).
vi.mock('@/components/editors/code-editor', () => ({
  CodeEditor: (props: {
    value: string;
    onChange: (v: string) => void;
    label: string;
  }) => (
    <textarea
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  ),
}));

describe(
  'publishing a breaking version shows its impact first (issue 18)',
  { timeout: 90_000 },
  () => {
    it('lists the workloads it would refuse with their problems, and publishes only when confirmed', async () => {
      const user = userEvent.setup();
      renderApp('/orgs/acme/workload-profiles/acme%2Fweb-service');
      const editor = (await screen.findByLabelText(
        'Profile schema (JSON)',
      )) as HTMLTextAreaElement;
      const document = JSON.parse(editor.value);
      document.required = ['owner'];
      document.properties.owner = { type: 'string', title: 'Owning team' };
      fireEvent.change(editor, {
        target: { value: JSON.stringify(document, null, 2) },
      });
      await screen.findByText(
        'No problems: the schema and its annotations are sound.',
      );
      await user.click(screen.getByRole('button', { name: 'Publish version' }));

      const impact = await screen.findByRole('group', {
        name: 'Impact of this version',
      });
      expect(impact).toHaveTextContent(
        /This version would refuse (\d+) of the \1 workloads? that use acme\/web-service/,
      );
      const row = within(impact)
        .getByRole('link', { name: 'analytics / development / dashboard' })
        .closest('tr')!;
      expect(row).toHaveTextContent('owner: is required');
      expect(
        within(impact).getByRole('link', {
          name: 'analytics / development / dashboard',
        }),
      ).toHaveAttribute(
        'href',
        '/orgs/acme/apps/analytics/envs/development/workloads/dashboard/edit',
      );
      // Nothing is published until the second press.
      expect(
        (await listProfileVersions('acme', 'acme/web-service')).map(
          (v) => v.id,
        ),
      ).toEqual(['1.0.0']);
      await user.click(
        screen.getByRole('button', {
          name: /^Publish anyway \(refuses \d+\)$/,
        }),
      );
      await screen.findByText(/Published acme\/web-service version 1\.0\.1/);
      expect(
        (await listProfileVersions('acme', 'acme/web-service')).map(
          (v) => v.id,
        ),
      ).toEqual(['1.0.1', '1.0.0']);
    });
  },
);
