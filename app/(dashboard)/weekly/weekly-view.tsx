'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import { SeriesBarChart } from '@/components/charts/series-bar-chart';
import { DecisionsSection } from '@/components/decisions/decisions-section';
import { EmptyState } from '@/components/empty-state';
import { FilterControls } from '@/components/filters/dashboard-controls';
import { MetricTile } from '@/components/metric-tile';
import { PageHeader } from '@/components/page-header';
import { Panel } from '@/components/panel';
import { QueriesError } from '@/components/query-error';
import { Skeleton } from '@/components/skeleton';
import { addDays } from '@/lib/dates/days';
import type { DayRange } from '@/lib/dates/range';
import * as f from '@/lib/dashboard/format';
import { weeklyMarkdown, moverSentence } from '@/lib/dashboard/weekly-markdown';
import { buildWeeklyReport, failuresByClass, type WeeklyReport } from '@/lib/dashboard/weekly-report';
import { formatDayRange } from '@/lib/format/dates';
import { formatUsdCompact } from '@/lib/format/numbers';
import { toFilters } from '../_data/filter-params';
import { dimensionsQuery, metricsQuery, rejectionsQuery } from '../_data/queries';
import { chooseWeek, weeklyPlan } from './plan';
import { weeklySearchParams } from './search-params';
import { WeekPicker } from './week-picker';
import { WeeklyTable } from './weekly-table';

function download(report: WeeklyReport) {
  const blob = new Blob([weeklyMarkdown(report)], { type: 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `cut-weekly-review-${report.week.from}.md`;
  a.click();
  URL.revokeObjectURL(url);
}

const button =
  'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-3 py-1.5 text-tremor-default font-medium text-tremor-content-emphasis shadow-tremor-input hover:bg-tremor-background-muted';

/** `decisions`: the viewer may see what-if and break-even (figures:all: they re-price every team's calls). */
export function WeeklyView({
  dataRange,
  today,
  decisions,
}: {
  dataRange: DayRange;
  today: string;
  decisions: boolean;
}) {
  const [state, setState] = useQueryStates(weeklySearchParams, { history: 'push' });
  const filters = toFilters(state);
  const monday = chooseWeek(state.week, dataRange, today);
  const plan = weeklyPlan(monday, filters);
  const keep = { placeholderData: keepPreviousData };
  const dims = useQuery(dimensionsQuery());
  const byClass = useQuery({ ...metricsQuery(plan.byClass), ...keep });
  const totals = useQuery({ ...metricsQuery(plan.totals), ...keep });
  const rejections = useQuery({ ...rejectionsQuery(plan.rejections), ...keep });
  const all = [dims, byClass, totals, rejections];

  const report = useMemo(() => {
    if (!byClass.data || !totals.data || !rejections.data || !dims.data) return null;
    // The answer spans the week before and the week itself: map it onto its own weeks.
    const answered = byClass.data.params.range;
    const previous = { from: answered.from, to: addDays(answered.from, 6) };
    const current = { from: addDays(answered.from, 7), to: answered.to };
    return buildWeeklyReport({
      week: current,
      previous,
      classes: dims.data.workload_classes,
      thisWeek: byClass.data.rows.filter((r) => r.week === current.from),
      lastWeek: byClass.data.rows.filter((r) => r.week === previous.from),
      totalThis: totals.data.rows.find((r) => r.week === current.from),
      totalLast: totals.data.rows.find((r) => r.week === previous.from),
      failures: failuresByClass(rejections.data.rows),
    });
  }, [byClass.data, totals.data, rejections.data, dims.data]);

  return (
    <>
      <PageHeader
        title="Weekly review"
        description={
          <>
            The week-4 operator set for every workload class, for the week of{' '}
            <span className="font-medium text-tremor-content-emphasis" data-testid="week-label">
              {formatDayRange(plan.week)}
            </span>
            , against the week before.
          </>
        }
        actions={
          <div className="flex flex-wrap items-end gap-2 print:hidden">
            <WeekPicker value={monday} dataRange={dataRange} onChange={(week) => void setState({ week })} />
            <button type="button" className={button} disabled={!report} onClick={() => report && download(report)}>
              Download Markdown
            </button>
            <button type="button" className={button} onClick={() => window.print()}>
              Print
            </button>
          </div>
        }
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
      {!report ? (
        <Skeleton className="h-96 w-full" />
      ) : report.classes.length === 0 ? (
        <EmptyState title="Nothing ran in this week or the week before">
          Choose another week, or clear a filter. Weeks fill in as events arrive at <code>POST /api/v1/events</code>.
        </EmptyState>
      ) : (
        <div className="space-y-6" aria-busy={all.some((q) => q.isPlaceholderData)} data-testid="weekly-report">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
            <MetricTile
              testId="tile-week-tco"
              label="TCO this week, USD"
              value={f.usd(report.total.tcoUsd)}
              hint={`${f.change(report.total.tcoChange)} on the week before`}
            />
            <MetricTile
              testId="tile-run-rate"
              label="Monthly run rate, USD"
              value={f.usd(report.total.runRateUsd)}
              hint="This week's TCO × 30.4375 ÷ 7"
            />
            <MetricTile
              testId="tile-week-accepted"
              label="Accepted workflows"
              value={f.count(report.total.acceptedWorkflows)}
            />
          </dl>
          <Panel
            title="Per workload class"
            description="Changes against the week before: amounts and times in percent, rates in percentage points (pp)."
            testId="weekly-table"
          >
            <WeeklyTable report={report} />
          </Panel>
          <div className="grid gap-6 xl:grid-cols-2">
            <Panel
              title="Biggest movers"
              description="The three classes whose TCO moved most, and the layers that moved it."
              testId="movers"
            >
              {report.movers.length === 0 ? (
                <p className="text-tremor-default">No class changed cost since the week before.</p>
              ) : (
                <ol className="list-decimal space-y-2 pl-5 text-tremor-default text-tremor-content-emphasis">
                  {report.movers.map((m) => (
                    <li key={m.key}>{moverSentence(m)}</li>
                  ))}
                </ol>
              )}
            </Panel>
            <ChartCard title="TCO per class, this week against the week before (USD)" testId="weekly-chart">
              <SeriesBarChart
                data={report.classes.map((c) => ({
                  name: c.name,
                  'This week': Number(c.tcoUsd),
                  'Week before': Number(c.previousTcoUsd),
                }))}
                index="name"
                series={[
                  { name: 'Week before', color: 'gray' },
                  { name: 'This week', color: 'blue' },
                ]}
                valueFormatter={formatUsdCompact}
                horizontal
                categoryWidth={180}
                stacked={false}
              />
            </ChartCard>
          </div>
          <Panel
            title="Top failure modes"
            description="The week's most frequent rejection reasons per class."
            testId="failures"
          >
            <ul className="grid gap-3 text-tremor-default md:grid-cols-2">
              {report.classes.map((c) => (
                <li key={c.slug}>
                  <span className="font-medium text-tremor-content-strong">{c.name}: </span>
                  {c.failures.length === 0
                    ? 'no rejections'
                    : c.failures.map((x) => `${x.reason} (${f.count(x.workflows)})`).join(', ')}
                </li>
              ))}
            </ul>
          </Panel>
          {decisions ? <DecisionsSection from={report.week.from} to={report.week.to} workloadClass={null} /> : null}
        </div>
      )}
    </>
  );
}
