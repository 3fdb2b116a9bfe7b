import packageJson from '../package.json';
import { totalOf } from '../lib/chargeback/lines';
import { addMonths, type Month } from '../lib/chargeback/month';
import { focusCsv } from '../lib/focus/csv';
import { focusManifest } from '../lib/focus/manifest';
import { focusRows, type FocusAccount } from '../lib/focus/rows';
import type { FocusRow } from '../lib/focus/columns';
import { formatUnits, PICO_DIGITS, type Pico } from '../lib/money';
import { startOfDay } from '../lib/reporting-day';
import type { MonthView } from './month-view';

/** The internal ledger the export bills: teams buy inference from the platform that runs CUT. */
const ACCOUNT: FocusAccount = { id: 'cut', name: 'CUT inference chargeback', issuer: 'CUT inference platform' };

function focusRowsOf(view: MonthView): FocusRow[] {
  const rows = [...view.report.rows, ...(view.report.unallocated ? [view.report.unallocated] : [])];
  const teamCents = new Map<string, { tco: Pico; correction: Pico }>(
    rows.map((r) => [r.team, { tco: r.tco, correction: r.correction }]),
  );
  return focusRows({
    month: view.month,
    timeZone: view.timeZone,
    lines: view.lines,
    corrections: view.corrections.flatMap((c) => c.lines),
    policies: view.policies,
    teamNames: view.teamNames,
    teamCents,
    account: ACCOUNT,
  });
}

export function focusCsvOf(view: MonthView): string {
  return focusCsv(focusRowsOf(view));
}

const iso = (month: Month, tz: string) =>
  startOfDay(`${month}-01`, tz)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

export function focusManifestOf(view: MonthView, now = new Date()) {
  return focusManifest({
    month: view.month,
    billingPeriodStart: iso(view.month, view.timeZone),
    billingPeriodEnd: iso(addMonths(view.month, 1), view.timeZone),
    status: view.closed ? 'closed' : 'open',
    closedAt: view.closed?.closedAt.toISOString() ?? null,
    generatorVersion: packageJson.version,
    createdAt: now,
    policies: view.policies,
    rows: focusRowsOf(view).length,
    totalEffectiveCost: formatUnits(view.report.totals.total, PICO_DIGITS, 6),
    correctionsEffectiveCost: formatUnits(
      view.corrections.reduce((s, c) => s + totalOf(c.lines), 0n) === 0n ? 0n : view.report.totals.correction,
      PICO_DIGITS,
      6,
    ),
  });
}
