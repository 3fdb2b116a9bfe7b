'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { ChartCard } from '@/components/charts/chart-card';
import type { ChartSeries } from '@/components/charts/series';
import { SeriesBarChart } from '@/components/charts/series-bar-chart';
import { EmptyState } from '@/components/empty-state';
import { FilterControls, RangeControl } from '@/components/filters/dashboard-controls';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { QueryError } from '@/components/query-error';
import { Skeleton } from '@/components/skeleton';
import { DataTable } from '@/components/tables/data-table';
import type { DayRange } from '@/lib/dates/range';
import { LAYER_NAMES, toLayerBars } from '@/lib/dashboard/breakdown';
import { classInfo } from '@/lib/dashboard/filter-options';
import * as f from '@/lib/dashboard/format';
import type { MetricsRow } from '@/lib/metrics/derive';
import { formatDayRange } from '@/lib/format/dates';
import { formatUsdCompact } from '@/lib/format/numbers';
import { toFilters } from '../_data/filter-params';
import { dimensionsQuery, metricsQuery } from '../_data/queries';
import { workloadsIndexPlan } from './plan';
import { workloadsSearchParams } from './search-params';

const LAYER_COLORS = ['blue', 'cyan', 'amber', 'violet', 'rose'] as const;
const LAYERS: ChartSeries[] = LAYER_NAMES.map((name, i) => ({ name, color: LAYER_COLORS[i]! }));

export function WorkloadsView({ dataRange }: { dataRange: DayRange }) {
  const [state, setState] = useQueryStates(workloadsSearchParams, { history: 'push' });
  const filters = toFilters(state);
  const plan = workloadsIndexPlan(state, filters, dataRange);
  const dims = useQuery(dimensionsQuery());
  const byClass = useQuery({ ...metricsQuery(plan.byClass), placeholderData: keepPreviousData });
  const rows = (byClass.data?.rows ?? []).filter((r) => r.workload_class && !r.workload_class.startsWith('__'));
  const search = new URLSearchParams(
    Object.entries({ from: plan.range.from, to: plan.range.to, ...(state.team ? { team: state.team } : {}) }),
  ).toString();
  const info = (slug: string) => classInfo(dims.data, slug);

  return (
    <>
      <PageHeader
        title="Workloads"
        description={
          <>
            What a unit of accepted work costs in each workload class, for{' '}
            <span className="font-medium text-tremor-content-emphasis" data-testid="range-label">
              {formatDayRange(plan.range)}
            </span>
            . Open a class for its waterfall from sticker price to CUT.
          </>
        }
        actions={<RangeControl range={plan.range} dataRange={dataRange} onChange={(r) => void setState(r)} />}
      />
      <div className="mb-6">
        <FilterControls
          dims={dims.data}
          filters={filters}
          omit={['class']}
          onChange={(key, value) => void setState({ [key]: value })}
        />
      </div>
      {byClass.isError ? <QueryError error={byClass.error} onRetry={() => void byClass.refetch()} /> : null}
      {byClass.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState title="No workload classes in these dates">
          Events name their class in <code>workload_class</code> (for example <code>customer_support</code>); widen the
          dates or clear a filter.
        </EmptyState>
      ) : (
        <div className="space-y-6" aria-busy={byClass.isPlaceholderData}>
          <Panel title="Workload classes" description="Click a class for its breakdown.">
            <DataTable<MetricsRow>
              caption="Cost and quality per workload class"
              testId="workloads-table"
              rows={rows}
              rowKey={(r) => r.workload_class ?? ''}
              columns={[
                {
                  key: 'class',
                  header: 'Workload class',
                  cell: (r) => (
                    <Link
                      href={`/workloads/${r.workload_class}?${search}`}
                      className="text-tremor-brand-emphasis underline-offset-2 hover:underline"
                    >
                      {info(r.workload_class!).name}
                    </Link>
                  ),
                },
                {
                  key: 'cpa',
                  header: 'Cost per accepted workflow',
                  align: 'right',
                  cell: (r) => `${f.usd(r.cost_per_accepted_workflow_usd)} per ${info(r.workload_class!).unit}`,
                },
                {
                  key: 'cut',
                  header: 'CUT (USD per 1M useful tokens)',
                  align: 'right',
                  cell: (r) => f.usd(r.cut_usd_per_1m),
                },
                {
                  key: 'mult',
                  header: 'CUT ÷ sticker',
                  align: 'right',
                  cell: (r) => (r.cut_multiplier === null ? f.NONE : `${r.cut_multiplier.toFixed(1)}×`),
                },
                { key: 'tco', header: 'TCO (USD)', align: 'right', cell: (r) => f.usd(r.tco_usd) },
                { key: 'acc', header: 'Accepted', align: 'right', cell: (r) => f.count(r.accepted_workflows) },
                { key: 'rate', header: 'Acceptance rate', align: 'right', cell: (r) => f.rate(r.acceptance_rate) },
              ]}
            />
          </Panel>
          <ChartCard title="TCO per workload class, by layer (USD)" testId="workloads-chart">
            <SeriesBarChart
              data={toLayerBars(rows, ['workload_class']).map((b) => ({ ...b, name: info(b.name).name }))}
              index="name"
              series={LAYERS}
              valueFormatter={formatUsdCompact}
              horizontal
              categoryWidth={190}
            />
          </ChartCard>
        </div>
      )}
    </>
  );
}
