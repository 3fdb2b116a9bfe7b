'use client';

import { BarList } from '@tremor/react';
import { ChartCard } from '@/components/charts/chart-card';
import { DOMINATED, FRONTIER, ParetoChart, type ParetoDatum } from '@/components/charts/pareto-chart';
import type { ChartSeries } from '@/components/charts/series';
import { SeriesBarChart } from '@/components/charts/series-bar-chart';
import { EmptyState } from '@/components/empty-state';
import { Panel } from '@/components/panel';
import type { CostSplitBody, RejectionsBody } from '@/lib/api/dashboard-wire';
import { groupName, inputShare, SPLIT_NAMES, toSplitBars, topReasons } from '@/lib/dashboard/breakdown';
import * as f from '@/lib/dashboard/format';
import { paretoFrontier } from '@/lib/dashboard/pareto';
import { formatUsdCompact } from '@/lib/format/numbers';
import type { MetricsRow } from '@/lib/metrics/derive';

const SPLIT: ChartSeries[] = SPLIT_NAMES.map((name, i) => ({ name, color: (['sky', 'teal', 'indigo'] as const)[i]! }));

export function SplitCard({ rows }: { rows: CostSplitBody['rows'] }) {
  const share = inputShare(rows);
  return (
    <ChartCard
      title="Input vs output cost, by model (USD)"
      description={`Direct cost split at list-price weights: uncached input, cached input, output (reasoning included).${share === null ? '' : ` Input is ${f.rate(share)} of it.`}`}
      testId="split-chart"
    >
      <SeriesBarChart
        data={toSplitBars(rows, ['model'])}
        index="name"
        series={SPLIT}
        valueFormatter={formatUsdCompact}
        horizontal
        categoryWidth={150}
        className="h-64"
      />
    </ChartCard>
  );
}

export function ParetoCard({ rows }: { rows: readonly MetricsRow[] }) {
  const points = paretoFrontier(
    rows.map((r) => ({
      name: groupName(r, ['model', 'pool']),
      latencyMs: r.p95_latency_ms,
      cut: r.cut_usd_per_1m === null ? null : Number(r.cut_usd_per_1m),
    })),
  );
  // Frontier first, so the chart gives it the first colour.
  const data: ParetoDatum[] = [...points]
    .sort((a, b) => Number(b.onFrontier) - Number(a.onFrontier))
    .map((p) => ({
      name: p.name,
      group: p.onFrontier ? FRONTIER : DOMINATED,
      'p95 latency (ms)': p.latencyMs,
      'CUT (USD per 1M useful tokens)': p.cut,
    }));
  const frontier = points.filter((p) => p.onFrontier).map((p) => p.name);
  return (
    <ChartCard
      title="p95 latency against CUT, per model and pool"
      description={`Across: p95 latency; up: CUT in USD per 1M useful tokens. ${
        frontier.length
          ? `Nothing beats ${frontier.join(', ')} on both speed and cost per useful token.`
          : 'No model had both a latency and a CUT in these dates.'
      }`}
      testId="pareto-chart"
    >
      <ParetoChart data={data} formatLatency={(v) => f.ms(v)} formatCut={formatUsdCompact} />
    </ChartCard>
  );
}

export function RejectionsCard({ rows }: { rows: RejectionsBody['rows'] }) {
  const reasons = topReasons(rows);
  const total = rows.reduce((s, r) => s + r.workflows, 0);
  return (
    <Panel
      title="Top rejection reasons"
      description={`${f.count(total)} rejected workflows, by the reason given with their outcome.`}
      testId="rejections"
    >
      {reasons.length === 0 ? (
        <EmptyState title="No rejected workflows">
          Rejections arrive as <code>acceptance_status: &quot;rejected&quot;</code> with a <code>rejection_reason</code>
          , on events or through <code>POST /api/v1/outcomes</code>.
        </EmptyState>
      ) : (
        <BarList data={reasons} valueFormatter={(v: number) => `${f.count(v)} workflows`} color="rose" />
      )}
    </Panel>
  );
}
