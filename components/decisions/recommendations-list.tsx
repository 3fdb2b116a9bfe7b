'use client';

import { useQuery } from '@tanstack/react-query';
import type { MigrationAction } from '@/lib/decisions/recommend';
import { formatCountCompact, formatUsd } from '@/lib/format/numbers';
import { QueryError } from '@/components/query-error';
import { PanelCard, PanelSkeleton } from './panel-states';
import { recommendationsQuery } from './queries';

const ACTION: Record<MigrationAction, string> = {
  move_to_pool: 'Move to a pool',
  move_to_api: 'Move to the API',
  hybrid: 'Go hybrid',
  stay: 'Stay',
};

/** Each class's best move between its API and the pools, with the numbers behind it. */
export function MigrationRecommendations({ from, to }: { from: string; to: string }) {
  const answer = useQuery(recommendationsQuery({ from, to }));
  return (
    <PanelCard
      title="Migration recommendations"
      testId="recommendations-panel"
      busy={answer.isFetching}
      description="For every workload class, the cheapest of its API, a dedicated pool and a hybrid at its observed volume, and what the move does to the period's bill when it is re-priced."
    >
      {answer.isError ? <QueryError error={answer.error} onRetry={() => void answer.refetch()} /> : null}
      {answer.data ? (
        answer.data.recommendations.length === 0 ? (
          <p role="status" className="text-tremor-default text-tremor-content-default">
            No class has generation calls in this period, so there is nothing to compare. Send telemetry with generation
            calls, or pick another period.
          </p>
        ) : (
          <ul className="divide-y divide-tremor-border-default" data-testid="recommendations">
            {answer.data.recommendations.map((r) => (
              <li key={r.workload_class} className="py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-semibold text-tremor-content-strong">
                    {r.workload_class}: {ACTION[r.action]}
                  </p>
                  <p className="tabular-nums text-tremor-default text-tremor-content-emphasis">
                    {formatUsd(r.current_usd_per_month)} → {formatUsd(r.proposed_usd_per_month)} a month ·{' '}
                    {formatCountCompact(r.observed_tokens_per_month)} tokens a month
                  </p>
                </div>
                <p className="mt-1 text-tremor-default text-tremor-content-default">{r.summary}</p>
              </li>
            ))}
          </ul>
        )
      ) : answer.isPending ? (
        <PanelSkeleton label="Comparing every class" rows={4} />
      ) : null}
    </PanelCard>
  );
}
