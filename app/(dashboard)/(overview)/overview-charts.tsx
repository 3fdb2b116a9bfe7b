'use client';

import { ChartCard } from '@/components/charts/chart-card';
import { SeriesLineChart } from '@/components/charts/line-chart';
import type { ChartSeries } from '@/components/charts/series';
import { SeriesBarChart } from '@/components/charts/series-bar-chart';
import type { PoolUsageRow } from '@/lib/api/dashboard-wire';
import type { DayRange } from '@/lib/dates/range';
import {
  DAILY_CUT,
  groupRows,
  LAYER_SERIES,
  ROLLING_CUT,
  toCutSeries,
  toLayerStack,
  toPoolSeries,
  type DayRow,
} from '@/lib/dashboard/daily-series';
import * as f from '@/lib/dashboard/format';
import { formatUsdCompact } from '@/lib/format/numbers';
import type { ClassDay } from '@/lib/dashboard/class-days';

const LAYER_COLORS = ['blue', 'cyan', 'gray', 'amber', 'violet', 'rose'] as const;
const LAYERS: ChartSeries[] = LAYER_SERIES.map((name, i) => ({ name, color: LAYER_COLORS[i] ?? 'gray' }));
const CUT_SERIES: ChartSeries[] = [
  { name: DAILY_CUT, color: 'slate' },
  { name: ROLLING_CUT, color: 'blue' },
];
const POOL_COLORS = ['emerald', 'fuchsia', 'sky', 'orange'] as const;

export function LayerChart({ rows, range }: { rows: readonly DayRow[]; range: DayRange }) {
  return (
    <ChartCard
      title="TCO per day, by layer (USD)"
      description="Stacked: L1 model, L2 serving, idle GPU capacity shown apart from the rest of L2, L3 workload behaviour, L4 orchestration and QC, L5 operations."
      testId="layer-chart"
    >
      <SeriesBarChart
        data={toLayerStack(rows, range)}
        index="label"
        series={LAYERS}
        valueFormatter={formatUsdCompact}
      />
    </ChartCard>
  );
}

/**
 * One small chart per workload class: their CUTs differ by orders of magnitude, so a shared axis
 * would flatten all but the dearest. The 7-day line smooths the weekend swings of the daily one.
 */
export function CutByClass({
  rows,
  range,
  className,
}: {
  rows: readonly ClassDay[];
  range: DayRange;
  className: (slug: string) => string;
}) {
  const groups = [...groupRows(rows, (r) => r.workload_class)].sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <section aria-labelledby="cut-by-class-heading" data-testid="cut-by-class">
      <h2 id="cut-by-class-heading" className="mb-1 text-tremor-default font-semibold text-tremor-content-strong">
        CUT per workload class (USD per 1M useful tokens)
      </h2>
      <p className="mb-3 text-tremor-label text-tremor-content-default">
        Daily, and over the trailing 7 days (TCO of the 7 days ÷ their useful tokens). Each class on its own scale.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {groups.map(([slug, classRows]) => (
          <ChartCard key={slug} title={className(slug)} testId={`cut-chart-${slug}`}>
            <SeriesLineChart
              data={toCutSeries(classRows, range)}
              index="label"
              series={CUT_SERIES}
              valueFormatter={formatUsdCompact}
              className="h-48"
            />
          </ChartCard>
        ))}
      </div>
    </section>
  );
}

export function PoolUtilizationChart({ rows, range }: { rows: readonly PoolUsageRow[]; range: DayRange }) {
  const { pools, points } = toPoolSeries(rows, range);
  if (pools.length === 0) return null;
  const series: ChartSeries[] = pools.map((pool, i) => ({ name: pool, color: POOL_COLORS[i % POOL_COLORS.length]! }));
  return (
    <ChartCard
      title="GPU utilization per pool"
      description="GPU-hours reported by calls ÷ GPU-hours billed, per day (whole pool, whatever the filters)"
      testId="pool-chart"
    >
      <SeriesLineChart data={points} index="label" series={series} valueFormatter={f.rate} className="h-60" />
    </ChartCard>
  );
}
