import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentSet, PlainDelta } from '@/api/types';
import type { ViewOptions } from '@/lib/diff/view-options';
import { DiffDetails } from './diff-details';

const SECRET_OLD = 'tok-live-OLD-1234';
const SECRET_NEW = 'tok-live-NEW-5678';
const HTML = '<img src=x onerror="alert(1)">';
const module = (image: string, vars: Record<string, string>) => ({
  profile: 'humanitec/default-module',
  spec: { containers: { main: { id: 'main', image, variables: vars } } },
  externals: {},
});
const from = {
  id: 'a',
  version: 0,
  modules: {
    api: module('reg/api:1', {
      API_TOKEN: SECRET_OLD,
      DB_PASSWORD: '${secrets.db-password}',
      NOTE: 'plain',
    }),
    web: module('reg/web:1', {}),
    worker: module('reg/worker:1', {}),
  },
  shared: {},
} as unknown as DeploymentSet;
const to = {
  ...from,
  id: 'b',
  modules: {
    ...from.modules,
    api: module('reg/api:2', {
      API_TOKEN: SECRET_NEW,
      DB_PASSWORD: '${secrets.db-password}',
      NOTE: HTML,
    }),
    web: module('reg/web:2', {}),
  },
} as unknown as DeploymentSet;
const delta = {
  modules: {
    add: {},
    remove: [],
    update: {
      api: [
        {
          op: 'replace',
          path: '/spec/containers/main/image',
          value: 'reg/api:2',
        },
        {
          op: 'replace',
          path: '/spec/containers/main/variables/API_TOKEN',
          value: SECRET_NEW,
        },
        {
          op: 'replace',
          path: '/spec/containers/main/variables/NOTE',
          value: HTML,
        },
      ],
      web: [
        {
          op: 'replace',
          path: '/spec/containers/main/image',
          value: 'reg/web:2',
        },
      ],
    },
  },
  shared: [],
} as unknown as PlainDelta;

function Harness() {
  const [view, setView] = useState<ViewOptions>({
    layout: 'unified',
    context: 'compact',
    changedOnly: true,
    query: '',
  });
  return (
    <DiffDetails
      delta={delta}
      from={from}
      to={to}
      view={view}
      onViewChange={setView}
      raw={false}
    />
  );
}

describe('DiffDetails', () => {
  it('masks secret values everywhere and renders HTML in values as text', async () => {
    const { container } = render(<Harness />);
    const fields = await screen.findByRole('table', {
      name: 'Field changes of api',
    });
    const token = within(fields).getByText('API_TOKEN').closest('tr')!;
    expect(within(token).getAllByText('••••• (hidden)')).toHaveLength(2);
    expect(
      within(within(fields).getByText('NOTE').closest('tr')!).getByText(HTML),
    ).toBeInTheDocument();
    await screen.findByRole('group', { name: 'Text diff of api' });
    await screen.findByRole('group', { name: 'Text diff of web' });
    expect(container.textContent).toContain(
      'API_TOKEN: ••••• (hidden, changed)',
    );
    expect(container.textContent).toContain('${secrets.db-password}');
    expect(container.textContent).not.toContain(SECRET_OLD);
    expect(container.textContent).not.toContain(SECRET_NEW);
    expect(container.querySelector('img, script, [onerror]')).toBeNull();
  });

  it('collapses and expands every workload, filters by name and shows unchanged workloads on request', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(
      await screen.findByText('Showing 2 of 3 workloads · 1 unchanged hidden'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(screen.getByRole('button', { name: 'api' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(
      screen.queryByRole('table', { name: 'Field changes of api' }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'web' }));
    expect(
      screen.getByRole('table', { name: 'Field changes of web' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getByRole('button', { name: 'api' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    await user.type(
      screen.getByRole('searchbox', { name: 'Filter workloads by name' }),
      'we',
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'api' }),
      ).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'web' })).toBeInTheDocument();
    await user.clear(
      screen.getByRole('searchbox', { name: 'Filter workloads by name' }),
    );

    await user.click(screen.getByRole('checkbox', { name: 'Changed only' }));
    expect(
      await screen.findByRole('button', { name: 'worker' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3 workloads')).toBeInTheDocument();
    expect(
      await screen.findByRole('group', { name: 'YAML of worker' }),
    ).toHaveTextContent('image: reg/worker:1');
  });

  it('opens a workload from the summary', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByRole('button', { name: 'api' });
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    await user.click(
      within(screen.getByRole('list', { name: 'workloads changed' })).getByRole(
        'link',
        { name: 'web' },
      ),
    );
    expect(screen.getByRole('button', { name: 'web' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(screen.getByRole('button', { name: 'web' })).toHaveFocus();
  });
});

describe('DiffDetails, bodies rendered where the page is', () => {
  /** An IntersectionObserver that never reports anything in view: only bodies mounted at once show. */
  class NothingInView {
    observe() {}
    disconnect() {}
  }
  afterEach(() => vi.unstubAllGlobals());

  function Comparison({ count }: { count: number }) {
    const names = Array.from({ length: count }, (_, i) => `wl-${i + 10}`);
    const before = {
      id: 'a',
      version: 0,
      modules: Object.fromEntries(
        names.map((n) => [n, module(`r/${n}:1`, {})]),
      ),
      shared: {},
    } as unknown as DeploymentSet;
    const after = {
      ...before,
      id: 'b',
      modules: Object.fromEntries(
        names.map((n) => [n, module(`r/${n}:2`, {})]),
      ),
    } as unknown as DeploymentSet;
    const changes = {
      modules: {
        add: {},
        remove: [],
        update: Object.fromEntries(
          names.map((n) => [
            n,
            [
              {
                op: 'replace',
                path: '/spec/containers/main/image',
                value: `r/${n}:2`,
              },
            ],
          ]),
        ),
      },
      shared: [],
    } as unknown as PlainDelta;
    const [view, setView] = useState<ViewOptions>({
      layout: 'unified',
      context: 'compact',
      changedOnly: true,
      query: '',
    });
    return (
      <DiffDetails
        delta={changes}
        from={before}
        to={after}
        view={view}
        onViewChange={setView}
        raw={false}
      />
    );
  }

  it('a short comparison renders every body at once, so none is a blank box below the fold', async () => {
    vi.stubGlobal('IntersectionObserver', NothingInView);
    render(<Comparison count={3} />);
    for (const name of ['wl-10', 'wl-11', 'wl-12'])
      expect(
        await screen.findByRole('table', { name: `Field changes of ${name}` }),
      ).toBeInTheDocument();
  });

  it('a long one renders a body only when it nears the viewport', async () => {
    vi.stubGlobal('IntersectionObserver', NothingInView);
    render(<Comparison count={20} />);
    expect(
      await screen.findByRole('button', { name: 'wl-29' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Field changes of wl-29' }),
    ).not.toBeInTheDocument();
  });
});
