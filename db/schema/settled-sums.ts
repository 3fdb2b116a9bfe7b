import { index, numeric, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { grainColumns, usd } from './columns';

/**
 * What the metrics query would otherwise work out per read, kept per day at the rollup grain and
 * rebuilt with the day's allocations when it is settled (reads settle first): the allocations
 * summed by layer (a few rows per grain instead of one per source), and the latency and TTFT
 * histograms of daily_rollups packed into one number each (lib/histogram.ts), so a group's
 * histogram is one numeric sum instead of one sum per bucket. A null sum means no such rows.
 */
export const settledSums = pgTable(
  'settled_sums',
  {
    ...grainColumns(),
    allocL2Usd: usd('alloc_l2_usd'),
    /** the idle-capacity part of alloc_l2_usd */
    idleUsd: usd('idle_usd'),
    allocL4Usd: usd('alloc_l4_usd'),
    allocL5Usd: usd('alloc_l5_usd'),
    latencyPacked: numeric('latency_packed'),
    ttftPacked: numeric('ttft_packed'),
  },
  (t) => [
    primaryKey({ columns: [t.team, t.day, t.workloadClass, t.model, t.provider, t.pool] }),
    index('settled_sums_day_idx').on(t.day),
  ],
);
