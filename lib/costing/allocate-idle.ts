/**
 * Idle GPU capacity of one day (cut-model.md 1.3 "Allocation policy", 3 "Idle capacity"), per pool.
 *
 * Rules (our choices where the spec is silent):
 * - Provisioned = `provisionedGpuHoursPerDay` (micro GPU-hours) or, when null (always on),
 *   gpuCount x 24 h. Billing 'hour' rounds it UP to whole GPU-hours, because hourly rounding is
 *   what the provider bills; 'second' takes it as given.
 * - Used = the GPU time of the day's rows on that pool, taken as reported (every team, the
 *   unallocated line included: the time was used). Idle = max(0, provisioned - used);
 *   over-reported = max(0, used - provisioned), flagged and never billed a second time.
 * - Idle cost = idle nano-hours x rate micro-USD (= femto-USD) / 1000, rounded once to the pico.
 * - `share`: split over the pool's rows by GPU time; when none was reported, by output tokens;
 *   when those are zero too, by requests; when the pool had no users, to the unallocated line.
 *   `separate`: all of it on the unallocated line. Unallocated rows never receive shares.
 * - The unallocated line for idle is team and class UNALLOCATED, model and provider '__idle__',
 *   pool = the pool, so idle stays visible per pool in every view. Layer 2, source = pool name.
 * - A pool the price book does not know has no provisioned capacity or rate: no idle, no result
 *   (its events are already flagged unpriced by direct costing).
 * - Several versions of one pool that day: the latest `effectiveFrom` wins (the book as it stands
 *   at the end of the day), since idle time has no timestamp to pick a version by.
 */
import { divRound, type Pico } from '../money';
import {
  BY,
  UNALLOCATED,
  place,
  sharingRows,
  syntheticGrain,
  type Allocation,
  type DayRow,
  type Weigh,
} from './allocate-shared';
import type { IDLE_POLICIES, PoolVersion } from './pricebook';

export type IdlePolicy = (typeof IDLE_POLICIES)[number];

export interface PoolDayResult {
  pool: string;
  /** micro-USD */
  usdPerGpuHour: bigint;
  provisionedNanoHours: bigint;
  usedNanoHours: bigint;
  idleNanoHours: bigint;
  overReportedNanoHours: bigint;
  /** pico */
  idle: Pico;
}

const NANO_PER_HOUR = 1_000_000_000n;
const NANO_PER_MICRO = 1_000n;
const SHARE_BY: readonly Weigh[] = [BY.gpu, BY.outputTokens, BY.requests];

/** GPU nano-hours billed for the day, after the billing granularity's rounding. */
export function provisionedNanoHours(pool: PoolVersion): bigint {
  const given =
    pool.provisionedGpuHoursPerDay === null
      ? BigInt(pool.gpuCount) * 24n * NANO_PER_HOUR
      : pool.provisionedGpuHoursPerDay * NANO_PER_MICRO;
  if (pool.billingGranularity === 'second') return given;
  return ((given + NANO_PER_HOUR - 1n) / NANO_PER_HOUR) * NANO_PER_HOUR;
}

/** One version per pool name: the latest effective one (see the rules above). */
function latestVersions(pools: readonly PoolVersion[]): PoolVersion[] {
  const byName = new Map<string, PoolVersion>();
  for (const p of pools) {
    const seen = byName.get(p.name);
    if (!seen || p.effectiveFrom.getTime() > seen.effectiveFrom.getTime()) byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function poolDay(pool: PoolVersion, rows: readonly DayRow[]): PoolDayResult {
  const provisioned = provisionedNanoHours(pool);
  const used = rows.filter((r) => r.pool === pool.name).reduce((sum, r) => sum + r.gpuNanoHours, 0n);
  const idleNanoHours = provisioned > used ? provisioned - used : 0n;
  return {
    pool: pool.name,
    usdPerGpuHour: pool.usdPerGpuHour,
    provisionedNanoHours: provisioned,
    usedNanoHours: used,
    idleNanoHours,
    overReportedNanoHours: used > provisioned ? used - provisioned : 0n,
    idle: divRound(idleNanoHours * pool.usdPerGpuHour, NANO_PER_MICRO),
  };
}

/** `rows` must be canonical (canonicalRows) so the pico rounding does not depend on input order. */
export function allocateIdle(
  rows: readonly DayRow[],
  pools: readonly PoolVersion[],
  policy: IdlePolicy,
): { allocations: Allocation[]; pools: PoolDayResult[] } {
  const allocations: Allocation[] = [];
  const results: PoolDayResult[] = [];
  for (const pool of latestVersions(pools)) {
    const result = poolDay(pool, rows);
    results.push(result);
    const unallocated = syntheticGrain(UNALLOCATED, UNALLOCATED, '__idle__', pool.name);
    const users = policy === 'share' ? sharingRows(rows).filter((r) => r.pool === pool.name) : [];
    for (const part of place(result.idle, users, SHARE_BY, unallocated)) {
      allocations.push({ ...part.grain, kind: 'idle', source: pool.name, layer: 2, amount: part.amount });
    }
  }
  return { allocations, pools: results };
}
