import { authenticate } from '@/app/api/auth';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { listFixedCosts } from '@/db/queries/fixed-cost-list';
import { createFixedCost } from '@/db/writes/fixed-costs';
import { toFixedCostJson } from '@/lib/api/pricebook-wire';
import { afterPricebookChange } from '../_config/after-change';
import { FixedCostBody, toFixedCostInput } from '../_config/fixed-cost-body';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Fixed costs not deleted (admin key). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await authenticate(db, request, ['admin']);
  return Response.json({ fixed_costs: (await listFixedCosts(db)).map(toFixedCostJson) });
});

/** Creates a fixed cost; the days it covers are settled again (admin key). */
export const POST = apiRoute(async (request) => {
  const db = await database();
  const admin = await authenticate(db, request, ['admin']);
  const body = await parseBody(FixedCostBody, request);
  const row = await createFixedCost(db, toFixedCostInput(body), `key:${admin.keyId}`);
  await afterPricebookChange(db, []);
  return Response.json({ fixed_cost: toFixedCostJson(row) }, { status: 201 });
});
