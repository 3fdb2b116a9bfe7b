/**
 * Idle capacity and fixed costs of a what-if: every settled day of the period is allocated again
 * by the engine's own `allocateDay`, once over the observed rows and once over the rows the
 * what-if moved, so idle and shared costs follow the change exactly as the bill would.
 */
import { allocateDay, type Allocation, type DayRow, type FixedCostInput, type Grain } from '../costing/allocate';
import type { IdlePolicy } from '../costing/allocate';
import type { PoolVersion } from '../costing/pricebook';
import type { Pico } from '../money';
import type { RowDelta } from './ledger';

/** What settling one day takes, loaded by the caller exactly as costing/settle.ts loads it. */
export interface DayInputs {
  day: string;
  rows: DayRow[];
  pools: PoolVersion[];
  fixedCosts: FixedCostInput[];
  reviewerUsdPerHour: (team: string) => bigint;
}

/** Allocated cost of the slice in view (by layer, with idle apart) and the organisation's TCO. */
export interface AllocationTotals {
  l2: Pico;
  idle: Pico;
  l4: Pico;
  l5: Pico;
  /** every team's direct cost plus every allocation */
  organisation: Pico;
}

/** A pool the what-if fills beyond what it provisions (more than the observed calls already did). */
interface PoolStrain {
  pool: string;
  days: number;
  overNanoHours: bigint;
}

/**
 * Over the days the what-if touches (a day it leaves alone allocates as observed): what the
 * re-allocation gives minus what it gives for the observed rows, for the slice and for everyone.
 */
export interface Projection {
  difference: AllocationTotals;
  strained: PoolStrain[];
}

const key = (g: Grain) => [g.team, g.workloadClass, g.model, g.provider, g.pool].join('\u0000');

/** The day's rows with the what-if's differences added; a row the change creates starts at zero. */
export function applyRowDeltas(rows: readonly DayRow[], deltas: readonly RowDelta[]): DayRow[] {
  const byKey = new Map(rows.map((r) => [key(r), { ...r }]));
  for (const d of deltas) {
    let row = byKey.get(key(d.grain));
    if (!row) {
      row = {
        ...d.grain,
        requests: 0,
        outputTokens: 0,
        gpuNanoHours: 0n,
        direct: 0n,
        acceptedWorkflows: 0,
        outcomeReviewSeconds: 0,
      };
      byKey.set(key(d.grain), row);
    }
    row.requests += d.requests;
    row.outputTokens += d.outputTokens;
    row.gpuNanoHours += d.gpuNanoHours;
    row.direct += d.direct;
    row.acceptedWorkflows += d.acceptedWorkflows;
  }
  return [...byKey.values()];
}

/** A pool with another GPU count: a provisioned schedule scales with it (half-up to the micro-hour). */
export function resizePool(pool: PoolVersion, gpuCount: number | undefined): PoolVersion {
  if (gpuCount === undefined || gpuCount === pool.gpuCount) return pool;
  const perDay = pool.provisionedGpuHoursPerDay;
  const scaled =
    perDay === null || pool.gpuCount === 0
      ? perDay
      : (perDay * BigInt(gpuCount) * 2n + BigInt(pool.gpuCount)) / (2n * BigInt(pool.gpuCount));
  return { ...pool, gpuCount, provisionedGpuHoursPerDay: scaled };
}

function totals(allocations: readonly Allocation[], direct: Pico, inScope: (g: Grain) => boolean): AllocationTotals {
  const t: AllocationTotals = { l2: 0n, idle: 0n, l4: 0n, l5: 0n, organisation: direct };
  for (const a of allocations) {
    t.organisation += a.amount;
    if (!inScope(a)) continue;
    if (a.layer === 2) t.l2 += a.amount;
    if (a.layer === 4) t.l4 += a.amount;
    if (a.layer === 5) t.l5 += a.amount;
    if (a.kind === 'idle') t.idle += a.amount;
  }
  return t;
}

function add(into: AllocationTotals, t: AllocationTotals): void {
  into.l2 += t.l2;
  into.idle += t.idle;
  into.l4 += t.l4;
  into.l5 += t.l5;
  into.organisation += t.organisation;
}

const zero = (): AllocationTotals => ({ l2: 0n, idle: 0n, l4: 0n, l5: 0n, organisation: 0n });
const directOf = (rows: readonly DayRow[]) => rows.reduce((s, r) => s + r.direct, 0n);
const minus = (a: AllocationTotals, b: AllocationTotals): AllocationTotals => ({
  l2: a.l2 - b.l2,
  idle: a.idle - b.idle,
  l4: a.l4 - b.l4,
  l5: a.l5 - b.l5,
  organisation: a.organisation - b.organisation,
});

export function projectDays(
  days: readonly DayInputs[],
  deltasByDay: ReadonlyMap<string, readonly RowDelta[]>,
  opts: { idlePolicy: IdlePolicy; poolGpuCounts: Readonly<Record<string, number>>; inScope: (g: Grain) => boolean },
): Projection {
  const difference = zero();
  const strain = new Map<string, PoolStrain>();
  for (const input of days) {
    const deltas = deltasByDay.get(input.day) ?? [];
    const pools = input.pools.map((p) => resizePool(p, opts.poolGpuCounts[p.name]));
    if (deltas.length === 0 && pools.every((p, i) => p === input.pools[i])) continue;
    const observed = allocateDay({ ...input, idlePolicy: opts.idlePolicy });
    const rows = applyRowDeltas(input.rows, deltas);
    const changed = allocateDay({ ...input, rows, pools, idlePolicy: opts.idlePolicy });
    add(
      difference,
      minus(
        totals(changed.allocations, directOf(rows), opts.inScope),
        totals(observed.allocations, directOf(input.rows), opts.inScope),
      ),
    );
    const before = new Map(observed.pools.map((p) => [p.pool, p.overReportedNanoHours]));
    for (const p of changed.pools) {
      const extra = p.overReportedNanoHours - (before.get(p.pool) ?? 0n);
      if (extra <= 0n) continue;
      const s = strain.get(p.pool) ?? { pool: p.pool, days: 0, overNanoHours: 0n };
      s.days += 1;
      s.overNanoHours += extra;
      strain.set(p.pool, s);
    }
  }
  return { difference, strained: [...strain.values()] };
}
