import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { listProfileVersions } from '@/api/profiles';
import { renderApp } from '@/testing/render-app';

vi.mock(
  '@/components/editors/code-editor',
  () => import('@/testing/textarea-code-editor'),
);

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
      // The designer has analysed the new text once its preview shows the new field.
      const preview = await screen.findByRole('form', {
        name: 'Preview of the generated form',
      });
      await within(preview).findByLabelText(/Owning team/);
      await user.click(screen.getByRole('button', { name: 'Publish version' }));

      // The engine checks every workload of the profile first: slow when the machine is busy.
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
      // Published, the list stays as the workloads to fix.
      const toFix = screen.getByRole('group', { name: 'Workloads to fix' });
      expect(toFix).toHaveTextContent(
        /Version 1\.0\.1 refuses (\d+) of the \1 workloads? that use acme\/web-service/,
      );
      expect(
        within(toFix).getByRole('link', {
          name: 'analytics / development / dashboard',
        }),
      ).toBeInTheDocument();
      expect(
        (await listProfileVersions('acme', 'acme/web-service')).map(
          (v) => v.id,
        ),
      ).toEqual(['1.0.1', '1.0.0']);

      // The workload's form then starts with the fields to fix, each linking to its field.
      cleanup();
      renderApp(
        '/orgs/acme/apps/analytics/envs/development/workloads/dashboard/edit',
      );
      const summary = await screen.findByRole('alert');
      expect(summary).toHaveTextContent(
        'dashboard does not match the current version of acme/web-service: 1 field needs attention',
      );
      const form = await screen.findByRole('form', {
        name: 'Spec of dashboard',
      });
      await user.click(
        within(summary).getByRole('link', { name: 'Owning team' }),
      );
      expect(within(form).getByLabelText(/Owning team/)).toHaveFocus();
    });

    it('shows the defaults a version changes and asks before publishing them', async () => {
      const user = userEvent.setup();
      renderApp('/orgs/acme/workload-profiles/acme%2Fweb-service');
      const editor = (await screen.findByLabelText(
        'Profile schema (JSON)',
      )) as HTMLTextAreaElement;
      const document = JSON.parse(editor.value);
      document.properties.endpoint.properties.visibility.default = 'public';
      document.properties.endpoint.properties.contact = {
        type: 'string',
        title: 'Support contact',
      };
      const publishButton = await screen.findByRole('button', {
        name: 'Publish version',
      });
      fireEvent.change(editor, {
        target: { value: JSON.stringify(document, null, 2) },
      });
      // Until the designer has analysed the new text, Publish would send the old one: it waits.
      expect(publishButton).toBeDisabled();
      // The designer has analysed the new text once its preview shows the new (optional) field.
      const preview = await screen.findByRole('form', {
        name: 'Preview of the generated form',
      });
      await within(preview).findByLabelText(/Support contact/);
      await user.click(screen.getByRole('button', { name: 'Publish version' }));
      // The engine checks every workload of the profile first: slow when the machine is busy.
      const impact = await screen.findByRole('group', {
        name: 'Impact of this version',
      });
      expect(impact).toHaveTextContent(
        /This version would refuse none of the \d+ workloads? that use acme\/web-service/,
      );
      const defaults = within(impact).getByRole('table', {
        name: 'Defaults this version changes',
      });
      // The table's name is its visible title, not a caption for screen readers only.
      expect(
        within(defaults).getByText('Defaults this version changes'),
      ).not.toHaveClass('visually-hidden');
      const row = within(defaults).getByRole('row', {
        name: /endpoint › visibility/,
      });
      expect(row).toHaveTextContent('"internal"');
      expect(row).toHaveTextContent('"public"');
      expect(row).toHaveTextContent(/\d+ workloads? leave it unset$/);
      // What leaving a field unset means is said once, above the table, not in every row.
      expect(impact).toHaveTextContent(
        'Where a workload leaves one of these fields unset, its form shows the new default.',
      );
      expect(
        (await listProfileVersions('acme', 'acme/web-service')).map(
          (v) => v.id,
        ),
      ).toEqual(['1.0.0']);
      await user.click(
        screen.getByRole('button', { name: 'Publish with the new defaults' }),
      );
      await screen.findByText(/Published acme\/web-service version 1\.0\.1/);
    });
  },
);
