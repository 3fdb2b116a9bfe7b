import { formatUsd, formatUsdUnit } from '@/lib/format/numbers';

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export const formatShare = (ratio: number | null): string => (ratio === null ? '—' : percent.format(ratio));

/** Amounts on the report are whole cents already: "$1,234.50". */
export const money = (decimal: string): string => formatUsd(decimal);

export const unitMoney = (decimal: string | null): string => (decimal === null ? '—' : formatUsdUnit(decimal));

export const UNALLOCATED = '__unallocated__';

export const teamLabel = (team: string, name: string): string => (team === UNALLOCATED ? 'Unallocated' : name);

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-10" -> "October 2026". */
export const formatMonth = (month: string): string => monthName.format(new Date(`${month}-01T00:00:00Z`));

/** One line for a delivery in the log: "support: actual 75% of budget (2026-11)". */
export function deliverySummary(payload: unknown): string {
  const p = payload as { team?: string; basis?: string; threshold_pct?: number; month?: string } | null;
  if (!p?.team) return 'alert';
  return `${p.team}: ${p.basis} reached ${p.threshold_pct}% of budget (${p.month})`;
}
