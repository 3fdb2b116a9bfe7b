import type { GroupKey, MetricsFilters } from '../../lib/metrics/keys';
import type { Database } from '../client';
import { groupedSql, splitKeys } from './dashboard-sql';

export interface CostSplitParams {
  from: string;
  to: string;
  groupBy: readonly GroupKey[];
  filters: MetricsFilters;
}

export interface CostSplitSlice {
  keys: Partial<Record<GroupKey, string | null>>;
  day: string;
  provider: string;
  model: string;
  /** '' for a managed API */
  pool: string;
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  baseUsd: string;
}

/**
 * Token sums and direct cost per day, provider, model and pool (what a price applies to) within
 * each requested group, from the daily rollups, for splitting cost into input and output.
 */
export async function getCostSplitSlices(db: Database, params: CostSplitParams): Promise<CostSplitSlice[]> {
  const q = groupedSql(params);
  const own = ['day', 'provider', 'model', 'pool'];
  const extra = q.groupBy.filter((g) => !own.includes(g));
  const records = await db.query<Record<string, unknown>>(
    `select ${[...q.select, ''].join(', ')} day::text as "day", provider, model, pool,
            sum(input_tokens)::float8 as "inputTokens", sum(cached_tokens)::float8 as "cachedTokens",
            sum(output_tokens)::float8 as "outputTokens", sum(reasoning_tokens)::float8 as "reasoningTokens",
            sum(base_usd)::text as "baseUsd"
       from daily_rollups where ${q.where}
      group by ${[...extra, ...own].join(', ')}`,
    q.values,
  );
  return records.map((r) => {
    const { keys, rest } = splitKeys(r, params.groupBy);
    return { ...(rest as Omit<CostSplitSlice, 'keys'>), keys };
  });
}
