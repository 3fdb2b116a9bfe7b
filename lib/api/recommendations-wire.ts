import { z } from 'zod';
import { isIsoDay } from '../dates/days';
import type { MigrationRecommendation } from '../decisions/recommend';
import { decimalAmount } from './config-fields';

export interface RecommendationsQuery {
  range: { from: string; to: string } | null;
  fixedOpsUsdPerMonth: string;
  tokensPerGpuHour: string | null;
}

export interface RecommendationsBody {
  from: string;
  to: string;
  recommendations: MigrationRecommendation[];
}

const DAY_RULE = 'must be a date YYYY-MM-DD';
const day = z.string({ error: DAY_RULE }).refine(isIsoDay, { error: DAY_RULE });
const PARAMS = ['from', 'to', 'fixed_ops_usd_per_month', 'tokens_per_gpu_hour'];

/** `GET /api/v1/recommendations`: the period (default: the last 30 days with data) and the pool assumptions. */
export const recommendationsQuery = z
  .strictObject(
    {
      from: day.optional(),
      to: day.optional(),
      fixed_ops_usd_per_month: decimalAmount().optional(),
      tokens_per_gpu_hour: decimalAmount({ positive: true }).optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; use ${PARAMS.join(', ')}`
          : undefined,
    },
  )
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    path: ['to'],
    error: 'give from and to together, or neither for the last 30 days with data',
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'must be on or after from' })
  .transform((q): RecommendationsQuery => ({
    range: q.from && q.to ? { from: q.from, to: q.to } : null,
    fixedOpsUsdPerMonth: q.fixed_ops_usd_per_month ?? '0',
    tokensPerGpuHour: q.tokens_per_gpu_hour ?? null,
  }));
