'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { ChartCard } from '@/components/charts/chart-card';
import { SeriesLineChart } from '@/components/charts/line-chart';
import { DecisionsSection } from '@/components/decisions/decisions-section';
import { EmptyState } from '@/components/empty-state';
import { FilterControls, RangeControl } from '@/components/filters/dashboard-controls';
import { MetricTile } from '@/components/metric-tile';
import { PageHeader } from '@/components/page-header';
import { QueriesError } from '@/components/query-error';
import { Skeleton } from '@/components/skeleton';
import type { DayRange } from '@/lib/dates/range';
import { toFigureSeries } from '@/lib/dashboard/daily-series';
import { classInfo } from '@/lib/dashboard/filter-options';
import * as f from '@/lib/dashboard/format';
import { formatDayRange } from '@/lib/format/dates';
import { formatUsdCompact } from '@/lib/format/numbers';
import { toFilters } from '../../_data/filter-params';
import { costSplitQuery, dimensionsQuery, metricsQuery, rejectionsQuery } from '../../_data/queries';
import { BreakdownCard } from './breakdown-card';
import { workloadPlan } from './plan';
import { ParetoCard, RejectionsCard, SplitCard } from './quality-cards';
import { workloadSearchParams } from './search-params';
import { WaterfallCard } from './waterfall-card';

/** `decisions`: the viewer may see what-if and break-even (figures:all: they re-price every team's calls). */
export function WorkloadView({
  slug,
  dataRange,
  decisions,
}: {
  slug: string;
  dataRange: DayRange;
  decisions: boolean;
}) {
  const [state, setState] = useQueryStates(workloadSearchParams, { history: 'push' });
  const filters = toFilters(state);
  const plan = workloadPlan(slug, state, filters, dataRange);
  const keep = { placeholderData: keepPreviousData };
  const dims = useQuery(dimensionsQuery());
  const total = useQuery({ ...metricsQuery(plan.total), ...keep });
  const daily = useQuery({ ...metricsQuery(plan.daily), ...keep });
  const breakdown = useQuery({ ...metricsQuery(plan.breakdown), ...keep });
  const pareto = useQuery({ ...metricsQuery(plan.pareto), ...keep });
  const split = useQuery({ ...costSplitQuery(plan.split), ...keep });
  const rejections = useQuery({ ...rejectionsQuery(plan.rejections), ...keep });
  const all = [dims, total, daily, breakdown, pareto, split, rejections];
  const info = classInfo(dims.data, slug);
  const row = total.data?.rows[0];
  const shown = daily.data?.params.range ?? plan.range;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-tremor-label print:hidden">
        <Link href="/workloads" className="text-tremor-brand-emphasis underline-offset-2 hover:underline">
          Workloads
        </Link>{' '}
        / {info.name}
      </nav>
      <PageHeader
        title={info.name}
        description={
          <>
            Cost of a {info.unit} and where it comes from, for{' '}
            <span className="font-medium text-tremor-content-emphasis" data-testid="range-label">
              {formatDayRange(plan.range)}
            </span>
            .
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
      <QueriesError queries={all} />

      {!row ? (
        total.isPending ? (
          <Skeleton className="h-96 w-full" />
        ) : null
      ) : row.requests === 0 && Number(row.tco_usd) === 0 ? (
        <EmptyState title={`No ${info.name} traffic in these dates`} testId="workload-empty">
          Events with <code>workload_class: &quot;{slug}&quot;</code> appear here; widen the dates or clear a filter.
        </EmptyState>
      ) : (
        <div className="space-y-6" aria-busy={all.some((q) => q.isPlaceholderData)}>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="workload-tiles">
            <MetricTile
              testId="tile-cost-per-accepted"
              label={`Cost per accepted workflow, ${f.perUnitLabel(info.unit)}`}
              value={f.usd(row.cost_per_accepted_workflow_usd)}
            />
            <MetricTile
              testId="tile-cut"
              label="CUT, USD per 1M useful tokens"
              value={f.usd(row.cut_usd_per_1m)}
              hint={row.cut_micro_usd_per_token ? `${f.microUsd(row.cut_micro_usd_per_token)} per token` : undefined}
            />
            <MetricTile testId="tile-tco" label="TCO, USD" value={f.usd(row.tco_usd)} />
            <MetricTile
              testId="tile-accepted"
              label="Accepted workflows"
              value={f.count(row.accepted_workflows)}
              hint={`${f.rate(row.acceptance_rate)} of decided`}
            />
            <MetricTile testId="tile-retry" label="Retry rate" value={f.rate(row.retry_rate)} />
            <MetricTile testId="tile-p95" label="p95 latency" value={f.ms(row.p95_latency_ms)} />
          </dl>

          <WaterfallCard
            total={row}
            unit={info.unit}
            basis={state.basis}
            onBasis={(basis) => void setState({ basis })}
          />

          {breakdown.data ? (
            <BreakdownCard
              rows={breakdown.data.rows}
              by={state.by}
              onBy={(by) => void setState({ by })}
              unit={info.unit}
            />
          ) : (
            <Skeleton className="h-96" />
          )}
          <div className="grid gap-6 xl:grid-cols-2">
            {split.data ? <SplitCard rows={split.data.rows} /> : <Skeleton className="h-72" />}
            {rejections.data ? <RejectionsCard rows={rejections.data.rows} /> : <Skeleton className="h-72" />}
          </div>
          <div className="grid gap-6 xl:grid-cols-2">
            {pareto.data ? <ParetoCard rows={pareto.data.rows} /> : <Skeleton className="h-72" />}
            {daily.data ? (
              <ChartCard
                title={`Cost per accepted workflow per day (${f.perUnitLabel(info.unit)})`}
                description="A day without accepted work has no figure (a gap)."
                testId="daily-chart"
              >
                <SeriesLineChart
                  data={toFigureSeries(daily.data.rows, shown, 'Cost per accepted workflow', (r) =>
                    r.cost_per_accepted_workflow_usd === null ? null : Number(r.cost_per_accepted_workflow_usd),
                  )}
                  index="label"
                  series={[{ name: 'Cost per accepted workflow', color: 'blue' }]}
                  valueFormatter={formatUsdCompact}
                  showLegend={false}
                />
              </ChartCard>
            ) : (
              <Skeleton className="h-72" />
            )}
          </div>

          {decisions ? <DecisionsSection from={plan.range.from} to={plan.range.to} workloadClass={slug} /> : null}
        </div>
      )}
    </>
  );
}
