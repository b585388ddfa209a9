import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { scoreDraftKey } from '@/features/score';
import { renderApp } from '@/testing/render-app';
import { resetTestEngine } from '../../../mocks/node';

const PAGE = '/orgs/acme/apps/shop/envs/staging/score';

/** A Score file with a private postgres of a class no definition has, and a shared dns. */
const SCORE = `apiVersion: score.dev/v1b1
metadata:
  name: reports
containers:
  reports:
    image: registry.acme.dev/shop/reports:1.0.0
    variables:
      DB_HOST: \${resources.db.host}
resources:
  db:
    type: postgres
    class: huge
  dns:
    type: dns
    id: shop-dns
`;

describe('Deploy a Score file', { timeout: 90_000 }, () => {
  it('previews the converted workload and the matches (RES-MATCH-001 said before deploying), keeps the draft, names a bad field', async () => {
    resetTestEngine();
    localStorage.removeItem(scoreDraftKey('acme', 'shop', 'staging'));
    const user = userEvent.setup();
    renderApp(PAGE);
    const text = await screen.findByLabelText('Score file (YAML)');
    await user.click(text);
    await user.paste(SCORE);
    expect(
      JSON.parse(
        localStorage.getItem(scoreDraftKey('acme', 'shop', 'staging'))!,
      ),
    ).toMatchObject({ text: SCORE });

    await user.click(
      screen.getByRole('button', { name: 'Preview the deployment' }),
    );
    const workload = await screen.findByRole('region', {
      name: 'Workload reports',
    });
    // Focus goes to the preview (the button it was on is disabled while the file converts).
    await waitFor(() =>
      expect(
        within(workload).getByRole('heading', { name: 'Workload reports' }),
      ).toHaveFocus(),
    );
    expect(
      within(workload).getByLabelText('Converted workload'),
    ).toHaveTextContent('DB_HOST: ${externals.db.host}');
    const resources = screen.getByRole('region', {
      name: 'Resources it will match',
    });
    expect(
      within(resources).getByRole('row', {
        name: /modules\.reports\.externals\.db/,
      }),
    ).toHaveTextContent('No definition matches (RES-MATCH-001)');
    expect(
      within(resources).getByRole('row', { name: /shared\.shop-dns/ }),
    ).toHaveTextContent('default-dns');
    expect(within(resources).getByRole('status')).toHaveTextContent(
      'One resource matches no resource definition',
    );

    // An edit drops the preview; a file the schema refuses is named at the field.
    await user.clear(text);
    await user.click(text);
    await user.paste(
      'apiVersion: score.dev/v1b1\nmetadata:\n  name: web\ncontainers:\n  web: {}\n',
    );
    expect(
      screen.queryByRole('region', { name: 'Workload reports' }),
    ).toBeNull();
    await user.click(
      screen.getByRole('button', { name: 'Preview the deployment' }),
    );
    // Named from the file's root (it has no `spec` level), with the line of each problem.
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The Score file is not valid score.dev/v1b1: containers.web.image is required',
      ),
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('spec.');
    expect(
      within(
        screen.getByRole('list', { name: 'Where in the Score file' }),
      ).getByRole('listitem'),
    ).toHaveTextContent(/^Line 5: containers\.web\.image$/);
    // And to the refusal, when the file is refused.
    await waitFor(() =>
      expect(
        screen.getByRole('heading', {
          name: 'Could not convert the Score file',
        }),
      ).toHaveFocus(),
    );
    await user.clear(text);
    await user.click(text);
    await user.paste('a: [1,\nb');
    await user.click(
      screen.getByRole('button', { name: 'Preview the deployment' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        /The Score file is not valid YAML \(line \d+, column \d+\): [^:]+\.$/,
      ),
    );
  });
});
