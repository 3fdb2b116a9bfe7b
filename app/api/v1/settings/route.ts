import { authenticate } from '@/app/api/auth';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { applySettingsChange, PutSettingsBody, settingsJson } from '../_config/settings-change';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The settings in force and every unit-cost version (admin key). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await authenticate(db, request, ['admin']);
  return Response.json(await settingsJson(db));
});

/** Changes some settings and adds unit-cost versions; re-prices what they move (admin key). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const admin = await authenticate(db, request, ['admin']);
  const body = await parseBody(PutSettingsBody, request);
  return Response.json(await applySettingsChange(db, body, `key:${admin.keyId}`));
});
