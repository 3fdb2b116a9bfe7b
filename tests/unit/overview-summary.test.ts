import { describe, expect, it } from 'vitest';
import { summarizeOverview } from '@/lib/overview/summary';

const day = (requests: number, tco_usd: string, unpriced = 0) => ({ requests, tco_usd, unpriced });

describe('summarizeOverview', () => {
  const cases = [
    {
      name: '0.1 + 0.2 = 0.300000 exactly (a float sum would be 0.30000000000000004)',
      rows: [day(1, '0.100000'), day(1, '0.200000')],
      totalUsd: '0.300000',
      requests: 2,
      costPerRequestUsd: '0.150000000000',
      unpriced: 0,
    },
    {
      name: '10.000000 over 3 requests = 3.333333333333 per request (half-up at the pico-dollar)',
      rows: [day(3, '10.000000')],
      totalUsd: '10.000000',
      requests: 3,
      costPerRequestUsd: '3.333333333333',
      unpriced: 0,
    },
    {
      name: '0.000001 over 1,000 requests = 0.000000001 per request, below the API step',
      rows: [day(1000, '0.000001')],
      totalUsd: '0.000001',
      requests: 1000,
      costPerRequestUsd: '0.000000001000',
      unpriced: 0,
    },
    {
      name: '2 + 5 unpriced = 7; 4 + 6 requests = 10',
      rows: [day(4, '1.000000', 2), day(6, '2.000000', 5)],
      totalUsd: '3.000000',
      requests: 10,
      costPerRequestUsd: '0.300000000000',
      unpriced: 7,
    },
    {
      name: 'no rows: total 0, cost per request null (nothing to divide by)',
      rows: [],
      totalUsd: '0.000000',
      requests: 0,
      costPerRequestUsd: null,
      unpriced: 0,
    },
  ];

  it.each(cases)('$name', ({ name: _name, rows, ...expected }) => {
    expect(summarizeOverview(rows)).toEqual(expected);
  });
});
