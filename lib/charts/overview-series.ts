import type { DayRange } from '../dates/range';
import { fillDays, labelDay } from './fill-days';

export interface OverviewSeriesInput {
  day: string;
  requests: number;
  l1_usd: string;
  l2_usd: string;
  l3_usd: string;
  l4_usd: string;
}

/** The four direct-cost layers, in stacking order (bottom first). */
export const COST_LAYERS = [
  { field: 'l1_usd', label: 'L1 model' },
  { field: 'l2_usd', label: 'L2 serving' },
  { field: 'l3_usd', label: 'L3 workload behaviour' },
  { field: 'l4_usd', label: 'L4 orchestration & QC' },
] as const;

type CostLayerLabel = (typeof COST_LAYERS)[number]['label'];
export type CostPoint = { day: string; label: string } & Record<CostLayerLabel, number>;

export const REQUESTS_SERIES = 'Requests';
export type RequestsPoint = { day: string; label: string; [REQUESTS_SERIES]: number };

/**
 * Cost per day by layer, one point per day of the range; a day without rows is 0 (no traffic
 * costs nothing directly). Numbers here are for drawing only: totals are summed from the strings.
 */
export function toDailyCostSeries(rows: readonly OverviewSeriesInput[], range: DayRange): CostPoint[] {
  return fillDays(rows, range).map(({ day, row }) => {
    const point = { day, label: labelDay(day, range) } as CostPoint;
    for (const { field, label } of COST_LAYERS) point[label] = row ? Number(row[field]) : 0;
    return point;
  });
}

export function toDailyRequestsSeries(rows: readonly OverviewSeriesInput[], range: DayRange): RequestsPoint[] {
  return fillDays(rows, range).map(({ day, row }) => ({
    day,
    label: labelDay(day, range),
    [REQUESTS_SERIES]: row?.requests ?? 0,
  }));
}
