import type { Database } from '../db/client';
import { lockDayExclusive } from '../db/day-locks';
import { foldIfPending } from './fold';
import { getDayRows, getTelemetrySpan, getUnsettledDays } from '../db/queries/day-rows';
import { getActiveFixedCosts } from '../db/queries/fixed-costs';
import { getPriceBook } from '../db/queries/pricebook';
import { getSettings } from '../db/queries/settings';
import { rebuildWorkflowRollups, replaceDayAllocations } from '../db/writes/settle';
import { rebuildSettledSums } from '../db/writes/settled-sums';
import { allocateDay, dailyShares, type FixedCostInput } from '../lib/costing/allocate';
import { DEFAULT_REVIEWER_USD_PER_HOUR, type PriceBook } from '../lib/costing/pricebook';
import { formatUnits, parseDecimal, picoToUsd, PICO_DIGITS, usdToPico } from '../lib/money';
import { dayNumber, reportingDayFormatter, startOfDay } from '../lib/reporting-day';
import type { Settings } from '../lib/settings';

const SETTLE_LOCK_OFFSET = 1_000_000; // keeps settle locks apart from the re-pricing locks of the same day

/**
 * Brings every day in the range up to date: days changed since they were last settled (dirty) and
 * days never settled, from the first day with telemetry to today. A day with no events still
 * carries its idle capacity and its share of fixed costs.
 */
export async function settleDays(db: Database, range: { from: string; to: string }): Promise<number> {
  // Batches not yet folded would leave rollups short and their days not marked as changed.
  await foldIfPending(db);
  const span = await getTelemetrySpan(db);
  if (!span) return 0;
  const settings = await getSettings(db);
  const today = reportingDayFormatter(settings.reporting_time_zone)(new Date());
  const from = range.from > span.first ? range.from : span.first;
  const end = today > span.last ? today : span.last;
  const to = range.to < end ? range.to : end;
  if (from > to) return 0;
  const days = await getUnsettledDays(db, from, to);
  if (days.length === 0) return 0;
  const book = await getPriceBook(db);
  for (const day of days) await settleDay(db, day, book, settings);
  return days.length;
}

/**
 * Rebuilds one day: its workflow figures, then idle, fixed and review cost placed at the rollup
 * grain, then the sums the metrics query reads of them and of the day's histograms.
 */
async function settleDay(db: Database, day: string, book: PriceBook, settings: Settings): Promise<void> {
  await db.transaction(async (tx) => {
    await lockDayExclusive(tx, SETTLE_LOCK_OFFSET + dayNumber(day));
    await tx.query(`delete from dirty_days where day = $1::date`, [day]);
    await rebuildWorkflowRollups(tx, day);
    const dayStart = startOfDay(day, settings.reporting_time_zone);
    const rows = (await getDayRows(tx, day)).map((r) => ({
      ...r,
      gpuNanoHours: parseDecimal(r.gpuHours, 9),
      direct: usdToPico(r.direct),
    }));
    const pools = book
      .poolNames()
      .map((name) => book.pool(name, dayStart))
      .filter((p) => p !== undefined);
    const fixedCosts = await fixedCostsForDay(tx, day);
    const result = allocateDay({
      day,
      rows,
      pools,
      fixedCosts,
      idlePolicy: settings.idle_policy,
      reviewerUsdPerHour: (team) => book.unitCost('reviewer_hour', team, dayStart, DEFAULT_REVIEWER_USD_PER_HOUR),
    });
    await replaceDayAllocations(
      tx,
      day,
      result.allocations.map((a) => ({ ...a, usd: picoToUsd(a.amount, PICO_DIGITS) })),
      result.pools.map((p) => ({
        pool: p.pool,
        usdPerGpuHour: formatUnits(p.usdPerGpuHour, 6, 6),
        provisionedGpuHours: formatUnits(p.provisionedNanoHours, 9, 9),
        usedGpuHours: formatUnits(p.usedNanoHours, 9, 9),
        idleGpuHours: formatUnits(p.idleNanoHours, 9, 9),
        overReportedGpuHours: formatUnits(p.overReportedNanoHours, 9, 9),
        idleUsd: picoToUsd(p.idle, PICO_DIGITS),
      })),
    );
    await rebuildSettledSums(tx, day);
  });
}

/** The fixed costs in force on a day, each with that day's exact share of its monthly amount. */
async function fixedCostsForDay(db: Database, day: string): Promise<FixedCostInput[]> {
  return fixedCostInputs(await getActiveFixedCosts(db, day), day);
}

type FixedCostRecord = Awaited<ReturnType<typeof getActiveFixedCosts>>[number];

/** Fixed-cost records already known to be in force on `day`, as the allocator takes them. */
export function fixedCostInputs(records: readonly FixedCostRecord[], day: string): FixedCostInput[] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return records.map((f) => ({
    id: f.id,
    name: f.name,
    layer: f.layer as 2 | 4 | 5,
    rule: f.rule,
    team: f.team,
    workloadClass: f.workloadClass,
    fixedShares: f.fixedShares,
    amount: dailyShares(parseDecimal(f.monthlyUsd, PICO_DIGITS), year, month)[date - 1]!,
  }));
}
