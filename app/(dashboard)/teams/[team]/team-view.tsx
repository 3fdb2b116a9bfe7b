'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import type { ChartSeries } from '@/components/charts/series';
import { SeriesBarChart } from '@/components/charts/series-bar-chart';
import { MetricTile } from '@/components/metric-tile';
import { PageHeader } from '@/components/page-header';
import type { DrillRowJson } from '@/lib/api/team-drilldown-wire';
import { formatCount, formatUsdCompact } from '@/lib/format/numbers';
import { QueryError } from '@/components/query-error';
import { formatMonth, formatShare, money, teamLabel, unitMoney } from '../format';
import { MonthPicker, type MonthOption } from '../month-bar';
import { teamDrilldownQuery } from '../queries';
import { teamsSearchParams } from '../search-params';
import { TeamsSkeleton } from '../skeleton';

const LAYERS = [
  ['l1_usd', 'L1 model'],
  ['l2_usd', 'L2 serving'],
  ['l3_usd', 'L3 workload'],
  ['l4_usd', 'L4 orchestration & QC'],
  ['l5_usd', 'L5 operations'],
] as const;
const COLORS = ['blue', 'cyan', 'amber', 'violet', 'emerald'] as const;
const SERIES: ChartSeries[] = LAYERS.map(([, label], i) => ({ name: label, color: COLORS[i]! }));

/** Synthetic rows of the engine: cost no single model carries. */
const keyLabel = (key: string) =>
  key.startsWith('__idle__')
    ? `Idle capacity${key.includes('@') ? ` (${key.split('@ ')[1]})` : ''}`
    : key.startsWith('__fixed__')
      ? 'Fixed costs (no model)'
      : key === '__unallocated__'
        ? 'Unallocated'
        : key;

function Breakdown({
  title,
  column,
  rows,
  testId,
}: {
  title: string;
  column: string;
  rows: DrillRowJson[];
  testId: string;
}) {
  const cell = 'px-2 py-1.5 text-right tabular-nums whitespace-nowrap';
  return (
    <section
      aria-label={title}
      data-testid={testId}
      className="overflow-x-auto rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-4 shadow-tremor-card"
    >
      <h2 className="mb-2 text-tremor-default font-semibold text-tremor-content-strong">{title}</h2>
      <table className="w-full text-tremor-label">
        <thead className="text-tremor-content-emphasis">
          <tr>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              {column}
            </th>
            {LAYERS.map(([key, label]) => (
              <th key={key} scope="col" className={`${cell} font-medium`}>
                {label.split(' ')[0]}
              </th>
            ))}
            <th scope="col" className={`${cell} font-medium`}>
              TCO
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              Requests
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              Accepted
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-tremor-border-default">
              <th scope="row" className="px-2 py-1.5 text-left font-medium text-tremor-content-strong">
                {keyLabel(r.key)}
              </th>
              {LAYERS.map(([key]) => (
                <td key={key} className={cell}>
                  {money(r[key])}
                </td>
              ))}
              <td className={`${cell} font-semibold`}>{money(r.tco_usd)}</td>
              <td className={cell}>{formatCount(r.requests)}</td>
              <td className={cell}>{formatCount(r.accepted_workflows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function TeamView({
  team,
  month,
  months,
  hasCost,
}: {
  team: string;
  month: string;
  months: MonthOption[];
  hasCost: boolean;
}) {
  const [, setParams] = useQueryStates(teamsSearchParams, { history: 'push', shallow: false });
  const query = useQuery({ ...teamDrilldownQuery(team, month), placeholderData: keepPreviousData, enabled: hasCost });
  const d = query.data;
  const chart = useMemo(
    () =>
      d?.by_day.map((r) => ({
        label: r.key.slice(5),
        ...Object.fromEntries(LAYERS.map(([key, label]) => [label, Number(r[key])])),
      })) ?? [],
    [d],
  );
  const name = d ? teamLabel(team, d.team.name) : team;
  return (
    <>
      <p className="mb-2 text-tremor-default">
        <Link href={`/teams?month=${month}`} className="text-tremor-brand-emphasis hover:underline">
          ← All teams, {formatMonth(month)}
        </Link>
      </p>
      <PageHeader
        title={name}
        description={`Chargeback of ${formatMonth(month)}${d?.status === 'closed' ? ' (closed: frozen figures)' : ''}, by workload class, model and day.`}
        actions={<MonthPicker months={months} value={month} onChange={(m) => void setParams({ month: m })} />}
      />
      {!hasCost ? (
        <p role="status" className="rounded-tremor-default border border-tremor-border-default p-4">
          {team} has no cost in {formatMonth(month)}. Pick another month, or send telemetry with{' '}
          <code>&quot;team&quot;: &quot;{team}&quot;</code>.
        </p>
      ) : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {d ? (
        <div className="space-y-6" data-testid="team-content">
          <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <MetricTile testId="team-tco" label="TCO" value={money(d.team.tco_usd)} hint="Layers L1–L5, in USD" />
            <MetricTile
              label="Accepted workflows"
              value={formatCount(d.team.accepted_workflows)}
              hint={`${unitMoney(d.team.cost_per_accepted_workflow_usd)} per accepted workflow`}
            />
            <MetricTile
              label="Share of the month"
              value={formatShare(d.team.share_of_total)}
              hint={`Idle ${money(d.team.idle_usd)} · shared ${money(d.team.shared_usd)}`}
            />
            <MetricTile
              label="Budget used"
              value={d.team.budget ? formatShare(d.team.budget.used) : '—'}
              hint={d.team.budget ? `of ${money(d.team.budget.monthly_usd)}` : 'No budget set'}
              tone={d.team.budget && d.team.budget.used >= 0.9 ? 'warning' : 'default'}
            />
          </dl>
          <ChartCard
            title="Cost per day, by layer"
            description="USD; the days add up to the TCO above"
            testId="team-days"
          >
            <SeriesBarChart data={chart} index="label" series={SERIES} valueFormatter={formatUsdCompact} />
          </ChartCard>
          <Breakdown title="By workload class" column="Workload class" rows={d.by_workload_class} testId="by-class" />
          <Breakdown title="By model" column="Model @ pool" rows={d.by_model} testId="by-model" />
        </div>
      ) : hasCost && query.isPending ? (
        <TeamsSkeleton />
      ) : null}
    </>
  );
}
