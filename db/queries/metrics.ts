import { PACKED_BUCKET_DIGITS, unpackHistogram } from '../../lib/histogram';
import type { MetricSums } from '../../lib/metrics/derive';
import { FILTER_KEYS, type GroupKey, type GroupValues, type MetricsFilters } from '../../lib/metrics/keys';
import type { Database } from '../client';

export interface MetricSumsParams {
  /** inclusive reporting days, YYYY-MM-DD */
  from: string;
  to: string;
  /** grouping keys, in the order rows are sorted by; none = one total row */
  groupBy: readonly GroupKey[];
  filters: MetricsFilters;
}

/** How each key is grouped (on the reporting day stored with every row) and how it is written out. */
export const GROUPS: Record<GroupKey, { expr: string; output: (col: string) => string; text: boolean }> = {
  day: { expr: 'day', output: (c) => `to_char(${c}, 'YYYY-MM-DD')`, text: false },
  // date_trunc on a timestamp without time zone: the session's time zone cannot move the date
  week: { expr: `date_trunc('week', day::timestamp)::date`, output: (c) => `to_char(${c}, 'YYYY-MM-DD')`, text: false },
  month: { expr: `date_trunc('month', day::timestamp)::date`, output: (c) => `to_char(${c}, 'YYYY-MM')`, text: false },
  team: { expr: 'team', output: (c) => c, text: true },
  workload_class: { expr: 'workload_class', output: (c) => c, text: true },
  model: { expr: 'model', output: (c) => c, text: true },
  provider: { expr: 'provider', output: (c) => c, text: true },
  // a managed API is stored as pool '' and reported as null (no pool)
  pool: { expr: 'pool', output: (c) => `nullif(${c}, '')`, text: true },
};

const ROLLUP_SUMS = `sum(requests)::text as requests, sum(unpriced)::text as unpriced,
  sum(fallbacks)::text as fallbacks, sum(retries)::text as retries, sum(input_tokens)::text as input_tokens,
  sum(cached_tokens)::text as cached_tokens, sum(output_tokens)::text as output_tokens,
  sum(gpu_hours)::text as gpu_hours, sum(human_review_seconds)::float8 as review_seconds,
  sum(base_usd)::text as base_usd, sum(l1_usd)::text as l1_usd, sum(l2_usd)::text as l2_usd,
  sum(l3_usd)::text as l3_usd, sum(l4_usd)::text as l4_usd`;

const WORKFLOW_SUMS = `sum(workflows)::text as workflows, sum(accepted_workflows)::text as accepted,
  sum(rejected_workflows)::text as rejected, sum(useful_output_tokens)::text as useful,
  sum(outcome_review_seconds)::float8 as review_seconds`;

// Allocations and histograms come from settled_sums, built when the day was settled: summing
// daily_rollups' histograms bucket by bucket (161 sums each) and every allocation row took 90 of
// the 100 ms this query ran for 90 days by day and class at 10M events. A packed histogram is one sum.
const SETTLED_SUMS = `sum(alloc_l2_usd)::text as l2, sum(idle_usd)::text as idle, sum(alloc_l4_usd)::text as l4,
  sum(alloc_l5_usd)::text as l5, sum(latency_packed)::text as latency_hist, sum(ttft_packed)::text as ttft_hist`;

/** The final columns, named after MetricSums; a side with no row for a group counts as zero. */
const OUTPUT = `coalesce(r.requests, '0') as "requests", coalesce(r.unpriced, '0') as "unpriced",
  coalesce(r.fallbacks, '0') as "fallbacks", coalesce(r.retries, '0') as "retries",
  coalesce(r.input_tokens, '0') as "inputTokens", coalesce(r.cached_tokens, '0') as "cachedTokens",
  coalesce(r.output_tokens, '0') as "outputTokens", coalesce(r.gpu_hours, '0') as "gpuHours",
  coalesce(r.review_seconds, 0)::float8 as "eventReviewSeconds", coalesce(r.base_usd, '0') as "baseUsd",
  coalesce(r.l1_usd, '0') as "l1Usd", coalesce(r.l2_usd, '0') as "l2Usd", coalesce(r.l3_usd, '0') as "l3Usd",
  coalesce(r.l4_usd, '0') as "l4Usd", s.latency_hist as "latencyHist", s.ttft_hist as "ttftHist",
  coalesce(w.workflows, '0') as "workflows", coalesce(w.accepted, '0') as "acceptedWorkflows",
  coalesce(w.rejected, '0') as "rejectedWorkflows", coalesce(w.useful, '0') as "usefulOutputTokens",
  coalesce(w.review_seconds, 0)::float8 as "outcomeReviewSeconds", coalesce(s.l2, '0') as "allocL2Usd",
  coalesce(s.idle, '0') as "idleUsd", coalesce(s.l4, '0') as "allocL4Usd", coalesce(s.l5, '0') as "allocL5Usd"`;

