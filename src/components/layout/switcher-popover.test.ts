import { describe, expect, it } from 'vitest';
import { filterRows } from './switcher-popover';

const row = (label: string, keywords?: string) => ({
  key: label,
  to: `/${label}`,
  label,
  keywords,
});

describe('filterRows', () => {
  it('puts labels starting with the text first, then word starts, then the rest', () => {
    const rows = [
      row('Analytics Cache'),
      row('Checkout API'),
      row('Audit Scheduler'),
      row('Paycheck'),
      row('Shop'),
    ];
    expect(filterRows(rows, 'che').map((r) => r.label)).toEqual([
      'Checkout API',
      'Analytics Cache',
      'Audit Scheduler',
      'Paycheck',
    ]);
  });

  it('matches hidden keywords such as ids last', () => {
    expect(
      filterRows(
        [row('Billing API', 'billing-api'), row('Other')],
        'billing-a',
      ).map((r) => r.label),
    ).toEqual(['Billing API']);
  });
});
