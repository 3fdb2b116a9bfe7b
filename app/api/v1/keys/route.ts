import { authenticate } from '@/app/api/auth';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { listKeys } from '@/db/queries/keys';
import { createKey } from '@/db/writes/keys';
import { NewKeyBody } from '../_config/key-body';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Creates an ingest key (admin key only). The secret is in this response and nowhere else. */
export const POST = apiRoute(async (request) => {
  const db = await database();
  const admin = await authenticate(db, request, ['admin']);
  const body = await parseBody(NewKeyBody, request);
  const key = await createKey(db, { kind: 'ingest', name: body.name, team: body.team ?? null }, `key:${admin.keyId}`);
  return Response.json(
    {
      id: key.id,
      key: key.secret,
      prefix: key.prefix,
      kind: 'ingest',
      name: body.name,
      team: body.team ?? null,
      created_at: key.createdAt.toISOString(),
    },
    { status: 201 },
  );
});

/** Lists keys without their secrets (admin key only). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await authenticate(db, request, ['admin']);
  const keys = await listKeys(db);
  return Response.json({
    keys: keys.map((k) => ({
      id: k.id,
      kind: k.kind,
      name: k.name,
      team: k.team,
      prefix: k.prefix,
      created_at: k.createdAt.toISOString(),
      last_used_at: k.lastUsedAt?.toISOString() ?? null,
      revoked_at: k.revokedAt?.toISOString() ?? null,
    })),
  });
});
