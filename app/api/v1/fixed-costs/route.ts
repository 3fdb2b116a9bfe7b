import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { listFixedCosts } from '@/db/queries/fixed-cost-list';
import { createFixedCost } from '@/db/writes/fixed-costs';
import { toFixedCostJson } from '@/lib/api/pricebook-wire';
import { afterPricebookChange } from '../_config/after-change';
import { FixedCostBody, toFixedCostInput } from '../_config/fixed-cost-body';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Fixed costs not deleted (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  return Response.json({ fixed_costs: (await listFixedCosts(db)).map(toFixedCostJson) });
});

/** Creates a fixed cost; the days it covers are settled again (settings:write). */
export const POST = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const body = await parseBody(FixedCostBody, request);
  const row = await createFixedCost(db, toFixedCostInput(body), caller.actor);
  await afterPricebookChange(db, []);
  return Response.json({ fixed_cost: toFixedCostJson(row) }, { status: 201 });
});
