import type { Database } from '../db/client';
import { getClosedMonths, getPolicies } from '../db/queries/chargeback-meta';
import { recordChange } from '../db/writes/audit';
import { insertClosedMonth, insertCorrections } from '../db/writes/closed-months';
import { totalOf } from '../lib/chargeback/lines';
import { hasEnded, monthRange, type Month } from '../lib/chargeback/month';
import { ConflictError, InvalidBodyError } from '../lib/errors';
import { formatUnits, PICO_DIGITS } from '../lib/money';
import { assertReportableMonth, driftOf, loadMonthView } from './month-view';

export interface CloseResult {
  month: Month;
  tcoUsd: string;
  /** corrections of earlier closed months booked into this one, by month */
  corrections: Array<{ month: Month; usd: string }>;
}

/**
 * Freezes a month that has ended: its cost lines as they stand (after settling), the policies in
 * force, and the corrections of earlier closed months it carries. Later changes to the month
 * never alter these; they become corrections in the next open month.
 */
export async function closeMonth(db: Database, month: Month, actor: string, now = new Date()): Promise<CloseResult> {
  const today = await assertReportableMonth(db, month, 'month', now);
  if (!hasEnded(month, today)) {
    throw new InvalidBodyError(
      `month: ${month} has not ended yet; it can be closed from ${nextDayAfter(monthRange(month).to)} (reporting time)`,
    );
  }
  const view = await loadMonthView(db, month, now);
  if (view.closed)
    throw new ConflictError(`month: ${month} is already closed (on ${view.closed.closedAt.toISOString()})`);
  const policies = await getPolicies(db, monthRange(month));
  const corrections = view.corrections;
  const tco = totalOf(view.lines);
  const closed = await db.transaction(async (tx) => {
    const ok = await insertClosedMonth(
      tx,
      { month, closedBy: actor, policies, tcoUsd: formatUnits(tco, PICO_DIGITS, PICO_DIGITS) },
      view.lines,
    );
    if (!ok) return false;
    // Re-read inside the close: what is booked must be what was not booked before.
    for (const c of corrections) await insertCorrections(tx, month, await driftOf(tx, c.month));
    await recordChange(tx, {
      actor,
      action: 'create',
      entity: 'closed_month',
      entityId: month,
      before: null,
      after: { month, tco_usd: formatUnits(tco, PICO_DIGITS, 6), policies },
    });
    return true;
  });
  if (!closed) throw new ConflictError(`month: ${month} is already closed`);
  const months = new Set((await getClosedMonths(db)).map((c) => c.month));
  return {
    month,
    tcoUsd: formatUnits(tco, PICO_DIGITS, 6),
    corrections: corrections
      .filter((c) => months.has(c.month))
      .map((c) => ({ month: c.month, usd: formatUnits(totalOf(c.lines), PICO_DIGITS, 6) })),
  };
}

const nextDayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
