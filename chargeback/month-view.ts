import { settleDays } from '../costing/settle';
import type { Database } from '../db/client';
import { getBookedCorrections, getFrozenLines, getLiveLines } from '../db/queries/chargeback-lines';
import { getClosedMonths, getPolicies, getTeamNames, type ClosedMonth } from '../db/queries/chargeback-meta';
import { getBudgetsForMonth } from '../db/queries/budgets';
import { getTelemetrySpan } from '../db/queries/day-rows';
import { getMetricSums } from '../db/queries/metrics';
import { getSettings } from '../db/queries/settings';
import { diffLines, totalOf, type CostLine } from '../lib/chargeback/lines';
import { firstOpenAfter, monthOf, monthProblem, monthRange, monthsBetween, type Month } from '../lib/chargeback/month';
import type { Policies } from '../lib/chargeback/policies';
import { buildChargebackReport, type ChargebackReport } from '../lib/chargeback/report';
import { InvalidQueryError } from '../lib/errors';
import { parseDecimal, usdToPico, type Pico } from '../lib/money';
import { reportingDayFormatter } from '../lib/reporting-day';

/** Everything a month's chargeback is built from, live for an open month and frozen for a closed one. */
export interface MonthView {
  month: Month;
  today: string;
  timeZone: string;
  closed: ClosedMonth | null;
  lines: CostLine[];
  /** corrections of earlier closed months that this month carries (booked, or to be booked at its close) */
  corrections: Array<{ month: Month; lines: CostLine[] }>;
  /** a closed month only: how far its live figures have moved since, and the month that will carry it */
  pending: { total: Pico; bookIn: Month } | null;
  policies: Policies;
  teamNames: Map<string, string>;
  budgets: Map<string, Pico>;
  /** the costing engine's own total for the month (the frozen one when closed), for the reconciliation */
  engineTco: Pico;
  report: ChargebackReport;
}

/** The reporting day now, in the configured time zone. */
export async function reportingToday(db: Database, now = new Date()): Promise<{ today: string; timeZone: string }> {
  const { reporting_time_zone: timeZone } = await getSettings(db);
  return { today: reportingDayFormatter(timeZone)(now), timeZone };
}

/** Validates `month` against today (malformed or future: a 400 naming the field). */
export async function assertReportableMonth(db: Database, month: string, field = 'month', now = new Date()) {
  const { today } = await reportingToday(db, now);
  const problem = monthProblem(month, today);
  if (problem) throw new InvalidQueryError(`${field}: ${problem}`);
  return today;
}

/** The live cost of a month with its earlier settles done first, so it matches the metrics API. */
async function liveLines(db: Database, month: Month): Promise<CostLine[]> {
  const range = monthRange(month);
  await settleDays(db, range);
  return getLiveLines(db, range);
}

/** What moved in closed month `month` since it was frozen, less what later closes already booked. */
export async function driftOf(db: Database, month: Month): Promise<CostLine[]> {
  const range = monthRange(month);
  const [live, frozen, booked] = await Promise.all([
    liveLines(db, month),
    getFrozenLines(db, range),
    getBookedCorrections(db, { range }),
  ]);
  return diffLines(live, frozen, booked);
}

/** The corrections an open month carries: the drift of every closed month whose next open month it is. */
async function pendingCorrections(
  db: Database,
  month: Month,
  closed: readonly ClosedMonth[],
): Promise<Array<{ month: Month; lines: CostLine[] }>> {
  const closedSet = new Set(closed.map((c) => c.month));
  const out: Array<{ month: Month; lines: CostLine[] }> = [];
  for (const c of closed) {
    if (c.month < month && firstOpenAfter(c.month, closedSet) === month) {
      const lines = await driftOf(db, c.month);
      if (lines.length) out.push({ month: c.month, lines });
    }
  }
  return out;
}

async function engineTotal(db: Database, month: Month): Promise<Pico> {
  const [sums] = await getMetricSums(db, { ...monthRange(month), groupBy: [], filters: {} });
  if (!sums) return 0n;
  return [sums.l1Usd, sums.l2Usd, sums.l3Usd, sums.l4Usd, sums.allocL2Usd, sums.allocL4Usd, sums.allocL5Usd]
    .map(usdToPico)
    .reduce((a, b) => a + b, 0n);
}

export async function loadMonthView(db: Database, month: Month, now = new Date()): Promise<MonthView> {
  const today = await assertReportableMonth(db, month, 'month', now);
  const { timeZone } = await reportingToday(db, now);
  const closedMonths = await getClosedMonths(db);
  const closed = closedMonths.find((c) => c.month === month) ?? null;
  const range = monthRange(month);

  let lines: CostLine[];
  let corrections: MonthView['corrections'];
  let pending: MonthView['pending'] = null;
  let policies: Policies;
  let engineTco: Pico;
  if (closed) {
    lines = await getFrozenLines(db, range);
    const booked = await getBookedCorrections(db, { bookedMonth: month });
    corrections = groupByMonth(booked);
    policies = closed.policies;
    engineTco = usdToPico(closed.tcoUsd);
    const drift = await driftOf(db, month);
    if (drift.length) {
      pending = { total: totalOf(drift), bookIn: firstOpenAfter(month, new Set(closedMonths.map((c) => c.month))) };
    }
  } else {
    lines = await liveLines(db, month);
    corrections = await pendingCorrections(db, month, closedMonths);
    policies = await getPolicies(db, range);
    engineTco = await engineTotal(db, month);
  }
  const [teamNames, budgetRows] = await Promise.all([getTeamNames(db), getBudgetsForMonth(db, month)]);
  const budgets = new Map(budgetRows.map((b) => [b.team, parseDecimal(b.monthlyUsd, 12)]));
  const report = buildChargebackReport({
    month,
    lines,
    corrections: corrections.flatMap((c) => c.lines),
    policies,
    teamNames,
    budgets,
    today,
  });
  return {
    month,
    today,
    timeZone,
    closed,
    lines,
    corrections,
    pending,
    policies,
    teamNames,
    budgets,
    engineTco,
    report,
  };
}

const groupByMonth = (lines: readonly CostLine[]) => {
  const by = new Map<Month, CostLine[]>();
  for (const l of lines) {
    const list = by.get(monthOf(l.day));
    if (list) list.push(l);
    else by.set(monthOf(l.day), [l]);
  }
  return [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, ls]) => ({ month, lines: ls }));
};

export interface MonthStatus {
  month: Month;
  status: 'open' | 'closed';
  ended: boolean;
  closedAt: string | null;
  closedBy: string | null;
}

/** Months from the first with telemetry (or the first closed) to the current one, newest first. */
export async function listMonths(db: Database, now = new Date()): Promise<MonthStatus[]> {
  const { today } = await reportingToday(db, now);
  const [span, closed] = await Promise.all([getTelemetrySpan(db), getClosedMonths(db)]);
  const firsts = [span?.first && monthOf(span.first), closed[0]?.month].filter((m): m is string => !!m).sort();
  const current = monthOf(today);
  if (firsts.length === 0) return [];
  const byMonth = new Map(closed.map((c) => [c.month, c]));
  return monthsBetween(firsts[0]!, current)
    .reverse()
    .map((month) => {
      const c = byMonth.get(month);
      return {
        month,
        status: c ? 'closed' : 'open',
        ended: today > monthRange(month).to,
        closedAt: c ? c.closedAt.toISOString() : null,
        closedBy: c?.closedBy ?? null,
      };
    });
}
