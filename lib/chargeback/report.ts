/**
 * A month's chargeback from its cost lines: one row per team (and the unallocated line), every
 * money figure rounded to the cent so that everything adds up exactly:
 * - the month's TCO is rounded once (half-up) and shared over the rows by largest remainder;
 *   corrections are rounded and shared the same way, separately;
 * - within a row, the five layers share the row's TCO, and so do direct/idle/shared/assigned.
 * Ratios (share of total, cost per accepted workflow) come from the exact figures.
 */
import { UNALLOCATED } from '../costing/allocate-shared';
import { divRound, type Pico } from '../money';
import { apportion, roundTo } from './apportion';
import { forecast, thresholdReached, usedRatio, type Threshold } from './budget';
import { lineTotal, type CostLine } from './lines';
import type { Month } from './month';
import { costKindOf, COST_KINDS, type CostKind, type Policies } from './policies';

export const CENT: Pico = 10_000_000_000n;
const PICO_PER_MICRO = 1_000_000n;

export interface ReportInput {
  month: Month;
  lines: readonly CostLine[];
  /** corrections of earlier closed months booked (or to be booked) in this month */
  corrections: readonly CostLine[];
  policies: Policies;
  /** team slug -> display name */
  teamNames: ReadonlyMap<string, string>;
  /** team slug -> monthly budget, pico */
  budgets: ReadonlyMap<string, Pico>;
  /** reporting day now, for the forecast */
  today: string;
}

interface BudgetStatus {
  monthly: Pico;
  used: number;
  forecast: Pico | null;
  forecastUsed: number | null;
  actualThreshold: Threshold | null;
  forecastThreshold: Threshold | null;
}

export interface Figures {
  /** L1..L5, in cents (as pico), adding up to `tco` */
  layers: [Pico, Pico, Pico, Pico, Pico];
  /** direct, idle, shared, assigned, in cents, adding up to `tco` */
  kinds: Record<CostKind, Pico>;
  tco: Pico;
  correction: Pico;
  /** tco + correction: what the row is charged */
  total: Pico;
  requests: bigint;
  outputTokens: bigint;
  acceptedWorkflows: bigint;
  usefulNano: bigint;
}

export interface TeamRow extends Figures {
  team: string;
  name: string;
  exactTco: Pico;
  exactCorrection: Pico;
  shareOfTotal: number | null;
  /** exact TCO / accepted workflows, rounded to the micro-dollar (pico) */
  costPerAccepted: Pico | null;
  budget: BudgetStatus | null;
}

export interface ChargebackReport {
  month: Month;
  rows: TeamRow[];
  unallocated: TeamRow | null;
  totals: Figures;
  /** exact sums, for the reconciliation line */
  exactTco: Pico;
  exactCorrections: Pico;
}

interface Acc {
  layers: Pico[];
  kinds: Record<CostKind, Pico>;
  correction: Pico;
  completeDays: Pico;
  requests: bigint;
  outputTokens: bigint;
  acceptedWorkflows: bigint;
  usefulNano: bigint;
}

const newAcc = (): Acc => ({
  layers: [0n, 0n, 0n, 0n, 0n],
  kinds: { direct: 0n, idle: 0n, shared: 0n, assigned: 0n },
  correction: 0n,
  completeDays: 0n,
  requests: 0n,
  outputTokens: 0n,
  acceptedWorkflows: 0n,
  usefulNano: 0n,
});

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

