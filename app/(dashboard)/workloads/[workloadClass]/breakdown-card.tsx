'use client';

import { ChartCard } from '@/components/charts/chart-card';
import type { ChartSeries } from '@/components/charts/series';
import { SeriesBarChart } from '@/components/charts/series-bar-chart';
import { DataTable } from '@/components/tables/data-table';
import { groupName, LAYER_NAMES, toLayerBars } from '@/lib/dashboard/breakdown';
import * as f from '@/lib/dashboard/format';
import { formatUsdCompact } from '@/lib/format/numbers';
import type { MetricsRow } from '@/lib/metrics/derive';
import type { BREAKDOWNS } from './search-params';
import { Segmented } from './segmented';

type By = (typeof BREAKDOWNS)[number];
const LAYER_COLORS = ['blue', 'cyan', 'amber', 'violet', 'rose'] as const;
const LAYERS: ChartSeries[] = LAYER_NAMES.map((name, i) => ({ name, color: LAYER_COLORS[i]! }));
const TITLES: Record<By, string> = { model: 'model', provider: 'provider', pool: 'GPU pool' };

export function BreakdownCard({
  rows,
  by,
  onBy,
  unit,
}: {
  rows: readonly MetricsRow[];
  by: By;
  onBy: (by: By) => void;
  unit: string;
}) {
  const sorted = [...rows].sort((a, b) => Number(b.tco_usd) - Number(a.tco_usd));
  return (
    <div className="space-y-3" data-testid="breakdown">
      <ChartCard title={`TCO by ${TITLES[by]}, by layer (USD)`} testId="breakdown-chart">
        <div className="mb-3 flex justify-end">
          <Segmented
            label="Break down by"
            value={by}
            onChange={onBy}
            options={[
              { value: 'model', label: 'Model' },
              { value: 'provider', label: 'Provider' },
              { value: 'pool', label: 'Pool' },
            ]}
          />
        </div>
        <div className="space-y-4">
          <SeriesBarChart
            data={toLayerBars(rows, [by])}
            index="name"
            series={LAYERS}
            valueFormatter={formatUsdCompact}
            horizontal
            categoryWidth={150}
            className="h-64"
          />
          <div>
            <DataTable<MetricsRow>
              caption={`Figures by ${TITLES[by]}`}
              testId="breakdown-table"
              rows={sorted}
              rowKey={(r) => groupName(r, [by])}
              columns={[
                {
                  key: 'name',
                  header: TITLES[by][0]!.toUpperCase() + TITLES[by].slice(1),
                  cell: (r) => groupName(r, [by]),
                },
                { key: 'tco', header: 'TCO (USD)', align: 'right', cell: (r) => f.usd(r.tco_usd) },
                {
                  key: 'cpa',
                  header: `${f.perUnitLabel(unit)}`,
                  align: 'right',
                  cell: (r) => f.usd(r.cost_per_accepted_workflow_usd),
                },
                { key: 'cut', header: 'CUT (USD per 1M)', align: 'right', cell: (r) => f.usd(r.cut_usd_per_1m) },
                { key: 'req', header: 'Requests', align: 'right', cell: (r) => f.count(r.requests) },
                { key: 'p95', header: 'p95 latency', align: 'right', cell: (r) => f.ms(r.p95_latency_ms) },
              ]}
            />
          </div>
        </div>
      </ChartCard>
    </div>
  );
}
