/**
 * Shapes and helpers shared by the day allocator (allocate.ts): the rollup grain, a day's rows,
 * and `place`, which splits an amount over rows so the parts add up to it exactly.
 */
import { allocate, type Pico } from '../money';

/** The team (and class) that carries cost no rule can place: shown as its own line, never hidden. */
export const UNALLOCATED = '__unallocated__';

export interface Grain {
  team: string;
  workloadClass: string;
  model: string;
  provider: string;
  /** '' = managed API */
  pool: string;
}

export interface DayRow extends Grain {
  requests: number;
  outputTokens: number;
  /** GPU time reported on this row (events on `pool`) */
  gpuNanoHours: bigint;
  /** pico: the row's direct cost L1+L2+L3+L4 from events */
  direct: Pico;
  acceptedWorkflows: number;
  /** reviewer time reported on outcomes for workflows attributed to this row */
  outcomeReviewSeconds: number;
}

export interface Allocation extends Grain {
  kind: 'idle' | 'fixed' | 'review';
  /** pool name | String(fixed cost id) | 'review' */
  source: string;
  layer: 2 | 4 | 5;
  /** pico */
  amount: Pico;
}

export interface Part {
  grain: Grain;
  amount: Pico;
}

export const grainKey = (g: Grain): string => [g.team, g.workloadClass, g.model, g.provider, g.pool].join('\u0000');

/** Copies only the grain, so extra row fields never leak into an allocation. */
export const grainOf = (g: Grain): Grain => ({
  team: g.team,
  workloadClass: g.workloadClass,
  model: g.model,
  provider: g.provider,
  pool: g.pool,
});

/** A row that exists only to carry a cost nobody's events reported (model/provider name the kind). */
export function syntheticGrain(team: string, workloadClass: string, tag: '__idle__' | '__fixed__', pool = ''): Grain {
  return { team, workloadClass, model: tag, provider: tag, pool };
}

export type Weigh = (row: DayRow) => bigint;

export const BY = {
  gpu: (r) => r.gpuNanoHours,
  direct: (r) => r.direct,
  requests: (r) => BigInt(r.requests),
  outputTokens: (r) => BigInt(r.outputTokens),
  acceptedWorkflows: (r) => BigInt(r.acceptedWorkflows),
} satisfies Record<string, Weigh>;

/**
 * Splits `amount` over `rows` by the first weighing whose total is positive (largest remainder,
 * so the parts sum exactly); when none has one, all of it lands on `fallback`. Nothing is lost.
 */
export function place(amount: Pico, rows: readonly DayRow[], weighings: readonly Weigh[], fallback: Grain): Part[] {
  if (amount === 0n) return [];
  for (const weigh of weighings) {
    const weights = rows.map(weigh);
    // A negative weight could cancel a positive one and make money vanish; it is a caller bug.
    if (weights.some((w) => w < 0n)) throw new RangeError('allocation weights must not be negative');
    if (weights.some((w) => w > 0n)) {
      return allocate(amount, weights).map((a, i) => ({ grain: grainOf(rows[i]!), amount: a }));
    }
  }
  return [{ grain: fallback, amount }];
}

/**
 * Rows merged by grain and sorted by it: largest-remainder ties go to the earlier row, so a fixed
 * order keeps every pico where it was whatever order the caller read the rows in.
 */
export function canonicalRows(rows: readonly DayRow[]): DayRow[] {
  const byKey = new Map<string, DayRow>();
  for (const r of rows) {
    const key = grainKey(r);
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            requests: seen.requests + r.requests,
            outputTokens: seen.outputTokens + r.outputTokens,
            gpuNanoHours: seen.gpuNanoHours + r.gpuNanoHours,
            direct: seen.direct + r.direct,
            acceptedWorkflows: seen.acceptedWorkflows + r.acceptedWorkflows,
            outcomeReviewSeconds: seen.outcomeReviewSeconds + r.outcomeReviewSeconds,
          }
        : { ...grainOf(r), ...pick(r) },
    );
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

function pick(r: DayRow): Omit<DayRow, keyof Grain> {
  const { requests, outputTokens, gpuNanoHours, direct, acceptedWorkflows, outcomeReviewSeconds } = r;
  return { requests, outputTokens, gpuNanoHours, direct, acceptedWorkflows, outcomeReviewSeconds };
}

/** Rows that may receive a share: the unallocated line holds what no rule placed, never a share of more. */
export const sharingRows = (rows: readonly DayRow[]): DayRow[] => rows.filter((r) => r.team !== UNALLOCATED);
