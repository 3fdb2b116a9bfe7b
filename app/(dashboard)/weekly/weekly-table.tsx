import { DataTable } from '@/components/tables/data-table';
import * as f from '@/lib/dashboard/format';
import type { WeeklyClassRow, WeeklyReport } from '@/lib/dashboard/weekly-report';

/** Lower is better for every figure here but the cache-hit rate. */
function Change({
  text,
  value,
  higherIsBetter = false,
}: {
  text: string;
  value: number | null;
  higherIsBetter?: boolean;
}) {
  if (value === null || text === f.NONE) return null;
  // A change that rounds to nothing on screen is neither good nor bad.
  const good = value === 0 || /^0( pp|%)$/.test(text) ? null : value > 0 === higherIsBetter;
  const tone =
    good === null
      ? 'text-tremor-content-default'
      : good
        ? 'text-emerald-700 dark:text-emerald-400'
        : 'text-red-700 dark:text-red-400';
  return <span className={`block text-tremor-label ${tone}`}>{text}</span>;
}

export function WeeklyTable({ report }: { report: WeeklyReport }) {
  return (
    <DataTable<WeeklyClassRow>
      caption="The week's figures per workload class, with their change on the week before"
      rows={report.classes}
      rowKey={(c) => c.slug}
      columns={[
        { key: 'class', header: 'Workload class', cell: (c) => c.name },
        {
          key: 'run',
          header: 'Run rate (USD/month)',
          align: 'right',
          cell: (c) => (
            <>
              {f.usd(c.runRateUsd)}
              <Change text={f.change(c.wow.tco)} value={c.wow.tco} />
            </>
          ),
        },
        {
          key: 'cpa',
          header: 'Cost per accepted workflow (USD)',
          align: 'right',
          cell: (c) => (
            <>
              {f.usd(c.costPerAcceptedUsd)}
              <span className="block text-tremor-label text-tremor-content-default">per {c.unit}</span>
              <Change text={f.change(c.wow.costPerAccepted)} value={c.wow.costPerAccepted} />
            </>
          ),
        },
        {
          key: 'p95',
          header: 'p95 latency',
          align: 'right',
          cell: (c) => (
            <>
              {f.ms(c.p95LatencyMs)}
              <Change text={f.change(c.wow.p95Latency)} value={c.wow.p95Latency} />
            </>
          ),
        },
        {
          key: 'retry',
          header: 'Retry rate',
          align: 'right',
          cell: (c) => (
            <>
              {f.rate(c.retryRate)}
              <Change text={f.pointsChange(c.wow.retryRate)} value={c.wow.retryRate} />
            </>
          ),
        },
        {
          key: 'cache',
          header: 'Cache hit rate',
          align: 'right',
          cell: (c) => (
            <>
              {f.rate(c.cacheHitRate)}
              <Change text={f.pointsChange(c.wow.cacheHitRate)} value={c.wow.cacheHitRate} higherIsBetter />
            </>
          ),
        },
        {
          key: 'review',
          header: 'Human review (hours)',
          align: 'right',
          cell: (c) => (
            <>
              {f.hours(c.reviewHours)}
              <Change text={f.change(c.wow.reviewHours)} value={c.wow.reviewHours} />
            </>
          ),
        },
      ]}
    />
  );
}
