import type { RollupDelta } from '../../lib/rollup/aggregate';
import { exactDecimal, PICO_DIGITS } from '../../lib/money';
import type { Database } from '../client';
import { copyRow, intArray } from '../copy-text';

const ROLLUP_KEY = ['team', 'day', 'workload_class', 'model', 'provider', 'pool'] as const;
// prettier-ignore
const ROLLUP_SUMS = [
  'requests', 'errors', 'unpriced', 'fallbacks', 'retries', 'tool_calls', 'input_tokens', 'cached_tokens',
  'retrieved_tokens', 'output_tokens', 'reasoning_tokens', 'human_review_seconds', 'gpu_hours', 'base_usd',
  'reported_usd', 'pricebook_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd',
] as const;
const ROLLUP_HISTS = ['latency_hist', 'ttft_hist'] as const;

// The shortest text: the numeric columns keep their scale whatever they are sent (lib/money.ts).
const usd = (pico: bigint) => exactDecimal(pico, PICO_DIGITS);

// prettier-ignore
function rollupRow(r: RollupDelta): string {
  return copyRow([
    r.team, r.day, r.workloadClass, r.model, r.provider, r.pool, r.requests, r.errors, r.unpriced, r.fallbacks,
    r.retries, r.toolCalls, r.inputTokens, r.cachedTokens, r.retrievedTokens, r.outputTokens, r.reasoningTokens,
    r.humanReviewSeconds, exactDecimal(r.gpuNanoHours, 9), usd(r.base), usd(r.reported), usd(r.pricebook),
    usd(r.l1), usd(r.l2), usd(r.l3), usd(r.l4), intArray(r.latencyHist), intArray(r.ttftHist),
  ]);
}

/** Histograms merge position by position (cut_add_histograms, migration 0002), whatever their lengths. */
const mergeArrays = (col: string) => `${col} = cut_add_histograms(daily_rollups.${col}, excluded.${col})`;

/** COPYs a batch's rollup deltas into the staging table; `mergeDeltas` (staging.ts) adds them in. */
export async function stageRollups(tx: Database, deltas: readonly RollupDelta[]): Promise<void> {
  if (deltas.length) await tx.copyFrom('rollups_stage', ROLLUP_COLUMNS, deltas.map(rollupRow).join(''));
}

const ROLLUP_COLUMNS = [...ROLLUP_KEY, ...ROLLUP_SUMS, ...ROLLUP_HISTS];

// Sorted so concurrent batches take row locks in the same order and cannot deadlock.
export const MERGE_ROLLUPS = `insert into daily_rollups (${ROLLUP_COLUMNS.join(', ')})
  select ${ROLLUP_COLUMNS.join(', ')} from rollups_stage order by ${ROLLUP_KEY.join(', ')}
  on conflict (${ROLLUP_KEY.join(', ')}) do update set
    ${ROLLUP_SUMS.map((c) => `${c} = daily_rollups.${c} + excluded.${c}`).join(',\n    ')},
    ${ROLLUP_HISTS.map(mergeArrays).join(',\n    ')}`;
