import type { HybridBody } from '@/lib/decisions/break-even-answer';
import { formatCountCompact, formatUsd } from '@/lib/format/numbers';

/** The hybrid plan in one sentence and its cost parts. */
export function HybridSummary({ hybrid: h, pool }: { hybrid: HybridBody; pool: string }) {
  const share = `${(h.pool_share * 100).toFixed(1)}%`;
  return (
    <div className="text-tremor-default text-tremor-content-emphasis" data-testid="hybrid-summary">
      <h3 className="font-semibold text-tremor-content-strong">Hybrid estimate</h3>
      <p className="mt-1">
        {h.gpus === 0
          ? `No GPU of ${pool} pays for itself against the API at this demand: the hybrid is the API alone, ${formatUsd(h.total_usd_per_month)} a month.`
          : `${h.gpus} always-on GPU${h.gpus === 1 ? '' : 's'} of ${pool} serve ${share} of the tokens (up to ${formatCountCompact(h.capacity_tokens_per_hour)} an hour) and the API takes the peaks, ${formatCountCompact(h.overflow_tokens_per_month)} tokens a month: ${formatUsd(h.gpu_usd_per_month)} + ${formatUsd(h.api_usd_per_month)} + ${formatUsd(h.fixed_ops_usd_per_month)} operations = ${formatUsd(h.total_usd_per_month)} a month.`}{' '}
        A pool sized for the busiest hour alone needs {h.peak_gpus} GPU{h.peak_gpus === 1 ? '' : 's'}:{' '}
        {formatUsd(h.peak_pool_usd_per_month)} a month with operations.
      </p>
    </div>
  );
}
