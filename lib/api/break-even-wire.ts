import { z } from 'zod';
import { daysInclusive } from '../dates/days';
import { decimalAmount } from './config-fields';
import { optionalPeriod, unknownParameters, queryDay as day } from './query-params';

/** `GET /api/v1/break-even` after validation. */
export interface BreakEvenQuery {
  workloadClass: string;
  pool: string;
  /** both or neither: the default is the last 30 days with data */
  range: { from: string; to: string } | null;
  /** the API to compare with; null: the one the class uses most */
  api: { provider: string; model: string } | null;
  /** USD per month, decimal string */
  fixedOpsUsdPerMonth: string;
  /** output-equivalent tokens per GPU-hour; null: measured on the pool */
  tokensPerGpuHour: string | null;
}

const PARAMS = [
  'workload_class',
  'pool',
  'from',
  'to',
  'provider',
  'model',
  'fixed_ops_usd_per_month',
  'tokens_per_gpu_hour',
];
const MAX_DAYS = 366;
const required = (what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `is required: ${what}` : 'must be a string') })
    .trim()
    .min(1, `is required: ${what}`)
    .max(200);

export const breakEvenQuery = optionalPeriod(
  z.strictObject(
    {
      workload_class: required('the workload class to decide for'),
      pool: required('the GPU pool to compare with'),
      from: day.optional(),
      to: day.optional(),
      provider: required('the API provider, with model').optional(),
      model: required('the API model, with provider').optional(),
      fixed_ops_usd_per_month: decimalAmount().optional(),
      tokens_per_gpu_hour: decimalAmount({ positive: true }).optional(),
    },
    { error: unknownParameters(PARAMS) },
  ),
)
  .refine((q) => !q.from || !q.to || q.from > q.to || daysInclusive(q.from, q.to) <= MAX_DAYS, {
    path: ['to'],
    error: `the period may span at most ${MAX_DAYS} days`,
  })
  .refine((q) => (q.provider === undefined) === (q.model === undefined), {
    path: ['model'],
    error: 'give provider and model together, or neither for the API the class uses most',
  })
  .transform((q): BreakEvenQuery => ({
    workloadClass: q.workload_class,
    pool: q.pool,
    range: q.from && q.to ? { from: q.from, to: q.to } : null,
    api: q.provider && q.model ? { provider: q.provider, model: q.model } : null,
    fixedOpsUsdPerMonth: q.fixed_ops_usd_per_month ?? '0',
    tokensPerGpuHour: q.tokens_per_gpu_hour ?? null,
  }));
