import { z } from 'zod';
import { daysInclusive } from '../dates/days';
import { BP, type WhatIfChanges } from '../decisions/changes';
import type { MetricsRow } from '../metrics/derive';
import { decimalAmount } from './config-fields';
import { queryDay as day } from './query-params';

/** A route as asked: a pool's throughput is measured by the caller unless it is stated here. */
type AskedRoute =
  { kind: 'model'; provider: string; model: string } | { kind: 'pool'; pool: string; tokensPerGpuHour: string | null };

/** `POST /api/v1/what-if` after validation. */
export interface WhatIfQuery {
  from: string;
  to: string;
  workloadClass: string | null;
  changes: Omit<WhatIfChanges, 'route'> & { route: AskedRoute | null };
}

export interface WhatIfBody {
  from: string;
  to: string;
  workload_class: string | null;
  baseline: MetricsRow;
  projected: MetricsRow;
  /** the TCO of every team and class: a move can shift cost onto others (idle, shared costs) */
  organisation: { baseline_tco_usd: string; projected_tco_usd: string };
  /** what the reader should know about this projection, one sentence each */
  notes: string[];
}

/** Re-pricing is linear in the calls of the period: a year keeps an answer interactive. */
const MAX_DAYS = 366;
const name = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200);
const number = (min: number, max: number, unit = '') =>
  z
    .number({ error: 'must be a number' })
    .min(min, `must be between ${min} and ${max}${unit}`)
    .max(max, `must be between ${min} and ${max}${unit}`);
/** Percentages to the hundredth (basis points), so every cut is exact integer arithmetic. */
const toBp = (pct: number) => Math.round(pct * 100);

const unknownField = (issue: z.core.$ZodRawIssue) =>
  issue.code === 'unrecognized_keys' ? 'is not a known field' : undefined;

const changes = z
  .strictObject(
    {
      input_tokens_cut_pct: number(0, 100, ' (percent)').optional(),
      retrieved_tokens_cut_pct: number(0, 100, ' (percent)').optional(),
      output_tokens_cut_pct: number(0, 100, ' (percent)').optional(),
      cache_hit_rate: number(0, 1).optional(),
      max_retries: z.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be >= 0').optional(),
      acceptance_rate_points: number(-100, 100, ' (percentage points)').optional(),
      model: z.strictObject({ provider: name, model: name }, { error: unknownField }).optional(),
      pool: z
        .strictObject(
          { name, tokens_per_gpu_hour: decimalAmount({ positive: true }).optional() },
          { error: unknownField },
        )
        .optional(),
      pool_gpu_counts: z
        .record(
          name,
          z.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must be >= 0').max(100_000),
        )
        .optional(),
    },
    { error: unknownField },
  )
  .refine((c) => !(c.model && c.pool), {
    path: ['pool'],
    error: 'give either model or pool: the class moves to one place',
  });

/** The body of `POST /api/v1/what-if`; every rule names its field in the 400. */
export const whatIfBody = z
  .strictObject(
    {
      from: day,
      to: day,
      workload_class: z.string({ error: 'must be a string' }).min(1).max(63).nullable().optional(),
      changes: changes.default({}),
    },
    { error: unknownField },
  )
  .refine((q) => q.from <= q.to, { path: ['to'], error: 'must be on or after from' })
  .refine((q) => q.from > q.to || daysInclusive(q.from, q.to) <= MAX_DAYS, {
    path: ['to'],
    error: `the period may span at most ${MAX_DAYS} days`,
  })
  .transform(({ from, to, workload_class, changes: c }): WhatIfQuery => {
    const route: AskedRoute | null = c.model
      ? { kind: 'model', provider: c.model.provider, model: c.model.model }
      : c.pool
        ? { kind: 'pool', pool: c.pool.name, tokensPerGpuHour: c.pool.tokens_per_gpu_hour ?? null }
        : null;
    return {
      from,
      to,
      workloadClass: workload_class ?? null,
      changes: {
        inputCutBp: toBp(c.input_tokens_cut_pct ?? 0),
        retrievedCutBp: toBp(c.retrieved_tokens_cut_pct ?? 0),
        outputCutBp: toBp(c.output_tokens_cut_pct ?? 0),
        cacheHitRateBp: c.cache_hit_rate === undefined ? null : Math.round(c.cache_hit_rate * BP),
        maxRetries: c.max_retries ?? null,
        acceptancePointsBp: toBp(c.acceptance_rate_points ?? 0),
        route,
        poolGpuCounts: c.pool_gpu_counts ?? {},
      },
    };
  });
