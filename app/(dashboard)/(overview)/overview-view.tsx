'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import type { ChartSeries } from '@/components/charts/series';
import { SeriesBarChart } from '@/components/charts/series-bar-chart';
import { StackedAreaChart } from '@/components/charts/stacked-area-chart';
import { DateRangePicker } from '@/components/date-range-picker';
import { PageHeader } from '@/components/page-header';
import { COST_LAYERS, REQUESTS_SERIES, toDailyCostSeries, toDailyRequestsSeries } from '@/lib/charts/overview-series';
import { defaultRange, rangePresets, rangeProblem, resolveRange, type DayRange } from '@/lib/dates/range';
import { formatDayRange } from '@/lib/format/dates';
import { formatCountCompact, formatUsdCompact } from '@/lib/format/numbers';
import { summarizeOverview } from '@/lib/overview/summary';
import { OverviewTiles } from './overview-tiles';
import { QueryError } from './query-error';
import { overviewDailyQuery } from './queries';
import { overviewSearchParams } from './search-params';
import { OverviewSkeletonBody } from './skeleton';

const LAYER_COLORS = ['blue', 'cyan', 'amber', 'violet'] as const;
const COST_SERIES: ChartSeries[] = COST_LAYERS.map((layer, i) => ({
  name: layer.label,
  color: LAYER_COLORS[i] ?? 'gray',
}));
const REQUEST_SERIES: ChartSeries[] = [{ name: REQUESTS_SERIES, color: 'blue' }];

export function OverviewView({ dataRange }: { dataRange: DayRange }) {
  const [asked, setAsked] = useQueryStates(overviewSearchParams, { history: 'push' });
  const range = resolveRange(asked, defaultRange(dataRange));
  const presets = useMemo(() => rangePresets(dataRange), [dataRange]);
  // Previous figures stay up while another range loads; they are mapped onto their own range.
  const query = useQuery({ ...overviewDailyQuery(range), placeholderData: keepPreviousData });
  const shown = query.data;

  const view = useMemo(() => {
    if (!shown) return null;
    return {
      summary: summarizeOverview(shown.rows),
      cost: toDailyCostSeries(shown.rows, shown.range),
      requests: toDailyRequestsSeries(shown.rows, shown.range),
    };
  }, [shown]);

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <>
            Direct cost of LLM inference (layers L1–L4) and request volume for{' '}
            <span className="font-medium text-tremor-content-emphasis" data-testid="range-label">
              {formatDayRange(range)}
            </span>
            .
          </>
        }
        actions={
          <DateRangePicker
            value={range}
            bounds={dataRange}
            presets={presets}
            validate={rangeProblem}
            onChange={(next) => void setAsked(next)}
          />
        }
      />

      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}

      {view ? (
        <div className="space-y-6" aria-busy={query.isPlaceholderData} data-testid="overview-content">
          {query.isPlaceholderData ? (
            <p role="status" className="text-tremor-label text-tremor-content-default">
              Loading {formatDayRange(range)}…
            </p>
          ) : null}
          {shown && shown.rows.length === 0 ? (
            <p
              role="status"
              className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-4 text-tremor-default"
            >
              No requests were recorded between these dates. Data exists from {formatDayRange(dataRange)}.
            </p>
          ) : null}
          <OverviewTiles summary={view.summary} />
          <div className="grid gap-6 xl:grid-cols-2">
            <ChartCard
              title="Direct cost per day, by layer"
              description="L1 model, L2 serving, L3 workload behaviour, L4 orchestration & QC (USD)"
              testId="cost-chart"
            >
              <StackedAreaChart data={view.cost} index="label" series={COST_SERIES} valueFormatter={formatUsdCompact} />
            </ChartCard>
            <ChartCard
              title="Requests per day"
              description="Model calls recorded each reporting day"
              testId="requests-chart"
            >
              <SeriesBarChart
                data={view.requests}
                index="label"
                series={REQUEST_SERIES}
                valueFormatter={formatCountCompact}
              />
            </ChartCard>
          </div>
        </div>
      ) : query.isPending ? (
        <OverviewSkeletonBody />
      ) : null}
    </>
  );
}
