import { z } from 'zod';
import { isValidRange, MAX_RANGE_DAYS, type DayRange } from '../dates/range';
import { isIsoDay } from '../dates/days';
import { picoToUsd, usdToPico } from '../money';

/** One reporting day on the wire: money as 6-decimal USD strings, counts as integers. */
export interface OverviewDailyRow {
  day: string;
  requests: number;
  tco_usd: string;
  l1_usd: string;
  l2_usd: string;
  l3_usd: string;
  l4_usd: string;
  base_usd: string;
  unpriced: number;
}

export interface OverviewDailyBody {
  rows: OverviewDailyRow[];
}

/** What the daily-totals query yields; money as SQL numeric text at any scale. */
export interface DailyTotalsInput {
  day: string;
  requests: number;
  tcoUsd: string;
  l1Usd: string;
  l2Usd: string;
  l3Usd: string;
  l4Usd: string;
  baseUsd: string;
  unpriced: number;
}

const day = z.string({ error: 'must be a date YYYY-MM-DD' }).refine(isIsoDay, { error: 'must be a date YYYY-MM-DD' });

export const overviewDailyParams = z
  .object({ from: day, to: day })
  .refine((r) => r.from <= r.to, { path: ['to'], error: 'must be on or after from' })
  .refine((r) => r.from > r.to || isValidRange(r), {
    path: ['to'],
    error: `the range may span at most ${MAX_RANGE_DAYS} days`,
  }) satisfies z.ZodType<DayRange>;

const usd6 = (numeric: string): string => picoToUsd(usdToPico(numeric), 6);

export function toOverviewDailyRow(row: DailyTotalsInput): OverviewDailyRow {
  return {
    day: row.day,
    requests: row.requests,
    tco_usd: usd6(row.tcoUsd),
    l1_usd: usd6(row.l1Usd),
    l2_usd: usd6(row.l2Usd),
    l3_usd: usd6(row.l3Usd),
    l4_usd: usd6(row.l4Usd),
    base_usd: usd6(row.baseUsd),
    unpriced: row.unpriced,
  };
}
