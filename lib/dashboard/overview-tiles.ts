import type { PoolUsageRow } from '../api/dashboard-wire';
import { indexByDay, type DayRow } from './daily-series';
import { deltaFrom, trailingMedian, verdict, type Delta, type Polarity } from './deltas';
import { FIGURES, type FigureKey } from './figures';
import * as f from './format';

export interface TileSpec {
  key: string;
  label: string;
  value: string;
  hint?: string;
  change?: { text: string; verdict: 'better' | 'worse' | 'flat'; against: string };
  tone?: 'default' | 'warning';
}

const AGAINST = 'vs 7-day median';

/** Rates move in percentage points; amounts and times in percent. */
function changeOf(delta: Delta | null, polarity: Polarity, points: boolean): TileSpec['change'] {
  if (!delta) return { text: 'no baseline', verdict: 'flat', against: AGAINST };
  const text = points ? f.pointsChange(delta.absolute) : f.change(delta.relative);
  return { text, verdict: verdict(delta, polarity), against: AGAINST };
}

/**
 * The Overview's tiles for one day: each figure on that day and its change against the median of
 * the 7 days before it. `daily` are metrics rows grouped by day (at least those 8 days), `pools`
 * the pools' usage rows for the same days.
 */
export function overviewTiles(
  daily: readonly DayRow[],
  pools: readonly PoolUsageRow[],
  day: string,
  /** the class's unit of accepted work when one class is shown ("resolved ticket") */
  unit?: string,
): TileSpec[] {
  const byDay = indexByDay(daily);
  const row = byDay.get(day);
  const figure = (key: FigureKey, points = false) => {
    const spec = FIGURES[key];
    const valueOf = (d: string) => {
      const r = byDay.get(d);
      return r ? spec.value(r) : null;
    };
    return changeOf(deltaFrom(valueOf(day), trailingMedian(valueOf, day)), spec.polarity, points);
  };
  const tiles: TileSpec[] = [
    {
      key: 'cut',
      label: 'CUT, USD per 1M useful tokens',
      value: f.usd(row?.cut_usd_per_1m ?? null),
      hint: row?.cut_micro_usd_per_token ? `${f.microUsd(row.cut_micro_usd_per_token)} per useful token` : undefined,
      change: figure('cut'),
    },
    {
      key: 'cost-per-accepted',
      label: unit ? `Cost per ${unit}, USD` : 'Cost per accepted workflow, USD',
      value: f.usd(row?.cost_per_accepted_workflow_usd ?? null),
      change: figure('cost_per_accepted'),
    },
    { key: 'tco', label: 'TCO, USD', value: f.usd(row?.tco_usd ?? '0'), change: figure('tco') },
    {
      key: 'acceptance',
      label: 'Acceptance rate',
      value: f.rate(row?.acceptance_rate ?? null),
      change: figure('acceptance_rate', true),
    },
    { key: 'retry', label: 'Retry rate', value: f.rate(row?.retry_rate ?? null), change: figure('retry_rate', true) },
    {
      key: 'cache-hit',
      label: 'Cache hit rate',
      value: f.rate(row?.cache_hit_rate ?? null),
      change: figure('cache_hit_rate', true),
    },
    { key: 'p95', label: 'p95 latency', value: f.ms(row?.p95_latency_ms ?? null), change: figure('p95_latency') },
  ];
  const byPool = new Map<string, Map<string, PoolUsageRow>>();
  for (const p of pools) {
    const days = byPool.get(p.pool) ?? new Map<string, PoolUsageRow>();
    days.set(p.day, p);
    byPool.set(p.pool, days);
  }
  for (const [pool, days] of [...byPool].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const valueOf = (d: string) => days.get(d)?.utilization ?? null;
    const today = days.get(day);
    tiles.push({
      key: `gpu-${pool}`,
      label: `GPU utilization, ${pool}`,
      value: f.rate(valueOf(day)),
      hint: today
        ? `${f.hours(today.used_gpu_hours)} used of ${f.hours(today.provisioned_gpu_hours)} billed`
        : undefined,
      change: changeOf(deltaFrom(valueOf(day), trailingMedian(valueOf, day)), 'higher_is_better', true),
    });
  }
  const unpriced = row?.unpriced_requests ?? 0;
  tiles.push({
    key: 'unpriced',
    label: 'Unpriced events',
    value: f.count(unpriced),
    hint:
      unpriced > 0
        ? 'No price in the price book: costed at $0 until one is added in Settings'
        : 'Every event had a price',
    tone: unpriced > 0 ? 'warning' : 'default',
    change: figure('unpriced'),
  });
  return tiles;
}
