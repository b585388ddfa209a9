import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

describe('Operator and GitOps setup page', () => {
  it('shows copyable commands filled in for the environment it was opened for', async () => {
    renderApp('/orgs/acme/gitops-setup?app=shop&env=preview');
    await screen.findByRole('heading', {
      level: 1,
      name: 'Operator and GitOps setup',
    });
    expect(
      screen.getByRole('link', { name: 'shop / preview' }),
    ).toHaveAttribute('href', '/orgs/acme/apps/shop/envs/preview');
    const install = screen.getByRole('region', {
      name: 'Install the Operator',
    });
    expect(
      within(install).getByRole('group', {
        name: 'Install the Operator: commands',
      }).textContent,
    ).toContain('oci://ghcr.io/humanitec/charts/humanitec-operator');
    expect(
      within(install).getByRole('button', {
        name: 'Copy the commands: Install the Operator',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('setup-variables').textContent).toContain(
      'GITOPS_PATH=acme/shop/preview',
    );
    expect(screen.getByTestId('setup-argo-cd').textContent).toContain(
      'argocd app create shop-preview',
    );
  });
});
