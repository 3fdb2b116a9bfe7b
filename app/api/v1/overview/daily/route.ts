import { foldIfPending } from '@/costing/fold';
import { getDailyTotals } from '@/db/queries/daily-totals';
import { overviewDailyParams, toOverviewDailyRow, type OverviewDailyBody } from '@/lib/api/overview-daily';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Direct cost by layer and request counts per reporting day, for the Overview charts and tiles. */
export const GET = apiRoute(async (request) => {
  const range = parseQuery(overviewDailyParams, new URL(request.url).searchParams);
  const db = await database();
  await foldIfPending(db); // rollups include every batch acknowledged so far
  const body: OverviewDailyBody = { rows: (await getDailyTotals(db, range)).map(toOverviewDailyRow) };
  return Response.json(body);
});
