import { describe, expect, it } from 'vitest';
import {
  controllerAppName,
  environmentPath,
  isCloneUrl,
  OPERATOR_CHART,
  OPERATOR_NAMESPACE,
  setupCommands,
} from './setup-commands';

const all = (target: Parameters<typeof setupCommands>[0]) => {
  const blocks = setupCommands(target);
  return [...blocks.operator, ...blocks.gitops, ...blocks.local];
};
const text = (target: Parameters<typeof setupCommands>[0], id: string) =>
  all(target).find((b) => b.id === id)?.text ?? '';

describe('setup commands', () => {
  it('installs the Operator from its OCI chart into the documented namespace', () => {
    const install = text({ orgId: 'acme' }, 'install');
    expect(install).toContain('helm install humanitec-operator');
    expect(install).toContain(OPERATOR_CHART);
    expect(install).toContain(`--namespace ${OPERATOR_NAMESPACE}`);
    expect(install).toContain('--create-namespace');
    expect(install).toContain(`kubectl get pods -n ${OPERATOR_NAMESPACE}`);
  });

  it("fills in an environment's repository, branch and folder", () => {
    const target = {
      orgId: 'acme',
      appId: 'shop',
      envId: 'preview',
      repoUrl: 'https://git.acme.dev/gitops.git',
      branch: 'preview',
    };
    const variables = text(target, 'variables');
    expect(variables).toContain('export HUMANITEC_ORG=acme');
    expect(variables).toContain(
      'export GITOPS_REPO=https://git.acme.dev/gitops.git',
    );
    expect(variables).toContain('export GITOPS_BRANCH=preview');
    expect(variables).toContain('export GITOPS_PATH=acme/shop/preview');
    expect(variables).not.toContain('APP=');
    expect(text(target, 'argo-cd')).toContain('argocd app create shop-preview');
    expect(text(target, 'flux')).toContain(
      'flux create kustomization shop-preview',
    );
  });

  it('leaves what it does not know as variables the reader sets', () => {
    const variables = text({ orgId: 'acme' }, 'variables');
    expect(variables).toContain('export APP=<app id>');
    expect(variables).toContain('export ENV=<env id>');
    expect(variables).toContain('export GITOPS_PATH=acme/$APP/$ENV');
    expect(variables).toContain('export GITOPS_BRANCH=main');
  });

  it('uses only a repository location a controller can clone', () => {
    expect(isCloneUrl('file:///srv/gitops')).toBe(true);
    expect(isCloneUrl('git@github.com:acme/gitops.git')).toBe(true);
    expect(isCloneUrl('/srv/gitops')).toBe(true);
    expect(
      isCloneUrl('in-memory (no repository attached; npm run api writes one)'),
    ).toBe(false);
    const variables = text(
      {
        orgId: 'acme',
        appId: 'shop',
        envId: 'preview',
        repoUrl: 'in-memory (none)',
      },
      'variables',
    );
    expect(variables).toContain(
      'export GITOPS_REPO=https://git.example.com/platform/gitops.git',
    );
  });

  it('uses the folder the API names, without slashes at its ends', () => {
    expect(
      environmentPath({ orgId: 'acme', path: '/acme/shop/preview/' }),
    ).toBe('acme/shop/preview');
  });

  it('makes controller names Kubernetes accepts', () => {
    expect(
      controllerAppName({ orgId: 'a', appId: 'Shop_1', envId: 'pre.view' }),
    ).toBe('shop-1-pre-view');
  });

  it('never reads or prints a secret value: the private key stays a file', () => {
    const key = text({ orgId: 'acme' }, 'driver-key');
    expect(key).toContain('--from-file=privateKey=operator_private_key.pem');
    expect(key).not.toMatch(/BEGIN (RSA )?PRIVATE KEY/);
  });

  it('gives every block a unique id, a title and a description', () => {
    const blocks = all({ orgId: 'acme' });
    expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
    for (const block of blocks) {
      expect(block.title).not.toBe('');
      expect(block.description).not.toBe('');
      expect(block.text.trim()).not.toBe('');
    }
  });
});
