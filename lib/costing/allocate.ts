/**
 * The cost no single event carries, placed for ONE reporting day at the rollup grain so that every
 * slice adds up: idle GPU capacity (allocate-idle.ts), fixed costs (allocate-fixed.ts) and reviewer
 * time reported on outcomes. Pure: the caller loads the rows and writes the result.
 *
 * Rules of this file (the others document their own):
 * - Review (kind 'review', source 'review', layer 4): each row with outcomeReviewSeconds > 0 gets
 *   seconds (to the ms) x the reviewer rate of its team, with the same arithmetic as events
 *   (reviewCost). It is the row's own cost, so the unallocated line keeps its review time too.
 * - Allocations with the same grain, kind and source are merged (summed); zero amounts are omitted.
 * - Rows are merged by grain and sorted first, so the result does not depend on their order.
 *   Output order: idle by pool name, fixed costs by id, then review, each in row order.
 */
import type { Pico } from '../money';
import { allocateFixed, type FixedCostInput } from './allocate-fixed';
import { allocateIdle, type IdlePolicy, type PoolDayResult } from './allocate-idle';
import { canonicalRows, grainKey, grainOf, type Allocation, type DayRow } from './allocate-shared';
import { reviewCost } from './direct';
import type { PoolVersion } from './pricebook';

export { UNALLOCATED, type Allocation, type DayRow, type Grain } from './allocate-shared';
export { dailyShares, type FixedCostInput } from './allocate-fixed';
export { provisionedNanoHours, type IdlePolicy, type PoolDayResult } from './allocate-idle';

export interface DayInput {
  /** YYYY-MM-DD, for messages: the caller has already chosen the rows and versions of that day */
  day: string;
  rows: DayRow[];
  /** pool versions in force that day */
  pools: PoolVersion[];
  fixedCosts: FixedCostInput[];
  idlePolicy: IdlePolicy;
  /** micro-USD per hour */
  reviewerUsdPerHour: (team: string) => bigint;
}

export interface DayAllocation {
  allocations: Allocation[];
  pools: PoolDayResult[];
}

export function allocateDay(input: DayInput): DayAllocation {
  const rows = canonicalRows(input.rows);
  const idle = allocateIdle(rows, input.pools, input.idlePolicy);
  const fixed = [...input.fixedCosts].sort((a, b) => a.id - b.id).flatMap((cost) => allocateFixed(cost, rows));
  const review = rows.map((row): Allocation => ({
    ...grainOf(row),
    kind: 'review',
    source: 'review',
    layer: 4,
    amount: reviewCost(row.outcomeReviewSeconds, input.reviewerUsdPerHour(row.team)),
  }));
  return { allocations: merge([...idle.allocations, ...fixed, ...review]), pools: idle.pools };
}

/** Sums allocations of the same grain + kind + source, keeping first-seen order; drops zeros. */
function merge(allocations: readonly Allocation[]): Allocation[] {
  const byKey = new Map<string, Allocation>();
  for (const a of allocations) {
    const key = `${a.kind}\u0000${a.source}\u0000${grainKey(a)}`;
    const seen = byKey.get(key);
    if (seen) seen.amount += a.amount;
    else byKey.set(key, { ...a });
  }
  return [...byKey.values()].filter((a) => a.amount !== 0n);
}

/** The total of a set of allocations, for checks and summaries. */
export const totalOf = (allocations: readonly Allocation[]): Pico => allocations.reduce((s, a) => s + a.amount, 0n);
