import { runRecommendations } from '@/decisions/recommendations';
import { recommendationsQuery } from '@/lib/api/recommendations-wire';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Migration recommendations for the weekly review: each class's best move, with its numbers (figures:all). */
export const GET = apiRoute(async (request) => {
  await requireAccess(request, 'figures:all');
  const query = parseQuery(recommendationsQuery, new URL(request.url).searchParams);
  return Response.json(await runRecommendations(await database(), query));
});
