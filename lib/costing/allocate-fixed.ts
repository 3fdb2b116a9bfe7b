/**
 * Fixed costs of one day (cut-model.md 1.3 "Fixed costs"), placed at the rollup grain.
 *
 * Rules (our choices where the spec is silent). "Rows" are the day's rows of every team but the
 * unallocated line, unfiltered, so a filtered view never moves a share. Every split is largest
 * remainder, so each cost's parts add up to its amount exactly.
 * - `assigned`: the rows of `team` and/or of `workloadClass` (null = any; both null places it
 *   on the unallocated row), by direct cost, else by requests. No such rows: one synthetic row
 *   {team ?? UNALLOCATED, class ?? UNALLOCATED, '__fixed__'}: it is still that team's cost.
 * - `weighted`: all rows by direct cost, else by requests; no rows: the unallocated row.
 * - `even`: 1/N to each team with requests > 0 that day (teams in name order, so the leftover
 *   pico goes to the first), then within the team by direct cost, else requests. None: unallocated.
 * - `fixed`: teams by `fixedShares` percent (weights = percent x 1e6, exact for 6 decimals),
 *   then within the team as for `even`; a team with no rows that day gets its synthetic row.
 * - `requests`, `output_tokens`, `accepted_workflows`: all rows by that metric; zero: unallocated.
 * - The unallocated row is team and class UNALLOCATED, model and provider '__fixed__', pool ''.
 */
import { allocate, type Pico } from '../money';
import {
  BY,
  UNALLOCATED,
  place,
  sharingRows,
  syntheticGrain,
  type Allocation,
  type DayRow,
  type Part,
  type Weigh,
} from './allocate-shared';
import type { ALLOCATION_RULES } from './pricebook';

type AllocationRule = (typeof ALLOCATION_RULES)[number];

export interface FixedCostInput {
  id: number;
  name: string;
  layer: 2 | 4 | 5;
  rule: AllocationRule;
  team: string | null;
  workloadClass: string | null;
  /** rule `fixed`: team -> percent, summing to 100 */
  fixedShares: Record<string, number> | null;
  /** pico: this day's share of the monthly amount (dailyShares) */
  amount: Pico;
}

const WITHIN: readonly Weigh[] = [BY.direct, BY.requests];
const METRIC: Partial<Record<AllocationRule, Weigh>> = {
  requests: BY.requests,
  output_tokens: BY.outputTokens,
  accepted_workflows: BY.acceptedWorkflows,
};
const UNPLACED = syntheticGrain(UNALLOCATED, UNALLOCATED, '__fixed__');
const teamGrain = (team: string, workloadClass: string | null = null) =>
  syntheticGrain(team, workloadClass ?? UNALLOCATED, '__fixed__');

/** `rows` must be canonical (canonicalRows) so the pico rounding does not depend on input order. */
export function allocateFixed(cost: FixedCostInput, rows: readonly DayRow[]): Allocation[] {
  const sharing = sharingRows(rows);
  return partsFor(cost, sharing).map((p) => ({
    ...p.grain,
    kind: 'fixed',
    source: String(cost.id),
    layer: cost.layer,
    amount: p.amount,
  }));
}

function partsFor(cost: FixedCostInput, rows: readonly DayRow[]): Part[] {
  const { amount } = cost;
  switch (cost.rule) {
    case 'assigned': {
      const { team, workloadClass } = cost;
      if (team === null && workloadClass === null) return place(amount, [], [], UNPLACED);
      const mine = rows.filter(
        (r) => (team === null || r.team === team) && (workloadClass === null || r.workloadClass === workloadClass),
      );
      return place(amount, mine, WITHIN, teamGrain(team ?? UNALLOCATED, workloadClass));
    }
    case 'weighted':
      return place(amount, rows, WITHIN, UNPLACED);
    case 'even': {
      const active = teamsOf(rows.filter((r) => r.requests > 0));
      return overTeams(
        amount,
        active.map((team) => ({ team, weight: 1n })),
        rows,
      );
    }
    case 'fixed':
      return overTeams(amount, percentWeights(cost), rows);
    default: {
      const metric = METRIC[cost.rule];
      if (!metric) throw new RangeError(`fixed cost ${cost.id}: unknown allocation rule ${String(cost.rule)}`);
      return place(amount, rows, [metric], UNPLACED);
    }
  }
}

/** Splits over teams first, then within each team; a team without rows keeps its part on its own line. */
function overTeams(amount: Pico, teams: ReadonlyArray<{ team: string; weight: bigint }>, rows: readonly DayRow[]) {
  if (teams.length === 0 || teams.every((t) => t.weight === 0n)) return place(amount, [], [], UNPLACED);
  const perTeam = allocate(
    amount,
    teams.map((t) => t.weight),
  );
  return teams.flatMap(({ team }, i) =>
    place(
      perTeam[i]!,
      rows.filter((r) => r.team === team),
      WITHIN,
      teamGrain(team),
    ),
  );
}

function percentWeights(cost: FixedCostInput): Array<{ team: string; weight: bigint }> {
  const shares = Object.entries(cost.fixedShares ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return shares.map(([team, percent]) => {
    if (!Number.isFinite(percent) || percent < 0) {
      throw new RangeError(`fixed cost ${cost.id}: share of ${team} must be a percent >= 0, got ${percent}`);
    }
    return { team, weight: BigInt(Math.round(percent * 1e6)) };
  });
}

const teamsOf = (rows: readonly DayRow[]) => [...new Set(rows.map((r) => r.team))].sort();

/**
 * A monthly amount split over the month's days (index 0 = day 1), summing exactly: the spec's
 * "amount x days / days in month" with the leftover picos on the earliest days (largest remainder).
 */
export function dailyShares(monthly: Pico, year: number, month: number): Pico[] {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`not a month: ${year}-${month}`);
  }
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return allocate(monthly, new Array<bigint>(days).fill(1n));
}
