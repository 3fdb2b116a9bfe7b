import { describe, expect, it } from 'vitest';
import { overviewDailyParams, toOverviewDailyRow } from '@/lib/api/overview-daily';

describe('overviewDailyParams', () => {
  const invalid = [
    { name: 'missing from', input: { to: '2026-01-01' }, message: 'from: must be a date YYYY-MM-DD' },
    {
      name: 'from not a date',
      input: { from: 'yesterday', to: '2026-01-01' },
      message: 'from: must be a date YYYY-MM-DD',
    },
    { name: 'to is Feb 30', input: { from: '2026-02-01', to: '2026-02-30' }, message: 'to: must be a date YYYY-MM-DD' },
    {
      name: 'to before from',
      input: { from: '2026-02-02', to: '2026-02-01' },
      message: 'to: must be on or after from',
    },
    {
      name: '2024-01-01..2026-01-01 = 732 days > 731',
      input: { from: '2024-01-01', to: '2026-01-01' },
      message: 'to: the range may span at most 731 days',
    },
  ];
  it.each(invalid)('rejects $name', ({ input, message }) => {
    const result = overviewDailyParams.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(`${issue?.path.join('.')}: ${issue?.message}`).toBe(message);
  });

  it('accepts 2024-01-02..2026-01-01 = 731 days', () => {
    expect(overviewDailyParams.parse({ from: '2024-01-02', to: '2026-01-01' })).toEqual({
      from: '2024-01-02',
      to: '2026-01-01',
    });
  });
});

describe('toOverviewDailyRow', () => {
  const cases = [
    {
      name: '12.345678900000 rounds to 12.345679 (half-up at 6 decimals)',
      numeric: '12.345678900000',
      usd: '12.345679',
    },
    { name: '0.000000499999 rounds to 0.000000', numeric: '0.000000499999', usd: '0.000000' },
    { name: '0.000000500000 rounds to 0.000001', numeric: '0.000000500000', usd: '0.000001' },
    { name: '96.14 pads to 96.140000', numeric: '96.14', usd: '96.140000' },
  ];
  it.each(cases)('$name', ({ numeric, usd }) => {
    const row = toOverviewDailyRow({
      day: '2026-01-01',
      requests: 3,
      tcoUsd: numeric,
      l1Usd: numeric,
      l2Usd: '0',
      l3Usd: '0',
      l4Usd: '0',
      baseUsd: numeric,
      unpriced: 1,
    });
    expect(row).toEqual({
      day: '2026-01-01',
      requests: 3,
      tco_usd: usd,
      l1_usd: usd,
      l2_usd: '0.000000',
      l3_usd: '0.000000',
      l4_usd: '0.000000',
      base_usd: usd,
      unpriced: 1,
    });
  });
});
