import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { GitopsCommit, GitopsResourceStatus } from '@/api/gitops';
import { COMMIT_FILES_SHOWN, CommitSummary } from './commit-summary';
import {
  exportStatus,
  reconcileSummary,
  sortResources,
  syncStatus,
  telling,
} from './gitops-status';
import {
  RECONCILIATION_ROWS,
  ReconciliationTable,
} from './reconciliation-table';

const at = '2026-12-04T10:00:00Z';
const condition = (
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
) => ({ type, status, reason, message, last_transition_time: at });
const resource = (
  kind: string,
  name: string,
  status: GitopsResourceStatus['status'],
  conditions = [condition('Ready', 'True', 'Reconciled', 'Ready.')],
): GitopsResourceStatus => ({
  kind,
  name,
  api_version: 'humanitec.io/v1alpha1',
  status,
  conditions,
  deploy_id: '0123456789abcdef',
});

describe('gitops status words', () => {
  it('says each sync, reconciliation and export status with a word and a tone', () => {
    expect(syncStatus('OutOfSync')).toEqual({
      tone: 'warning',
      label: 'Out of sync',
    });
    expect(syncStatus('Synced').tone).toBe('success');
    expect(syncStatus('Progressing').tone).toBe('progress');
    expect(exportStatus('failed')).toEqual({
      tone: 'failure',
      label: 'Export failed',
    });
    expect(exportStatus('').label).toBe('No export');
  });

  it('puts failed resources first and shows why a resource is not Ready', () => {
    const failing = condition(
      'SecretsResolved',
      'False',
      'SecretMissing',
      'secret shop-preview/db-password not found in store default-store',
    );
    const sorted = sortResources([
      resource('Workload', 'api', 'Ready'),
      resource('Resource', 'db', 'Failed', [
        condition('Ready', 'False', 'SecretMissing', 'Not ready.'),
        failing,
      ]),
      resource('Resource', 'cache', 'Pending', []),
    ]);
    expect(sorted.map((r) => r.name)).toEqual(['db', 'cache', 'api']);
    expect(telling(sorted[0]!.conditions).map((c) => c.type)).toEqual([
      'Ready',
      'SecretsResolved',
    ]);
    expect(telling(sorted[2]!.conditions).map((c) => c.type)).toEqual([
      'Ready',
    ]);
    expect(reconcileSummary(sorted).text).toBe('1 Failed, 1 Pending, 1 Ready');
    expect(reconcileSummary([]).text).toBe('No resources');
  });
});

describe('ReconciliationTable', () => {
  it('lists each object with its status word and the failing condition’s reason and message', () => {
    render(
      <ReconciliationTable
        resources={[
          resource('Workload', 'api', 'Ready'),
          resource('Resource', 'db', 'Failed', [
            condition(
              'SecretsResolved',
              'False',
              'SecretMissing',
              'secret db-password missing',
            ),
          ]),
        ]}
      />,
    );
    const rows = screen.getAllByTestId('gitops-resource');
    expect(rows.map((r) => r.dataset.status)).toEqual(['Failed', 'Ready']);
    expect(rows[0]!.querySelector('.status-badge')?.textContent).toBe('Failed');
    expect(rows[0]!.textContent).toContain(
      'SecretMissing: secret db-password missing',
    );
    expect(rows[1]!.querySelector('.status-badge')?.textContent).toBe('Ready');
  });

  it('shows every object that is not Ready and the first Ready ones of a long list, then all on demand', async () => {
    const user = userEvent.setup();
    render(
      <ReconciliationTable
        resources={[
          ...Array.from({ length: RECONCILIATION_ROWS + 10 }, (_, i) =>
            resource('Workload', `w${String(i).padStart(3, '0')}`, 'Ready'),
          ),
          resource('Resource', 'db', 'Failed', []),
        ]}
      />,
    );
    const rows = screen.getAllByTestId('gitops-resource');
    expect(rows).toHaveLength(RECONCILIATION_ROWS);
    expect(rows[0]!.dataset.status).toBe('Failed');
    await user.click(
      screen.getByRole('button', {
        name: `Show all ${RECONCILIATION_ROWS + 11} resources`,
      }),
    );
    expect(screen.getAllByTestId('gitops-resource')).toHaveLength(
      RECONCILIATION_ROWS + 11,
    );
  });

  it('says when the Operator holds nothing', () => {
    render(<ReconciliationTable resources={[]} />);
    expect(
      screen.getByText('The Operator holds no resources yet.'),
    ).toBeInTheDocument();
  });
});

describe('CommitSummary', () => {
  const commit: GitopsCommit = {
    sha: '9f2c1e7a0b4d5c6e7f8091a2b3c4d5e6f7a8b9c0',
    message: 'Bump api\n\ndeploy 0123',
    author_name: 'Dana Dev',
    author_email: 'dana@acme.dev',
    committed_at: at,
    deploy_id: '0123',
    files: [
      { path: 'acme/shop/preview/workload-api.yaml', change: 'modified' },
      { path: 'acme/shop/preview/resource-db.yaml', change: 'added' },
    ],
  };

  it('shows the short sha with a copy of the full one, the subject, the author and the files', () => {
    render(<CommitSummary commit={commit} />);
    expect(screen.getByText('9f2c1e7')).toHaveAttribute('title', commit.sha);
    expect(
      screen.getByRole('button', { name: `Copy commit sha ${commit.sha}` }),
    ).toBeInTheDocument();
    expect(screen.getByText('Bump api')).toBeInTheDocument();
    expect(screen.getByTestId('gitops-commit').textContent).toContain(
      '2 files changed',
    );
    const files = screen.getByRole('list', { name: 'Files changed' });
    expect(within(files).getAllByRole('listitem')[0]!.textContent).toContain(
      'Changed',
    );
  });

  it('lists the first files of a large commit, then all of them on demand', async () => {
    const files = Array.from({ length: 30 }, (_, i) => ({
      path: `acme/shop/preview/workload-w${i}.yaml`,
      change: 'modified' as const,
    }));
    render(<CommitSummary commit={{ ...commit, files }} />);
    const list = screen.getByRole('list', { name: 'Files changed' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(
      COMMIT_FILES_SHOWN,
    );
    expect(screen.getByTestId('gitops-commit').textContent).toContain(
      '30 files changed',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 30 files' }),
    );
    expect(within(list).getAllByRole('listitem')).toHaveLength(30);
    expect(
      screen.getByRole('button', { name: 'Show the first 10 files' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('leaves the files out when asked', () => {
    render(<CommitSummary commit={commit} showFiles={false} />);
    expect(screen.queryByRole('list', { name: 'Files changed' })).toBeNull();
  });
});
