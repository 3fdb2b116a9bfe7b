import type { ReactNode } from 'react';

export type TileTone = 'default' | 'warning';

/** A figure's change against its baseline, already worded: "+12.3%" and whether that is good. */
export interface TileChange {
  text: string;
  verdict: 'better' | 'worse' | 'flat';
  /** what it is compared with, for the reader: "vs 7-day median" */
  against: string;
}

const VERDICT_STYLE: Record<TileChange['verdict'], string> = {
  better: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  worse: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300',
  flat: 'bg-tremor-background-subtle text-tremor-content-emphasis',
};
const VERDICT_WORD: Record<TileChange['verdict'], string> = {
  better: 'better',
  worse: 'worse',
  flat: 'about the same',
};

/** One headline figure. The value arrives formatted: tiles display, they never compute. */
export function MetricTile({
  label,
  value,
  hint,
  change,
  tone = 'default',
  testId,
}: {
  label: string;
  value: string;
  hint?: ReactNode;
  change?: TileChange;
  tone?: TileTone;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className={
        'min-w-0 rounded-tremor-default border bg-tremor-background-default p-4 shadow-tremor-card ' +
        (tone === 'warning' ? 'border-amber-300 dark:border-amber-500/60' : 'border-tremor-border-default')
      }
    >
      <dt className="text-tremor-label font-medium text-tremor-content-default">{label}</dt>
      <dd
        className="mt-1 truncate text-2xl font-semibold tabular-nums tracking-tight text-tremor-content-strong"
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </dd>
      {change ? (
        <dd className="mt-1.5 flex flex-wrap items-center gap-1.5 text-tremor-label">
          <span
            className={`rounded-tremor-small px-1.5 py-0.5 font-medium tabular-nums ${VERDICT_STYLE[change.verdict]}`}
            data-testid={testId ? `${testId}-change` : undefined}
          >
            {change.text}
            <span className="sr-only"> ({VERDICT_WORD[change.verdict]})</span>
          </span>
          <span className="text-tremor-content-default">{change.against}</span>
        </dd>
      ) : null}
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
