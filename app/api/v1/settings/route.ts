import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { applySettingsChange, PutSettingsBody, settingsJson } from '../_config/settings-change';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The settings in force and every unit-cost version (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  return Response.json(await settingsJson(db));
});

/** Changes some settings and adds unit-cost versions; re-prices what they move (settings:write). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const body = await parseBody(PutSettingsBody, request);
  return Response.json(await applySettingsChange(db, body, caller.actor));
});
