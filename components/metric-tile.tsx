import type { ReactNode } from 'react';

export type TileTone = 'default' | 'warning';

/** One headline figure. The value arrives formatted: tiles display, they never compute. */
export function MetricTile({
  label,
  value,
  hint,
  tone = 'default',
  testId,
}: {
  label: string;
  value: string;
  hint?: ReactNode;
  tone?: TileTone;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className={
        'rounded-tremor-default border bg-tremor-background-default p-5 shadow-tremor-card ' +
        (tone === 'warning' ? 'border-amber-300 dark:border-amber-500/60' : 'border-tremor-border-default')
      }
    >
      <dt className="text-tremor-default font-medium text-tremor-content-default">{label}</dt>
      <dd
        className="mt-1 text-tremor-metric font-semibold tabular-nums tracking-tight text-tremor-content-strong"
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </dd>
      {hint ? (
        <dd
          className={
            'mt-1 text-tremor-label ' +
            (tone === 'warning' ? 'text-amber-700 dark:text-amber-400' : 'text-tremor-content-default')
          }
        >
          {hint}
        </dd>
      ) : null}
    </div>
  );
}
