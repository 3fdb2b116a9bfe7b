'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { MetricTile } from '@/components/metric-tile';
import { breakEvenChartRows } from '@/lib/decisions/panel-data';
import { modelRoute } from '@/lib/decisions/panel-settings';
import type { DayRange } from '@/lib/dates/range';
import { formatDayRange } from '@/lib/format/dates';
import { formatCountCompact, formatUsd, formatUsdUnit } from '@/lib/format/numbers';
import { BreakEvenChart } from './break-even-chart';
import { NumberField, SelectField } from './controls';
import { HybridSummary } from './hybrid-summary';
import { QueryError } from '@/components/query-error';
import { PanelCard, PanelSkeleton } from './panel-states';
import { breakEvenQuery, decisionOptionsQuery } from './queries';
import { useDebounced } from './use-debounced';

const tokens = (n: number | null) => (n === null ? 'never' : `${formatCountCompact(n)} / month`);

/**
 * The class's managed API against a dedicated GPU pool: the volume where they cost the same,
 * the observed volume beside it, the cost curves, and a hybrid sized from the hourly demand.
 */
export function BreakEvenPanel({
  from,
  to,
  workloadClass,
}: {
  from: string;
  to: string;
  workloadClass: string | null;
}) {
  const range: DayRange = { from, to };
  const options = useQuery(decisionOptionsQuery(range));
  const [pool, setPool] = useState('');
  const [api, setApi] = useState('');
  const [ops, setOps] = useState('0');
  const [throughput, setThroughput] = useState('');
  const chosenPool = pool || options.data?.pools[0]?.name || '';
  const params = useDebounced(
    useMemo(() => {
      const p: Record<string, string> = { from, to, workload_class: workloadClass ?? '', pool: chosenPool };
      if (api) {
        const [provider, ...model] = api.slice('model:'.length).split('/');
        Object.assign(p, { provider: provider ?? '', model: model.join('/') });
      }
      if (ops.trim() !== '' && Number(ops) >= 0) p.fixed_ops_usd_per_month = ops.trim();
      if (throughput.trim() !== '' && Number(throughput) > 0) p.tokens_per_gpu_hour = throughput.trim();
      return p;
    }, [from, to, workloadClass, chosenPool, api, ops, throughput]),
  );
  const ready = workloadClass !== null && params.pool !== '';
  const answer = useQuery({ ...breakEvenQuery(params), enabled: ready, placeholderData: keepPreviousData });
  const body = answer.data;
  const chart = useMemo(() => (body ? breakEvenChartRows(body) : []), [body]);

  return (
    <PanelCard
      title="API or GPU pool"
      testId="break-even-panel"
      busy={answer.isFetching}
      description={`Where a dedicated pool starts to cost less than the managed API for ${workloadClass ?? 'a workload class'}, from its calls over ${formatDayRange(range)}, and a hybrid that runs the baseline on the pool and the peaks on the API.`}
    >
      {workloadClass === null ? (
        <p role="status" className="text-tremor-default text-tremor-content-default">
          Pick a workload class: the break-even compares one class&apos;s own calls.
        </p>
      ) : (
        <div className="space-y-5">
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <SelectField
              label="GPU pool"
              value={chosenPool}
              options={(options.data?.pools ?? []).map(
                (p) => [p.name, `${p.name} (${p.gpu_count} × ${p.gpu_type})`] as const,
              )}
              onChange={setPool}
              testId="select-pool"
            />
            <SelectField
              label="Managed API"
              value={api}
              options={[
                ['', 'The one the class uses most'],
                ...(options.data?.models ?? []).map(
                  (m) => [modelRoute(m.provider, m.model), `${m.provider}/${m.model}`] as const,
                ),
              ]}
              onChange={setApi}
            />
            <NumberField
              label="Operations, USD a month"
              value={ops}
              onChange={setOps}
              hint="Engineering time to run the pool."
            />
            <NumberField
              label="Tokens per GPU-hour"
              value={throughput}
              placeholder="measured"
              onChange={setThroughput}
              hint="Output-equivalent; empty uses the pool's measured throughput."
            />
          </div>
          {answer.isError ? <QueryError error={answer.error} onRetry={() => void answer.refetch()} /> : null}
          {body ? (
            <>
              <p
                className="rounded-tremor-small border border-blue-200 bg-blue-50 p-3 text-tremor-default text-blue-900 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-100"
                data-testid="break-even-recommendation"
              >
                {body.recommendation.summary}
              </p>
              <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
                <MetricTile
                  testId="tile-api-price"
                  label={`API ${body.api.provider}/${body.api.model}`}
                  value={`${formatUsdUnit(body.api_usd_per_1m)} / 1M`}
                  hint="Blended over the class's input and output tokens"
                />
                <MetricTile
                  testId="tile-pool-month"
                  label={`Pool ${body.pool}`}
                  value={`${formatUsd(body.pool_usd_per_month)} / month`}
                  hint={`${formatUsdUnit(body.pool_marginal_usd_per_1m)} per 1M at full use, ${formatUsdUnit(body.pool_peak_sized_usd_per_1m)} sized for the busiest hour`}
                />
                <MetricTile
                  testId="tile-break-even"
                  label="Break-even volume"
                  value={tokens(body.break_even_tokens_per_month)}
                  hint={`Operations ${formatUsd(body.fixed_ops_usd_per_month)} a month included`}
                />
                <MetricTile
                  testId="tile-observed"
                  label="Observed volume"
                  value={tokens(body.observed_tokens_per_month)}
                  hint={`Runs on ${body.current === 'pool' ? `the pool today` : 'the API today'}; ${body.throughput.source} throughput`}
                />
              </dl>
              <figure aria-label="Monthly cost against monthly volume" data-testid="break-even-chart">
                <BreakEvenChart data={chart} />
              </figure>
              {body.hybrid ? <HybridSummary hybrid={body.hybrid} pool={body.pool} /> : null}
            </>
          ) : answer.isPending && ready ? (
            <PanelSkeleton label="Computing the break-even" rows={3} />
          ) : null}
        </div>
      )}
    </PanelCard>
  );
}
