import { runBreakEven } from '@/decisions/break-even';
import { breakEvenQuery } from '@/lib/api/break-even-wire';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** A class's managed API against a dedicated GPU pool: break-even volume, hybrid, recommendation (figures:all). */
export const GET = apiRoute(async (request) => {
  await requireAccess(request, 'figures:all');
  const query = parseQuery(breakEvenQuery, new URL(request.url).searchParams);
  return Response.json(await runBreakEven(await database(), query));
});