type SumsRecord = Omit<MetricSums, 'keys' | 'latencyHist' | 'ttftHist'> & {
  latencyHist: string | null;
  ttftHist: string | null;
} & Record<`key_${GroupKey}`, string | null>;

/** The one statement and its parameters: filters as text[] parameters, keys from a fixed list. */
function metricSumsSql(params: MetricSumsParams): { text: string; values: unknown[] } {
  const values: unknown[] = [params.from, params.to];
  const where = ['day between $1::date and $2::date'];
  for (const key of FILTER_KEYS) {
    const list = params.filters[key];
    if (!list?.length) continue;
    values.push(list);
    where.push(`${key} = any($${values.length}::text[])`);
  }
  const keys = params.groupBy;
  const cols = keys.map((k) => `g_${k}`);
  const keySelect = keys.map((k, i) => `${GROUPS[k].expr} as ${cols[i]}, `).join('');
  const groupBy = keys.length ? `group by ${keys.map((_, i) => i + 1).join(', ')}` : '';
  const from = (table: string, sums: string) =>
    `(select ${keySelect}${sums} from ${table} where ${where.join(' and ')} ${groupBy})`;
  const join = keys.length
    ? (alias: string) => `full join ${alias} using (${cols.join(', ')})`
    : (alias: string) => `cross join ${alias}`;
  const text = `
    select ${keys.map((k, i) => `${GROUPS[k].output(cols[i]!)} as "key_${k}", `).join('')}${OUTPUT}
      from ${from('daily_rollups', ROLLUP_SUMS)} r
      ${join(`${from('workflow_rollups', WORKFLOW_SUMS)} w`)}
      ${join(`${from('settled_sums', SETTLED_SUMS)} s`)}
      ${keys.length ? `order by ${keys.map((k, i) => (GROUPS[k].text ? `${cols[i]} collate "C"` : cols[i])).join(', ')}` : ''}`;
  return { text, values };
}

/**
 * Sums of direct cost (daily_rollups), workflow figures (workflow_rollups), allocated cost and
 * latency histograms (settled_sums) per group over a day range, joined on the group keys: a group
 * may have allocations and no events (idle capacity on a quiet day, a fixed cost). No keys: one
 * row. Callers settle the range first (settleDays), which keeps allocations and settled_sums current.
 */
export async function getMetricSums(db: Database, params: MetricSumsParams): Promise<MetricSums[]> {
  const { text, values } = metricSumsSql(params);
  // JIT is off for CUT's connections (db/client.ts): compiling these aggregates costs more than it saves.
  const records = await db.query<SumsRecord>(text, values);
  return records.map((r) => toSums(r, params.groupBy));
}

/**
 * Copies the driver's record into a MetricSums field by field. V8 keeps the record as a hash table
 * (the driver adds its columns one by one under computed names), and a copy with the key columns
 * deleted is one too: deriveMetricsRow then read every sum by hash lookup.
 */
function toSums(r: SumsRecord, groupBy: readonly GroupKey[]): MetricSums {
  const keys: GroupValues = {};
  for (const k of groupBy) keys[k] = r[`key_${k}`];
  // No bucket holds more than the group's requests: below 10^12 of them no packed bucket carries.
  if (r.requests.length > PACKED_BUCKET_DIGITS) throw new RangeError(`${r.requests} requests in one group`);
  return {
    keys,
    requests: r.requests,
    unpriced: r.unpriced,
    fallbacks: r.fallbacks,
    retries: r.retries,
    inputTokens: r.inputTokens,
    cachedTokens: r.cachedTokens,
    outputTokens: r.outputTokens,
    gpuHours: r.gpuHours,
    eventReviewSeconds: r.eventReviewSeconds,
    baseUsd: r.baseUsd,
    l1Usd: r.l1Usd,
    l2Usd: r.l2Usd,
    l3Usd: r.l3Usd,
    l4Usd: r.l4Usd,
    workflows: r.workflows,
    acceptedWorkflows: r.acceptedWorkflows,
    rejectedWorkflows: r.rejectedWorkflows,
    usefulOutputTokens: r.usefulOutputTokens,
    outcomeReviewSeconds: r.outcomeReviewSeconds,
    allocL2Usd: r.allocL2Usd,
    idleUsd: r.idleUsd,
    allocL4Usd: r.allocL4Usd,
    allocL5Usd: r.allocL5Usd,
    latencyHist: unpackHistogram(r.latencyHist),
    ttftHist: unpackHistogram(r.ttftHist),
  };
}
