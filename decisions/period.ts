import { fixedCostInputs } from '../costing/settle';
import type { Database } from '../db/client';
import { getDecisionCalls } from '../db/queries/decision-calls';
import { getDayRowsBetween } from '../db/queries/day-rows';
import { getFixedCostsBetween, getSettledDaysBetween, inForceOn } from '../db/queries/decision-inputs';
import type { DayRow } from '../lib/costing/allocate';
import { DEFAULT_REVIEWER_USD_PER_HOUR, type PriceBook } from '../lib/costing/pricebook';
import { addDays, eachDay } from '../lib/dates/days';
import type { DayInputs } from '../lib/decisions/project';
import type { CutEvent } from '../lib/events/event';
import { parseDecimal, usdToPico } from '../lib/money';
import { startOfDay } from '../lib/reporting-day';

/** Calls are read a week at a time: memory stays flat, and the event loop gets a turn between weeks. */
const CHUNK_DAYS = 7;

export interface Period {
  from: string;
  to: string;
  timeZone: string;
}

/** The instants a range of reporting days covers: [start of `from`, start of the day after `to`). */
export const periodBounds = (p: Period) => ({
  start: startOfDay(p.from, p.timeZone),
  end: startOfDay(addDays(p.to, 1), p.timeZone),
});

/** The period's calls of a class (or all), chunk by chunk. */
export async function* periodCalls(db: Database, p: Period, workloadClass: string | null): AsyncGenerator<CutEvent[]> {
  const days = eachDay(p.from, p.to);
  for (let i = 0; i < days.length; i += CHUNK_DAYS) {
    const last = days[Math.min(i + CHUNK_DAYS, days.length) - 1]!;
    yield await getDecisionCalls(db, {
      start: startOfDay(days[i]!, p.timeZone),
      end: startOfDay(addDays(last, 1), p.timeZone),
      workloadClass,
    });
  }
}

/**
 * What settling each stored day of the period took (costing/settle.ts): the day's rows at the
 * rollup grain, the pool versions and fixed costs in force, the reviewer rates.
 */
export async function loadDayInputs(db: Database, p: Period, book: PriceBook): Promise<DayInputs[]> {
  const [days, records, fixed] = await Promise.all([
    getSettledDaysBetween(db, p),
    getDayRowsBetween(db, p),
    getFixedCostsBetween(db, p),
  ]);
  const rowsByDay = new Map<string, DayRow[]>();
  for (const r of records) {
    const row: DayRow = {
      team: r.team,
      workloadClass: r.workloadClass,
      model: r.model,
      provider: r.provider,
      pool: r.pool,
      requests: r.requests,
      outputTokens: r.outputTokens,
      gpuNanoHours: parseDecimal(r.gpuHours, 9),
      direct: usdToPico(r.direct),
      acceptedWorkflows: r.acceptedWorkflows,
      outcomeReviewSeconds: r.outcomeReviewSeconds,
    };
    const list = rowsByDay.get(r.day);
    if (list) list.push(row);
    else rowsByDay.set(r.day, [row]);
  }
  return days.map((day) => {
    const dayStart = startOfDay(day, p.timeZone);
    return {
      day,
      rows: rowsByDay.get(day) ?? [],
      pools: book
        .poolNames()
        .map((name) => book.pool(name, dayStart))
        .filter((pool) => pool !== undefined),
      fixedCosts: fixedCostInputs(
        fixed.filter((f) => inForceOn(f, day)),
        day,
      ),
      reviewerUsdPerHour: (team: string) =>
        book.unitCost('reviewer_hour', team, dayStart, DEFAULT_REVIEWER_USD_PER_HOUR),
    };
  });
}
