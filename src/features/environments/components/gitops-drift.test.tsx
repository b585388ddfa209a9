import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { driftedObjects, GitopsDrift } from './gitops-drift';

const drift = [
  {
    kind: 'Workload',
    name: 'api',
    field: 'spec.replicas',
    git_value: 1,
    live_value: 3,
  },
  {
    kind: 'Workload',
    name: 'api',
    field: 'spec.containers.main.image',
    git_value: 'registry.acme.dev/shop/api:1.4.3',
    live_value: 'registry.acme.dev/shop/api:hotfix',
  },
  {
    kind: 'Workload',
    name: 'cart',
    field: 'spec.replicas',
    git_value: 2,
    live_value: 0,
  },
];

describe('drift', () => {
  it('groups drifted fields by live object, git as from and live as to', () => {
    const objects = driftedObjects(drift);
    expect(objects.map((o) => o.name)).toEqual(['api', 'cart']);
    expect(objects[0]!.changes).toEqual([
      expect.objectContaining({
        category: 'other',
        kind: 'changed',
        label: 'spec.replicas',
        from: 1,
        to: 3,
      }),
      expect.objectContaining({
        category: 'image',
        label: 'spec.containers.main.image',
      }),
    ]);
  });

  it('shows a field git does not set (null) as added live, not as changed from null', () => {
    const [object] = driftedObjects([
      {
        kind: 'Workload',
        name: 'api',
        field: 'spec.containers.main.variables.LOG_LEVEL',
        git_value: null,
        live_value: 'debug',
      },
    ]);
    expect(object!.changes).toEqual([
      expect.objectContaining({ kind: 'added', from: undefined, to: 'debug' }),
    ]);
  });

  it('shows each field from its value in git to its value in the cluster', () => {
    render(<GitopsDrift drift={drift} />);
    const table = screen.getByRole('table', {
      name: 'Field changes of Workload api (git to live)',
    });
    const replicas = within(table).getByText('spec.replicas').closest('tr')!;
    expect(within(replicas).getByText('1')).toBeInTheDocument();
    expect(within(replicas).getByText('3')).toBeInTheDocument();
    expect(
      screen.getByRole('table', {
        name: 'Field changes of Workload cart (git to live)',
      }),
    ).toBeInTheDocument();
  });
});
