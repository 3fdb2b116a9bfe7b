import type { MetricsRow } from '../metrics/derive';
import type { Polarity } from './deltas';

/** The metrics row fields a dashboard figure reads (group keys aside). */
export type Figures = Omit<
  MetricsRow,
  'day' | 'week' | 'month' | 'team' | 'workload_class' | 'model' | 'pool' | 'provider'
>;

const num = (decimal: string | null): number | null => (decimal === null ? null : Number(decimal));

export interface FigureSpec {
  label: string;
  polarity: Polarity;
  /** the figure as a number for charts and comparisons; null when it has no value (a ratio over nothing) */
  value: (row: Figures) => number | null;
}

/**
 * Every daily figure the dashboards chart or compare, with the direction that counts as better.
 * Prompt length is input tokens per request: the creep of a growing system prompt or context.
 */
export const FIGURES = {
  cut: { label: 'CUT', polarity: 'lower_is_better', value: (r) => num(r.cut_usd_per_1m) },
  cost_per_accepted: {
    label: 'Cost per accepted workflow',
    polarity: 'lower_is_better',
    value: (r) => num(r.cost_per_accepted_workflow_usd),
  },
  tco: { label: 'TCO', polarity: 'lower_is_better', value: (r) => Number(r.tco_usd) },
  acceptance_rate: { label: 'Acceptance rate', polarity: 'higher_is_better', value: (r) => r.acceptance_rate },
  retry_rate: { label: 'Retry rate', polarity: 'lower_is_better', value: (r) => r.retry_rate },
  cache_hit_rate: { label: 'Cache hit rate', polarity: 'higher_is_better', value: (r) => r.cache_hit_rate },
  p95_latency: { label: 'p95 latency', polarity: 'lower_is_better', value: (r) => r.p95_latency_ms },
  unpriced: { label: 'Unpriced events', polarity: 'lower_is_better', value: (r) => r.unpriced_requests },
  prompt_length: {
    label: 'Prompt length',
    polarity: 'neutral',
    value: (r) => (r.requests > 0 ? r.input_tokens / r.requests : null),
  },
  requests: { label: 'Requests', polarity: 'neutral', value: (r) => r.requests },
} satisfies Record<string, FigureSpec>;

export type FigureKey = keyof typeof FIGURES;
