import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { listModelPrices } from '@/db/queries/model-prices';
import { inForceIds, toPriceJson } from '@/lib/api/pricebook-wire';
import { applyPriceChange, PutPriceBody } from '../_config/price-change';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

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
  const result = await applyPriceChange(db, body, caller.actor);
  return Response.json(result, { status: result.created ? 201 : 200 });
});
