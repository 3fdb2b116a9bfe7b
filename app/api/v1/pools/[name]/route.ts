import { z } from 'zod';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { getGpuPoolVersions } from '@/db/queries/gpu-pools';
import { saveGpuPool } from '@/db/writes/gpu-pools';
import { text } from '@/ingest/native/rules';
import { decimalAmount, effectiveFrom, oneOf, RATE_DECIMALS } from '@/lib/api/config-fields';
import { toPoolJson } from '@/lib/api/pricebook-wire';
import { BILLING_GRANULARITY, PRICING_MODELS } from '@/lib/costing/pricebook';
import { NotFoundError } from '@/lib/errors';
import { parseDecimal } from '@/lib/money';
import { afterPricebookChange } from '../../_config/after-change';
import { slugFromPath } from '../../_config/path';
import { poolsJson } from '../../_config/pools-json';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const MAX_GPUS = 1_000_000;

const PutPoolBody = z
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

/** One pool: the version in force now and its history (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const name = slugFromPath(request, 'name');
  const [pool] = poolsJson(await getGpuPoolVersions(db, { name }), new Date());
  if (!pool) throw new NotFoundError(`no pool named ${name}`);
  return Response.json(pool);
});

/** Creates a pool version or replaces the one with the same start, then re-prices from it (settings:write). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const name = slugFromPath(request, 'name');
  const body = await parseBody(PutPoolBody, request);
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
    caller.actor,
  );
  const [job] = await afterPricebookChange(db, [
    { reason: `pool ${name} from ${fromDay}`, fromDay, filter: { kind: 'pool', pool: name } },
  ]);
  return Response.json(
    { pool: toPoolJson(after), created: before === null, repricing_job: job },
    { status: before ? 200 : 201 },
  );
});
