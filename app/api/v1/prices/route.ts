import { z } from 'zod';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { listModelPrices } from '@/db/queries/model-prices';
import { saveModelPrice } from '@/db/writes/model-prices';
import { text } from '@/ingest/native/rules';
import { decimalAmount, effectiveFrom, oneOf } from '@/lib/api/config-fields';
import { inForceIds, toPriceJson } from '@/lib/api/pricebook-wire';
import { MATCH_KINDS } from '@/lib/costing/pricebook';
import { afterPricebookChange } from '../_config/after-change';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const PutPriceBody = z
  .strictObject({
    provider: text(100),
    model: text(200),
    match: oneOf(MATCH_KINDS).default('exact'),
    input_usd_per_1m: decimalAmount(),
    cached_input_usd_per_1m: decimalAmount(),
    output_usd_per_1m: decimalAmount(),
    /** absent or null: reasoning tokens cost the output price */
    reasoning_usd_per_1m: decimalAmount().nullable().optional(),
    effective_from: effectiveFrom,
    source: text(500).nullable().optional(),
  })
  .superRefine((body, ctx) => {
    // A '*' in an exact name would never match a real model; a pattern without one is an exact name.
    const wildcard = body.model.includes('*');
    if (body.match === 'exact' && wildcard) {
      ctx.addIssue({
        code: 'custom',
        path: ['model'],
        message: 'contains * but match is exact: send "match": "pattern"',
      });
    }
    if (body.match === 'pattern' && !wildcard) {
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'a pattern needs at least one * wildcard' });
    }
  });

/** Every version of every model price, with the one in force now marked (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const rows = await listModelPrices(db);
  const current = inForceIds(rows, (p) => `${p.provider.toLowerCase()}\u0000${p.model.toLowerCase()}`, new Date());
  return Response.json({ prices: rows.map((p) => ({ ...toPriceJson(p), in_force: current.has(p.id) })) });
});

/** Creates a price version or replaces the one with the same start, then re-prices from it (settings:write). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const body = await parseBody(PutPriceBody, request);
  const saved = await saveModelPrice(
    db,
    {
      provider: body.provider,
      model: body.model,
      match: body.match,
      inputUsdPer1m: body.input_usd_per_1m,
      cachedInputUsdPer1m: body.cached_input_usd_per_1m,
      outputUsdPer1m: body.output_usd_per_1m,
      reasoningUsdPer1m: body.reasoning_usd_per_1m ?? null,
      effectiveFrom: body.effective_from,
      source: body.source ?? null,
    },
    caller.actor,
  );
  const { after, before, fromDay } = saved;
  // A replaced version of the other match kind moved events by that rule: a pattern covers both.
  const match = before && before.match !== after.match ? 'pattern' : after.match;
  const [job] = await afterPricebookChange(db, [
    {
      reason: `price ${after.provider}/${after.model} from ${fromDay}`,
      fromDay,
      filter: { kind: 'model', provider: after.provider, model: after.model, match },
    },
  ]);
  return Response.json(
    { price: toPriceJson(after), created: before === null, repricing_job: job },
    { status: before ? 200 : 201 },
  );
});
