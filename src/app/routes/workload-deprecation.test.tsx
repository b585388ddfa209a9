import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getProfile, updateProfile } from '@/api/profiles';
import { renderApp } from '@/testing/render-app';

/** Deprecates acme/web-service (the profile of analytics' dashboard) with a new version, through the API. */
async function deprecateWebService() {
  const current = await getProfile('acme', 'acme/web-service');
  await updateProfile('acme', 'acme/web-service', {
    description: current.description,
    spec_definition: current.spec_definition,
    workload_profile_chart: current.workload_profile_chart,
    version: '1.1.0',
    deprecation_message: 'Use acme/service-v2: it adds health checks.',
  });
}

describe('a deprecated profile is said where developers meet it (issue 18)', () => {
  it('on the workload page, with a link to the profile', async () => {
    await deprecateWebService();
    renderApp('/orgs/acme/apps/analytics/envs/development/workloads/dashboard');
    const banner = await screen.findByRole('region', {
      name: 'Profile deprecation',
    });
    expect(banner).toHaveTextContent(
      'The profile acme/web-service is deprecated: Use acme/service-v2: it adds health checks.',
    );
    expect(
      within(banner).getByRole('link', { name: 'Open the profile' }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/workload-profiles/acme%2Fweb-service',
    );
  });

  it('in the workload form', async () => {
    await deprecateWebService();
    renderApp(
      '/orgs/acme/apps/analytics/envs/development/workloads/dashboard/edit',
    );
    expect(
      await screen.findByRole('region', { name: 'Profile deprecation' }),
    ).toHaveTextContent('Use acme/service-v2');
  });

  it('in the gallery of "Add workload", after the current profiles', async () => {
    await deprecateWebService();
    renderApp('/orgs/acme/apps/analytics/envs/development/new-workload');
    const radio = await screen.findByRole('radio', {
      name: 'acme/web-service',
    });
    const card = radio.closest('li')!;
    expect(card).toHaveTextContent(
      'Deprecated: Use acme/service-v2: it adds health checks.',
    );
    const order = screen
      .getAllByRole('radio')
      .map((r) => (r as HTMLInputElement).value);
    expect(order.at(-1)).toBe('acme/web-service');
  });
});
