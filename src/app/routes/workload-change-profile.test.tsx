import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

describe(
  'changing the profile of a workload (issue 18)',
  { timeout: 90_000 },
  () => {
    it('shows what carries over and what is dropped before the form, then deploys the move', async () => {
      const user = userEvent.setup();
      renderApp(
        '/orgs/acme/apps/analytics/envs/development/workloads/dashboard/change-profile',
      );
      await screen.findByRole('heading', {
        level: 1,
        name: 'Change the profile of dashboard',
      });
      // The profile it has cannot be chosen again.
      expect(
        screen.getByRole('radio', { name: 'acme/web-service' }),
      ).toBeDisabled();
      await user.click(
        screen.getByRole('radio', { name: 'humanitec/default-module' }),
      );
      await user.click(
        screen.getByRole('button', { name: 'Continue to the form' }),
      );
      const carried = await screen.findByRole('region', {
        name: 'What carries over',
      });
      expect(carried).toHaveTextContent('Kept: containers, service, ingress.');
      expect(
        within(carried)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['containers.dashboard.id']);
      // The form opens with what carried over: the image is there.
      const form = await screen.findByRole('form', {
        name: 'Spec of dashboard',
      });
      expect(
        await within(form).findByDisplayValue(
          'registry.acme.dev/analytics/dashboard',
        ),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Review changes' }));
      const changes = await screen.findByRole('table', {
        name: 'Field changes of dashboard',
      });
      expect(changes).toHaveTextContent('humanitec/default-module');
      await user.click(
        screen.getByRole('button', { name: 'Deploy to development' }),
      );
      expect(
        await screen.findByRole('heading', { level: 1, name: /^Deployment / }),
      ).toBeInTheDocument();
    });
  },
);
