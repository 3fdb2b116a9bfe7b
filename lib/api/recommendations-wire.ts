import { z } from 'zod';

import type { MigrationRecommendation } from '../decisions/recommend';
import { decimalAmount } from './config-fields';
import { optionalPeriod, unknownParameters, queryDay as day } from './query-params';

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

const PARAMS = ['from', 'to', 'fixed_ops_usd_per_month', 'tokens_per_gpu_hour'];

/** `GET /api/v1/recommendations`: the period (default: the last 30 days with data) and the pool assumptions. */
export const recommendationsQuery = optionalPeriod(
  z.strictObject(
    {
      from: day.optional(),
      to: day.optional(),
      fixed_ops_usd_per_month: decimalAmount().optional(),
      tokens_per_gpu_hour: decimalAmount({ positive: true }).optional(),
    },
    { error: unknownParameters(PARAMS) },
  ),
).transform((q): RecommendationsQuery => ({
  range: q.from && q.to ? { from: q.from, to: q.to } : null,
  fixedOpsUsdPerMonth: q.fixed_ops_usd_per_month ?? '0',
  tokensPerGpuHour: q.tokens_per_gpu_hour ?? null,
}));
