import type { CutEvent } from '../../lib/events/event';
import type { Database } from '../client';
import { filterSql, type KeyFilter } from './key-filter';

/** What an event was last priced at, as stored: cost_usd, cost_source, pricebook_cost_usd, l1..l4 (numeric text, 12 decimals). */
export type StoredCost = readonly string[];

/**
 * Free-text columns come one each; the numbers and enums, which hold no space, come joined in one
 * text column that is split here: decoding a dozen columns a row costs several times more. A null
 * is joined as an empty field (concat_ws would drop it and shift the rest).
 */
const SELECT = `select team, id, workload_class, model, provider, pool,
    concat_ws(' ', (extract(epoch from ts) * 1000)::float8, stage, input_tokens, cached_tokens, retrieved_tokens,
      output_tokens, reasoning_tokens, retry_count, tool_calls, fallback, latency_ms, coalesce(ttft_ms::text, ''),
      status, human_review_seconds, gpu_hours, coalesce(reported_cost_usd::text, ''),
      cost_usd, cost_source, pricebook_cost_usd, l1_usd, l2_usd, l3_usd, l4_usd)
  from events`;
/** Where the stored cost starts among the joined fields. */
const STORED_AT = 16;
/** numeric(24, 9) prints a zero this way; the event's own "0" spares parsing it. */
const ZERO_GPU_HOURS = '0.000000000';

/**
 * Hands each event in [start, end) matching a price key to `onEvent` with what it was last priced
 * at, as the rows arrive: a day's events are not held at once. Only what pricing and the rollups
 * read is selected: the workflow, acceptance and attribute fields are left empty. Times are read
 * as epoch milliseconds because the two drivers parse timestamps differently.
 */
export async function eachEventForRepricing(
  db: Database,
  range: { start: Date; end: Date },
  filter: KeyFilter,
  onEvent: (event: CutEvent, stored: StoredCost) => void,
): Promise<void> {
  const where = filterSql(filter, 3, 'events');
  await db.eachRow(
    `${SELECT} where ts >= $1::timestamptz and ts < $2::timestamptz and ${where.sql}`,
    [range.start.toISOString(), range.end.toISOString(), ...where.params],
    (row) => {
      const f = (row[6] as string).split(' ');
      const gpuHours = f[14]!;
      onEvent(
        {
          id: row[1] as string,
          timestamp: new Date(Math.round(Number(f[0]))),
          team: row[0] as string,
          workloadClass: row[2] as string,
          workflowId: '',
          model: row[3] as string,
          provider: row[4] as string,
          modelVersion: null,
          pool: row[5] as string | null,
          stage: f[1] as CutEvent['stage'],
          inputTokens: Number(f[2]),
          cachedTokens: Number(f[3]),
          retrievedTokens: Number(f[4]),
          outputTokens: Number(f[5]),
          reasoningTokens: Number(f[6]),
          retryCount: Number(f[7]),
          toolCalls: Number(f[8]),
          fallback: f[9] === 't',
          latencyMs: Number(f[10]),
          ttftMs: f[11] === '' ? null : Number(f[11]),
          queueMs: null,
          status: f[12] as CutEvent['status'],
          errorType: null,
          acceptanceStatus: 'pending',
          rejectionReason: null,
          humanReviewSeconds: Number(f[13]),
          gpuHours: gpuHours === ZERO_GPU_HOURS ? '0' : gpuHours,
          reportedCostUsd: f[15] === '' ? null : f[15]!,
          attributes: {},
        },
        f.slice(STORED_AT),
      );
    },
  );
}
