import { labelDay } from '../charts/fill-days';
import { addDays, eachDay } from '../dates/days';
import type { DayRange } from '../dates/range';
import { usdToPico } from '../money';
import type { Figures } from './figures';

/** A metrics row grouped by day (and perhaps more keys). */
export type DayRow = Figures & { day?: string | null };

/** Rows by their day; rows without a day are ignored. */
export function indexByDay<R extends { day?: string | null }>(rows: readonly R[]): Map<string, R> {
  const map = new Map<string, R>();
  for (const row of rows) if (row.day) map.set(row.day, row);
  return map;
}

/** The five layers in stacking order, with idle capacity split out of L2 so it is seen apart. */
export const LAYER_SERIES = [
  'L1 model',
  'L2 serving',
  'Idle capacity',
  'L3 workload behaviour',
  'L4 orchestration & QC',
  'L5 operations',
] as const;
type LayerSeries = (typeof LAYER_SERIES)[number];
export type LayerPoint = { day: string; label: string } & Record<LayerSeries, number>;

/**
 * TCO per day by layer. A day with no row costs 0 (nothing was running or allocated). Numbers
 * here are for drawing; money that is added up for display is summed from the decimal strings.
 */
export function toLayerStack(rows: readonly DayRow[], range: DayRange): LayerPoint[] {
  const byDay = indexByDay(rows);
  return eachDay(range.from, range.to).map((day) => {
    const r = byDay.get(day);
    const idle = r ? Number(r.idle_usd) : 0;
    return {
      day,
      label: labelDay(day, range),
      'L1 model': r ? Number(r.l1_usd) : 0,
      'L2 serving': r ? Number(r.l2_usd) - idle : 0,
      'Idle capacity': idle,
      'L3 workload behaviour': r ? Number(r.l3_usd) : 0,
      'L4 orchestration & QC': r ? Number(r.l4_usd) : 0,
      'L5 operations': r ? Number(r.l5_usd) : 0,
    };
  });
}

export const DAILY_CUT = 'Daily CUT';
export const ROLLING_CUT = '7-day CUT';
/** What CUT series read from a row. */
type CutRow = Pick<Figures, 'tco_usd' | 'useful_output_tokens' | 'cut_usd_per_1m'> & { day?: string | null };

export type CutPoint = { day: string; label: string; [DAILY_CUT]: number | null; [ROLLING_CUT]: number | null };

/**
 * USD per 1M useful tokens over the `window` days ending on `day`: the window's TCO over its
 * useful tokens, not an average of daily ratios, so a quiet weekend day weighs what it costs.
 */
export function rollingCut(byDay: ReadonlyMap<string, CutRow>, day: string, window = 7): number | null {
  let tco = 0n;
  let useful = 0;
  for (let i = 0; i < window; i++) {
    const r = byDay.get(addDays(day, -i));
    if (!r) continue;
    tco += usdToPico(r.tco_usd);
    useful += r.useful_output_tokens;
  }
  return useful > 0 ? (Number(tco) / 1e12 / useful) * 1e6 : null;
}

/**
 * Daily and trailing 7-day CUT for one slice. A day without useful tokens has no CUT (a gap, not
 * 0). `rows` may start before the range so the first points have a full window.
 */
export function toCutSeries(rows: readonly CutRow[], range: DayRange): CutPoint[] {
  const byDay = indexByDay(rows);
  return eachDay(range.from, range.to).map((day) => {
    const r = byDay.get(day);
    return {
      day,
      label: labelDay(day, range),
      [DAILY_CUT]: r?.cut_usd_per_1m ? Number(r.cut_usd_per_1m) : null,
      [ROLLING_CUT]: rollingCut(byDay, day),
    };
  });
}

/** One daily figure as a gap-filled series: `null` where the day has no row or no value. */
export function toFigureSeries<K extends string>(
  rows: readonly DayRow[],
  range: DayRange,
  name: K,
  value: (row: DayRow) => number | null,
): Array<{ day: string; label: string } & Record<K, number | null>> {
  const byDay = indexByDay(rows);
  return eachDay(range.from, range.to).map((day) => {
    const r = byDay.get(day);
    return { day, label: labelDay(day, range), [name]: r ? value(r) : null } as { day: string; label: string } & Record<
      K,
      number | null
    >;
  });
}

/** Rows split by a key (a workload class, a pool), each list in the rows' order. */
export function groupRows<R, K extends string>(rows: readonly R[], key: (row: R) => K | null | undefined): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null || k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** One point per day with each pool's utilization under its name (null: not billed that day). */
export function toPoolSeries(
  rows: ReadonlyArray<{ day: string; pool: string; utilization: number | null }>,
  range: DayRange,
): { pools: string[]; points: Array<{ day: string; label: string } & Record<string, number | string | null>> } {
  const pools = [...new Set(rows.map((r) => r.pool))].sort();
  const at = new Map(rows.map((r) => [`${r.pool}\u0000${r.day}`, r.utilization]));
  const points = eachDay(range.from, range.to).map((day) => {
    const point: { day: string; label: string } & Record<string, number | string | null> = {
      day,
      label: labelDay(day, range),
    };
    for (const pool of pools) point[pool] = at.get(`${pool}\u0000${day}`) ?? null;
    return point;
  });
  return { pools, points };
}
