import { z } from 'zod';
import type { Database } from '@/db/client';
import { saveGpuPool } from '@/db/writes/gpu-pools';
import { text } from '@/ingest/native/rules';
import { decimalAmount, effectiveFrom, oneOf, RATE_DECIMALS } from '@/lib/api/config-fields';
import { toPoolJson } from '@/lib/api/pricebook-wire';
import { BILLING_GRANULARITY, PRICING_MODELS } from '@/lib/costing/pricebook';
import { parseDecimal } from '@/lib/money';
import { afterPricebookChange } from './after-change';

const MAX_GPUS = 1_000_000;

/** A GPU pool version as PUT /api/v1/pools/{name} and the Settings page send it. */
export const PutPoolBody = z
  .strictObject({
    gpu_type: text(100),
    gpu_count: z
      .number({ error: 'must be an integer >= 1' })
      .int('must be an integer >= 1')
      .min(1, 'must be an integer >= 1')
      .max(MAX_GPUS, `must be <= ${MAX_GPUS.toLocaleString('en-US')}`),
    usd_per_gpu_hour: decimalAmount(),
    pricing_model: oneOf(PRICING_MODELS).default('on_demand'),
    billing_granularity: oneOf(BILLING_GRANULARITY).default('second'),
    /** absent or null: always on (gpu_count x 24) */
    provisioned_gpu_hours_per_day: decimalAmount().nullable().optional(),
    input_weight: decimalAmount({ positive: true, max: '10' }).default('0.25'),
    effective_from: effectiveFrom,
  })
  .superRefine((body, ctx) => {
    const provisioned = body.provisioned_gpu_hours_per_day;
    const ceiling = body.gpu_count * 24;
    if (
      provisioned != null &&
      parseDecimal(provisioned, RATE_DECIMALS) > parseDecimal(String(ceiling), RATE_DECIMALS)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['provisioned_gpu_hours_per_day'],
        message: `must be <= gpu_count x 24 = ${ceiling} GPU-hours per day`,
      });
    }
  });

/** Saves a pool version (audited as `actor`), then re-prices the pool's calls from its start. */
export async function applyPoolChange(db: Database, name: string, body: z.output<typeof PutPoolBody>, actor: string) {
  const { before, after, fromDay } = await saveGpuPool(
    db,
    {
      name,
      gpuType: body.gpu_type,
      gpuCount: body.gpu_count,
      usdPerGpuHour: body.usd_per_gpu_hour,
      pricingModel: body.pricing_model,
      billingGranularity: body.billing_granularity,
      provisionedGpuHoursPerDay: body.provisioned_gpu_hours_per_day ?? null,
      inputWeight: body.input_weight,
      effectiveFrom: body.effective_from,
    },
    actor,
  );
  const [job] = await afterPricebookChange(db, [
    { reason: `pool ${name} from ${fromDay}`, fromDay, filter: { kind: 'pool', pool: name } },
  ]);
  return { pool: toPoolJson(after), created: before === null, repricing_job: job! };
}
