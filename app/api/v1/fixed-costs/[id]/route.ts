import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { getFixedCost } from '@/db/queries/fixed-cost-list';
import { deleteFixedCost, replaceFixedCost } from '@/db/writes/fixed-costs';
import { toFixedCostJson } from '@/lib/api/pricebook-wire';
import { NotFoundError } from '@/lib/errors';
import { afterPricebookChange } from '../../_config/after-change';
import { FixedCostBody, toFixedCostInput } from '../../_config/fixed-cost-body';
import { idFromPath } from '../../_config/path';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const notFound = (id: number) => new NotFoundError(`no fixed cost with id ${id} (or it was deleted)`);

/** One fixed cost (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  const id = idFromPath(request);
  const row = await getFixedCost(db, id);
  if (!row) throw notFound(id);
  return Response.json({ fixed_cost: toFixedCostJson(row) });
});

/** Replaces a fixed cost; the days it covered and now covers are settled again (settings:write). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const id = idFromPath(request);
  const body = await parseBody(FixedCostBody, request);
  const row = await replaceFixedCost(db, id, toFixedCostInput(body), caller.actor);
  if (!row) throw notFound(id);
  await afterPricebookChange(db, []);
  return Response.json({ fixed_cost: toFixedCostJson(row) });
});

/** Deletes a fixed cost (kept, marked deleted, for the audit trail) (settings:write). */
export const DELETE = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const id = idFromPath(request);
  if (!(await deleteFixedCost(db, id, caller.actor))) throw notFound(id);
  await afterPricebookChange(db, []);
  return new Response(null, { status: 204 });
});
