import { runWhatIf } from '@/decisions/what-if';
import { whatIfBody } from '@/lib/api/what-if-wire';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Observed and projected metrics rows of a period and class under asked changes (docs/decisions.md; figures:all). */
export const POST = apiRoute(async (request) => {
  await requireAccess(request, 'figures:all');
  const query = await parseBody(whatIfBody, request);
  return Response.json(await runWhatIf(await database(), query));
});
