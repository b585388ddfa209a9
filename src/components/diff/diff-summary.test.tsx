import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DiffSummaryData } from '@/lib/diff/diff-model';
import { DiffSummary } from './diff-summary';

const none = { added: [], removed: [], changed: [] };

describe('DiffSummary', () => {
  it('counts field changes only where fields changed: an added workload is not "0 field changes"', () => {
    const added: DiffSummaryData = {
      workloads: { ...none, added: ['search'] },
      shared: none,
      opCount: 0,
    };
    const { rerender } = render(<DiffSummary summary={added} />);
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary).toHaveTextContent('1workload added');
    expect(summary).not.toHaveTextContent(/field change/);

    rerender(
      <DiffSummary
        summary={{
          workloads: { ...none, added: ['search'], changed: ['api'] },
          shared: none,
          opCount: 3,
        }}
      />,
    );
    expect(summary).toHaveTextContent('3 field changes');

    rerender(
      <DiffSummary summary={{ workloads: none, shared: none, opCount: 0 }} />,
    );
    expect(summary).toHaveTextContent('0 field changes');
  });
});
