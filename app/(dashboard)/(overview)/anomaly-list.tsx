import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { Panel } from '@/components/panel';
import type { Anomaly } from '@/lib/dashboard/anomalies';
import { describeAnomaly, figureName } from '@/lib/dashboard/anomaly-text';
import { formatDayRange } from '@/lib/format/dates';

/** Where an anomaly is looked into: its class's page, narrowed to its day (a drift: to its span). */
function hrefOf(a: Anomaly, rangeTo: string): string {
  const from = a.kind === 'drift' ? a.since : a.day;
  const to = a.kind === 'drift' ? rangeTo : a.day;
  return `/workloads/${encodeURIComponent(a.workloadClass)}?from=${from}&to=${to}`;
}

export function AnomalyList({
  anomalies,
  rangeTo,
  className,
}: {
  anomalies: readonly Anomaly[];
  rangeTo: string;
  className: (slug: string) => string;
}) {
  return (
    <Panel
      title="Anomalies"
      description="Workload classes whose CUT, retry rate or prompt length left the range of their previous 14 days (days with at least half the usual traffic), or moved steadily one way across the dates shown."
      testId="anomaly-list"
    >
      {anomalies.length === 0 ? (
        <EmptyState title="Nothing unusual in these dates">
          Every class stayed within its recent range. Anomalies need at least two weeks of telemetry before the day they
          are judged on.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-tremor-border-default">
          {anomalies.map((a) => {
            const day = formatDayRange({ from: a.day, to: a.day });
            const name = className(a.workloadClass);
            return (
              <li
                key={`${a.kind}-${a.workloadClass}-${a.figure}-${a.day}`}
                className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-2.5"
                data-testid="anomaly"
                data-kind={a.kind}
                data-figure={a.figure}
                data-day={a.day}
              >
                <span
                  className={`w-16 shrink-0 rounded-tremor-small px-1.5 py-0.5 text-center text-tremor-label font-medium ${a.kind === 'spike' ? 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300' : 'bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300'}`}
                >
                  {a.kind === 'spike' ? 'Spike' : 'Drift'}
                </span>
                <span className="min-w-0 flex-1 text-tremor-default">
                  <span className="font-medium text-tremor-content-strong">
                    {name}: {figureName(a)} {a.direction === 'up' ? '↑' : '↓'}
                  </span>{' '}
                  <span className="text-tremor-content-emphasis">{describeAnomaly(a)}</span>
                </span>
                <Link
                  href={hrefOf(a, rangeTo)}
                  prefetch={false}
                  className="shrink-0 text-tremor-default font-medium text-tremor-brand-emphasis underline-offset-2 hover:underline"
                  aria-label={`Open ${name} on ${day}`}
                >
                  {day} →
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
