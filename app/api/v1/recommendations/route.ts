import { runRecommendations } from '@/decisions/recommendations';
import { recommendationsQuery } from '@/lib/api/recommendations-wire';
import { apiRoute, database, parseQuery } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Migration recommendations for the weekly review: each class's best move, with its numbers. */
export const GET = apiRoute(async (request) => {
  const query = parseQuery(recommendationsQuery, new URL(request.url).searchParams);
  return Response.json(await runRecommendations(await database(), query));
});
