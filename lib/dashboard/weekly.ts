import { addDays } from '../dates/days';
import type { DayRange } from '../dates/range';
import { divRound, picoToUsd, usdToPico } from '../money';
import type { Figures } from './figures';

/** The Monday of the ISO week holding `day` (weeks run Monday to Sunday, as date_trunc('week')). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export const weekRange = (monday: string): DayRange => ({ from: monday, to: addDays(monday, 6) });

/** Weeks (their Mondays) that hold any of the data, newest first. */
export function weeksOf(data: DayRange): string[] {
  const weeks: string[] = [];
  for (let w = weekStart(data.to); w >= weekStart(data.from); w = addDays(w, -7)) weeks.push(w);
  return weeks;
}

/** An average month is 365.25 / 12 = 30.4375 days. */
const MONTH_DAYS_X10000 = 304_375n;

/** A week's cost as a monthly run rate: TCO x 30.4375 / 7 days, in 6-decimal USD. */
export function monthlyRunRate(weekTcoUsd: string): string {
  return picoToUsd(divRound(usdToPico(weekTcoUsd) * MONTH_DAYS_X10000, 7n * 10_000n), 6);
}

type WeekFigures = Pick<
  Figures,
  'tco_usd' | 'l1_usd' | 'l2_usd' | 'l3_usd' | 'l4_usd' | 'l5_usd' | 'idle_usd' | 'accepted_workflows'
>;

const LAYERS = [
  { field: 'l1_usd', label: 'L1 model' },
  { field: 'l2_usd', label: 'L2 serving' },
  { field: 'l3_usd', label: 'L3 workload behaviour' },
  { field: 'l4_usd', label: 'L4 orchestration & QC' },
  { field: 'l5_usd', label: 'L5 operations' },
] as const;

interface LayerMove {
  label: string;
  /** this week - last week, 6-decimal USD */
  deltaUsd: string;
}

export interface Mover {
  key: string;
  /** this week - last week, 6-decimal USD */
  deltaUsd: string;
  /** relative to last week; null when last week cost nothing */
  change: number | null;
  /** every layer's move, largest first; idle capacity is reported inside L2 */
  layers: LayerMove[];
  idleDeltaUsd: string;
}

const delta = (now: string | undefined, before: string | undefined) => usdToPico(now ?? '0') - usdToPico(before ?? '0');
const abs = (n: bigint) => (n < 0n ? -n : n);

/**
 * The groups whose TCO moved most between two weeks (either way), each explained by the layers
 * that moved it. A group present in one week only moved by all of its cost.
 */
export function biggestMovers(
  thisWeek: ReadonlyMap<string, WeekFigures>,
  lastWeek: ReadonlyMap<string, WeekFigures>,
  count = 3,
): Mover[] {
  const keys = new Set([...thisWeek.keys(), ...lastWeek.keys()]);
  const movers = [...keys].map((key) => {
    const now = thisWeek.get(key);
    const before = lastWeek.get(key);
    const total = delta(now?.tco_usd, before?.tco_usd);
    const layers = LAYERS.map(({ field, label }) => ({ label, pico: delta(now?.[field], before?.[field]) })).sort(
      (a, b) => (abs(b.pico) > abs(a.pico) ? 1 : abs(b.pico) < abs(a.pico) ? -1 : 0),
    );
    const beforePico = usdToPico(before?.tco_usd ?? '0');
    return {
      key,
      pico: total,
      mover: {
        key,
        deltaUsd: picoToUsd(total, 6),
        change: beforePico === 0n ? null : Number(total) / Number(beforePico),
        layers: layers.map((l) => ({ label: l.label, deltaUsd: picoToUsd(l.pico, 6) })),
        idleDeltaUsd: picoToUsd(delta(now?.idle_usd, before?.idle_usd), 6),
      },
    };
  });
  return movers
    .filter((m) => m.pico !== 0n)
    .sort((a, b) => (abs(b.pico) > abs(a.pico) ? 1 : abs(b.pico) < abs(a.pico) ? -1 : a.key < b.key ? -1 : 1))
    .slice(0, count)
    .map((m) => m.mover);
}

/** Week-over-week change of a figure: relative for amounts, null when either week has none. */
export function weekOverWeek(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / Math.abs(before);
}
