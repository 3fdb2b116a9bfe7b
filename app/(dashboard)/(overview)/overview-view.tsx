'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { DateRangePicker } from '@/components/date-range-picker';
import { EmptyState } from '@/components/empty-state';
import { FilterBar } from '@/components/filters/filter-bar';
import { PageHeader } from '@/components/page-header';
import { QueriesError } from '@/components/query-error';
import type { PoolUsageRow } from '@/lib/api/dashboard-wire';
import { addDays } from '@/lib/dates/days';
import { rangePresets, rangeProblem, type DayRange } from '@/lib/dates/range';
import { detectAnomalies, LOOKBACK_DAYS } from '@/lib/dashboard/anomalies';
import { classInfo, filterChoices } from '@/lib/dashboard/filter-options';
import { overviewTiles } from '@/lib/dashboard/overview-tiles';
import { formatDayRange } from '@/lib/format/dates';
import { toFilters } from '../_data/filter-params';
import { classDaysQuery, dimensionsQuery, metricsQuery, poolUsageQuery } from '../_data/queries';
import { AnomalyList } from './anomaly-list';
import { CutByClass, LayerChart, PoolUtilizationChart } from './overview-charts';
import { overviewPlan } from './overview-plan';
import { OverviewTiles } from './overview-tiles';
import { overviewSearchParams } from './search-params';
import { OverviewSkeletonBody } from './skeleton';

const NO_POOLS: PoolUsageRow[] = [];

/** The range a lookback-extended request shows. */
const shownRange = (fetched: DayRange): DayRange => ({ from: addDays(fetched.from, LOOKBACK_DAYS), to: fetched.to });

/** `showPools`: the viewer sees every team (figures:all); a pool's usage mixes them all. */
export function OverviewView({
  dataRange,
  today,
  showPools,
}: {
  dataRange: DayRange;
  today: string;
  showPools: boolean;
}) {
  const [state, setState] = useQueryStates(overviewSearchParams, { history: 'push' });
  const filters = toFilters(state);
  const plan = overviewPlan(state, filters, dataRange, today);
  const presets = useMemo(() => rangePresets(dataRange), [dataRange]);

  const dims = useQuery(dimensionsQuery());
  const daily = useQuery({ ...metricsQuery(plan.daily), placeholderData: keepPreviousData });
  const byClass = useQuery({ ...classDaysQuery(plan.byClass), placeholderData: keepPreviousData });
  const pools = useQuery({ ...poolUsageQuery(plan.pools), placeholderData: keepPreviousData, enabled: showPools });
  const poolRows = showPools ? pools.data?.rows : NO_POOLS;
  const loadingNext = daily.isPlaceholderData || byClass.isPlaceholderData || pools.isPlaceholderData;

  const askedDay = plan.day;
  const unit = filters.workloadClass ? classInfo(dims.data, filters.workloadClass).unit : undefined;
  const view = useMemo(() => {
    if (!daily.data || !byClass.data || !poolRows) return null;
    const range = shownRange(daily.data.params.range);
    const inRange = daily.data.rows.filter((r) => r.day && r.day >= range.from && r.day <= range.to);
    const day = askedDay >= range.from && askedDay <= range.to ? askedDay : range.to;
    return {
      range,
      day,
      empty: inRange.every((r) => r.requests === 0),
      dailyAll: daily.data.rows,
      anomalies: detectAnomalies(byClass.data.rows, shownRange(byClass.data.params.range)),
      dailyRows: inRange,
      classRows: byClass.data.rows,
      poolRows,
    };
  }, [daily.data, byClass.data, poolRows, askedDay]);
  // Cheap (a tile per figure over a few days), so computed each render with the class's unit.
  const tiles = view ? overviewTiles(view.dailyAll, view.poolRows, view.day, unit) : [];

  const className = (slug: string) => classInfo(dims.data, slug).name;
  const setFilter = (key: string, value: string | null) => void setState({ [key]: value, day: null });

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <>
            Total cost of ownership of LLM inference across the five layers, cost per useful token, and what moved, for{' '}
            <span className="font-medium text-tremor-content-emphasis" data-testid="range-label">
              {formatDayRange(plan.range)}
            </span>
            .
          </>
        }
        actions={
          <DateRangePicker
            value={plan.range}
            bounds={dataRange}
            presets={presets}
            validate={rangeProblem}
            onChange={(next) => void setState({ ...next, day: null })}
          />
        }
      />
      <div className="mb-6">
        {dims.data ? <FilterBar filters={filterChoices(dims.data, filters)} onChange={setFilter} /> : null}
      </div>

      <QueriesError queries={[dims, daily, byClass, pools]} />

      {view ? (
        <div className="space-y-6" aria-busy={loadingNext} data-testid="overview-content">
          {loadingNext ? (
            <p role="status" className="text-tremor-label text-tremor-content-default">
              Loading {formatDayRange(plan.range)}…
            </p>
          ) : null}
          {view.empty ? (
            <EmptyState title="No requests match these dates and filters" testId="overview-filtered-empty">
              Data exists from {formatDayRange(dataRange)}. Widen the dates or clear a filter; new telemetry appears
              here once it is sent to <code>POST /api/v1/events</code> with this team, workload class, model or pool.
            </EmptyState>
          ) : null}

          <section aria-labelledby="day-heading">
            <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="day-heading" className="text-tremor-default font-semibold text-tremor-content-strong">
                  <span data-testid="focus-day">{formatDayRange({ from: view.day, to: view.day })}</span>
                </h2>
                <p className="text-tremor-label text-tremor-content-default">
                  Each figure on this day, against the median of the 7 days before it.
                </p>
              </div>
              <label className="flex items-center gap-2 text-tremor-default print:hidden">
                Day shown
                <input
                  type="date"
                  value={view.day}
                  min={view.range.from}
                  max={view.range.to}
                  onChange={(e) => e.target.value && void setState({ day: e.target.value })}
                  className="rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2 py-1.5 text-tremor-default text-tremor-content-strong shadow-tremor-input"
                />
              </label>
            </div>
            <OverviewTiles tiles={tiles} />
          </section>

          <AnomalyList anomalies={view.anomalies} rangeTo={view.range.to} className={className} />
          <LayerChart rows={view.dailyRows} range={view.range} />
          <CutByClass rows={view.classRows} range={view.range} className={className} />
          {showPools ? <PoolUtilizationChart rows={view.poolRows} range={view.range} /> : null}
        </div>
      ) : daily.isPending || byClass.isPending || (showPools && pools.isPending) ? (
        <OverviewSkeletonBody />
      ) : null}
    </>
  );
}
