import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { NODE_WIDTH } from '../utils/load-resource-graph-layout';
import { edgePath } from './resource-graph-view';
import { getEngine, server } from '../../../../mocks/node';

const admin = () => getEngine().authenticate('hum_demo_admin_token');

/** The newest deployment of an environment of the demo, or the first one matching `which`. */
function deployment(
  appId: string,
  envId: string,
  which: (d: { dependency_graph_id?: string }) => boolean = () => true,
) {
  const found = getEngine()
    .listDeploys(admin(), 'acme', appId, envId)
    .find(which);
  if (!found) throw new Error(`no such deployment in ${appId}/${envId}`);
  return `/orgs/acme/apps/${appId}/envs/${envId}/deploys/${found.id}`;
}

const graphRegion = () =>
  screen.findByRole('region', { name: 'Resource graph' });

describe('the resource graph of a deployment', () => {
  it('draws a failed deployment (laid out on the page where there is no worker) with the failed node first and keyboard moves', async () => {
    const user = userEvent.setup();
    renderApp(deployment('payments', 'staging'));
    const region = await graphRegion();
    const failed = await within(region).findByRole('listitem');
    expect(failed).toHaveTextContent(/postgres shared\.ledger-db/);
    expect(failed).toHaveTextContent('RES-PROV-001');
    expect(
      within(failed).getByRole('link', { name: 'postgres-default' }),
    ).toHaveAttribute(
      'href',
      '/orgs/acme/resources/definitions/postgres-default',
    );

    const ledger = await within(region).findByRole('button', {
      name: /^shared\.ledger-db, postgres: Failed\./,
    });
    expect(ledger).toHaveAttribute('tabindex', '0');
    ledger.focus();
    await user.keyboard('{ArrowLeft}');
    const user1 = document.activeElement as Element;
    expect(user1.getAttribute('aria-label')).toMatch(
      /workload: Not provisioned/,
    );
    expect(user1).toHaveAttribute('tabindex', '0');
    expect(ledger).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{Enter}');
    const details = within(region).getByRole('region', {
      name: new RegExp(user1.getAttribute('aria-label')!.split(',')[0]),
    });
    await user.click(
      within(details).getByRole('button', { name: 'shared.ledger-db' }),
    );
    expect(ledger).toHaveFocus();
  });

  it('says so for a deployment without a graph', async () => {
    renderApp(
      deployment('payments', 'production', (d) => !d.dependency_graph_id),
    );
    const region = await graphRegion();
    expect(
      await within(region).findByText('This deployment has no resource graph'),
    ).toBeInTheDocument();
  });

  it('shows a graph that fails to load in place, with a retry that recovers', async () => {
    let fail = true;
    server.use(
      http.get(
        '*/api/orgs/:orgId/apps/:appId/envs/:envId/resources/graphs/:graphId',
        () =>
          fail
            ? HttpResponse.json(
                { error: 'API-503', message: 'The API is unavailable.' },
                { status: 503 },
              )
            : undefined,
      ),
    );
    const user = userEvent.setup();
    renderApp(deployment('payments', 'staging'));
    const region = await graphRegion();
    const alert = await within(region).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the resource graph');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(
        within(region).getByRole('button', {
          name: /^shared\.ledger-db, postgres: Failed\./,
        }),
      ).toBeInTheDocument(),
    );
  });

  it('shows the same data as a table, failed first', async () => {
    const user = userEvent.setup();
    renderApp(deployment('payments', 'staging'));
    const region = await graphRegion();
    await user.click(
      await within(region).findByRole('button', { name: 'Table' }),
    );
    const table = await within(region).findByRole('table', {
      name: /^Workloads and resources of this deployment/,
    });
    const [, first] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent(/Failed.*shared\.ledger-db.*postgres/);
  });
});

describe('edgePath', () => {
  const W = NODE_WIDTH;
  const nodes = { a: { x: 120, y: 40 }, b: { x: 420, y: 300 } };

  it('runs from the right side of the node that depends to the left side of the node it needs, in the gap between', () => {
    // Dagre's polyline aims at b's centre (entering it through the top) by way of a bend above the drawing.
    const d = edgePath(
      {
        from: 'a',
        to: 'b',
        points: [
          { x: 120 + W / 2, y: 60 },
          { x: 270, y: -30 },
          { x: 380, y: 300 - 20 },
        ],
      },
      nodes,
    );
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(d.startsWith(`M${(120 + W / 2).toFixed(1)} 40.0C`)).toBe(true);
    expect(d.endsWith(`${(420 - W / 2).toFixed(1)} 300.0`)).toBe(true);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBe(120 + W / 2);
    expect(Math.max(...xs)).toBe(420 - W / 2);
    expect(Math.min(...ys)).toBe(40);
  });

  it("keeps dagre's polyline for an edge it reversed", () => {
    const points = [
      { x: 400, y: 300 },
      { x: 200, y: 40 },
    ];
    expect(edgePath({ from: 'b', to: 'a', points }, nodes)).toBe(
      'M400.0 300.0L200.0 40.0',
    );
  });
});
