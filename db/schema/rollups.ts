import { sql } from 'drizzle-orm';
import { bigserial, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { count, grainColumns, quantity, tstz, usd } from './columns';

const money = (name: string) => usd(name).notNull().default('0');

/**
 * Daily sums at the finest grain the dashboards read: reporting day x team x workload class x
 * model x provider x pool ('' for a managed API). Maintained incrementally as batches land.
 * Latency and TTFT are fixed log-bucket histograms (lib/histogram.ts) so percentiles merge.
 */
export const dailyRollups = pgTable(
  'daily_rollups',
  {
    ...grainColumns(),
    requests: count('requests'),
    errors: count('errors'),
    unpriced: count('unpriced'),
    fallbacks: count('fallbacks'),
    retries: count('retries'),
    toolCalls: count('tool_calls'),
    inputTokens: count('input_tokens'),
    cachedTokens: count('cached_tokens'),
    retrievedTokens: count('retrieved_tokens'),
    outputTokens: count('output_tokens'),
    reasoningTokens: count('reasoning_tokens'),
    humanReviewSeconds: doublePrecision('human_review_seconds').notNull().default(0),
    gpuHours: quantity('gpu_hours').notNull().default('0'),
    /** sum of `base` (the sticker figure: no idle, no fixed, no review) */
    baseUsd: money('base_usd'),
    reportedUsd: money('reported_usd'),
    pricebookUsd: money('pricebook_usd'),
    l1Usd: money('l1_usd'),
    l2Usd: money('l2_usd'),
    l3Usd: money('l3_usd'),
    l4Usd: money('l4_usd'),
    latencyHist: integer('latency_hist')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    ttftHist: integer('ttft_hist')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
  },
  (t) => [
    primaryKey({ columns: [t.team, t.day, t.workloadClass, t.model, t.provider, t.pool] }),
    index('daily_rollups_day_idx').on(t.day),
  ],
);

/**
 * Ingest batches stored but not yet folded into the rollups and workflows. Ingest writes one row
 * per batch beside its events, in the same transaction; the process that wrote it holds the
 * batch's deltas in memory (costing/held-deltas.ts) for its folder (costing/fold.ts), which
 * merges many batches at once and deletes their rows. Any other folder (another process, or
 * after a restart) sums the batch's events again: they are the events of its transaction, whose
 * `ingested_at` is this row's `created_at`, within [from_ts, to_ts]. Reads fold first.
 */
export const pendingBatches = pgTable('pending_batches', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  /** reporting days of the batch's events, as day numbers (lib/reporting-day.ts): the days it locks */
  days: integer('days').array().notNull(),
  /** names the batch's deltas in the memory of the process that wrote it ('' for none) */
  token: text('token').notNull().default(''),
  /** the earliest and latest event timestamps, to find its events by `events_ts_idx` */
  fromTs: tstz('from_ts'),
  toTs: tstz('to_ts'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});
