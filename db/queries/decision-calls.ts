import type { CutEvent } from '../../lib/events/event';
import type { Database } from '../client';

export interface DecisionCallsParams {
  /** instants, [start, end) */
  start: Date;
  end: Date;
  /** null: every class */
  workloadClass: string | null;
}

// One text value per query (tab-separated lines) instead of a row per call: on PGlite reading
// 150k calls as rows took 3.5 s, as one string 0.4 s. Free-text fields are escaped to stay on a line.
const esc = (column: string) => `replace(replace(replace(${column}, '\\', '\\\\'), E'\\t', '\\t'), E'\\n', '\\n')`;
const UNESCAPE = /\\(.)/g;
const unesc = (s: string) =>
  s.includes('\\') ? s.replace(UNESCAPE, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c)) : s;

/**
 * The calls of a period as costing reads them (the fields `priceEvent` and workflow figures use):
 * latency, status, acceptance and attributes are left out, as a what-if never changes them.
 */
export async function getDecisionCalls(db: Database, params: DecisionCallsParams): Promise<CutEvent[]> {
  const [row] = await db.query<{ lines: string | null }>(
    `select string_agg(concat_ws(E'\\t', team, (extract(epoch from ts) * 1000)::float8, workload_class,
              ${esc('workflow_id')}, ${esc('model')}, ${esc('provider')}, coalesce(${esc('pool')}, ''), stage,
              input_tokens, cached_tokens, retrieved_tokens, output_tokens, reasoning_tokens, retry_count, tool_calls,
              human_review_seconds, case when gpu_hours = 0 then '0' else gpu_hours::text end,
              coalesce(reported_cost_usd::text, '')), E'\\n') as lines
       from events
      where ts >= $1::timestamptz and ts < $2::timestamptz and ($3::text is null or workload_class = $3)`,
    [params.start.toISOString(), params.end.toISOString(), params.workloadClass],
  );
  if (!row?.lines) return [];
  return row.lines.split('\n').map(toEvent);
}

function toEvent(line: string): CutEvent {
  const f = line.split('\t');
  const pool = unesc(f[6]!);
  return {
    id: '',
    timestamp: new Date(Math.round(Number(f[1]))),
    team: f[0]!,
    workloadClass: f[2]!,
    workflowId: unesc(f[3]!),
    model: unesc(f[4]!),
    provider: unesc(f[5]!),
    modelVersion: null,
    pool: pool === '' ? null : pool,
    stage: f[7] as CutEvent['stage'],
    inputTokens: Number(f[8]),
    cachedTokens: Number(f[9]),
    retrievedTokens: Number(f[10]),
    outputTokens: Number(f[11]),
    reasoningTokens: Number(f[12]),
    retryCount: Number(f[13]),
    toolCalls: Number(f[14]),
    fallback: false,
    latencyMs: 0,
    ttftMs: null,
    queueMs: null,
    status: 'ok',
    errorType: null,
    acceptanceStatus: 'pending',
    rejectionReason: null,
    humanReviewSeconds: Number(f[15]),
    gpuHours: f[16]!,
    reportedCostUsd: f[17] === '' ? null : f[17]!,
    attributes: {},
  };
}

export { esc as escapeForLine, unesc as unescapeLine };