export function buildChargebackReport(input: ReportInput): ChargebackReport {
  const byTeam = new Map<string, Acc>();
  const acc = (team: string) => {
    let a = byTeam.get(team);
    if (!a) byTeam.set(team, (a = newAcc()));
    return a;
  };
  for (const line of input.lines) {
    const a = acc(line.team);
    [line.l1, line.l2, line.l3, line.l4, line.l5].forEach((v, i) => (a.layers[i]! += v));
    a.kinds[costKindOf(line, input.policies)] += lineTotal(line);
    if (line.day < input.today) a.completeDays += lineTotal(line);
    a.requests += line.requests;
    a.outputTokens += line.outputTokens;
    a.acceptedWorkflows += line.acceptedWorkflows;
    a.usefulNano += line.usefulNano;
  }
  for (const line of input.corrections) acc(line.team).correction += lineTotal(line);

  // A fixed order (by slug) makes largest-remainder ties land the same way on every run.
  const teams = [...byTeam.keys()].sort();
  const exact = teams.map((t) => sum(byTeam.get(t)!.layers));
  const exactCorr = teams.map((t) => byTeam.get(t)!.correction);
  const exactTco = sum(exact);
  const exactCorrections = sum(exactCorr);
  const tcoCents = apportion(exact, CENT, roundTo(exactTco, CENT));
  const corrCents = apportion(exactCorr, CENT, roundTo(exactCorrections, CENT));

  const rows = teams.map((team, i): TeamRow => {
    const a = byTeam.get(team)!;
    const tco = tcoCents[i]!;
    const kindCents = apportion(
      COST_KINDS.map((k) => a.kinds[k]),
      CENT,
      tco,
    );
    const figures: Figures = {
      layers: apportion(a.layers, CENT, tco) as Figures['layers'],
      kinds: Object.fromEntries(COST_KINDS.map((k, j) => [k, kindCents[j]!])) as Record<CostKind, Pico>,
      tco,
      correction: corrCents[i]!,
      total: tco + corrCents[i]!,
      requests: a.requests,
      outputTokens: a.outputTokens,
      acceptedWorkflows: a.acceptedWorkflows,
      usefulNano: a.usefulNano,
    };
    const budget = input.budgets.get(team);
    return {
      ...figures,
      team,
      name: input.teamNames.get(team) ?? team,
      exactTco: exact[i]!,
      exactCorrection: exactCorr[i]!,
      shareOfTotal: exactTco === 0n ? null : Number((exact[i]! * 1_000_000_000n) / exactTco) / 1e9,
      costPerAccepted:
        a.acceptedWorkflows === 0n ? null : divRound(exact[i]!, a.acceptedWorkflows * PICO_PER_MICRO) * PICO_PER_MICRO,
      budget: budget === undefined ? null : budgetStatus(input, budget, exact[i]! + exactCorr[i]!, a),
    };
  });

  const unallocated = rows.find((r) => r.team === UNALLOCATED) ?? null;
  const teamRows = rows
    .filter((r) => r.team !== UNALLOCATED)
    .sort((a, b) => (a.tco === b.tco ? (a.team < b.team ? -1 : 1) : a.tco > b.tco ? -1 : 1));
  return { month: input.month, rows: teamRows, unallocated, totals: addUp(rows), exactTco, exactCorrections };
}

function budgetStatus(input: ReportInput, monthly: Pico, actual: Pico, a: Acc): BudgetStatus {
  const projected = forecast({
    month: input.month,
    today: input.today,
    completeDaysCost: a.completeDays,
    actual,
    corrections: a.correction,
  });
  return {
    monthly,
    used: usedRatio(actual, monthly),
    forecast: projected,
    forecastUsed: projected === null ? null : usedRatio(projected, monthly),
    actualThreshold: thresholdReached(actual, monthly),
    forecastThreshold: projected === null ? null : thresholdReached(projected, monthly),
  };
}

/** The totals line: the sum of the rounded rows, so the table adds up as printed. */
export function addUp(rows: readonly Figures[]): Figures {
  const total: Figures = {
    layers: [0n, 0n, 0n, 0n, 0n],
    kinds: { direct: 0n, idle: 0n, shared: 0n, assigned: 0n },
    tco: 0n,
    correction: 0n,
    total: 0n,
    requests: 0n,
    outputTokens: 0n,
    acceptedWorkflows: 0n,
    usefulNano: 0n,
  };
  for (const r of rows) {
    r.layers.forEach((v, i) => (total.layers[i]! += v));
    for (const k of COST_KINDS) total.kinds[k] += r.kinds[k];
    total.tco += r.tco;
    total.correction += r.correction;
    total.total += r.total;
    total.requests += r.requests;
    total.outputTokens += r.outputTokens;
    total.acceptedWorkflows += r.acceptedWorkflows;
    total.usefulNano += r.usefulNano;
  }
  return total;
}
