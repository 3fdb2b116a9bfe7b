import { z } from 'zod';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import { listKeys } from '@/db/queries/keys';
import { createKey } from '@/db/writes/keys';
import { slug, text } from '@/ingest/native/rules';
import { ROLES } from '@/lib/access/roles';
import { oneOf } from '@/lib/api/config-fields';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** An ingest key (optionally for one team), or a read token that reads as a role (a team_viewer's for its teams). */
const NewKeyBody = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('ingest'), name: text(100), team: slug.optional() }),
    z
      .strictObject({
        kind: z.literal('read'),
        name: text(100),
        role: oneOf(ROLES),
        teams: z.array(slug).max(100, 'must hold at most 100 teams').optional(),
      })
      .refine((b) => b.role !== 'team_viewer' || (b.teams?.length ?? 0) > 0, {
        path: ['teams'],
        message: 'a team_viewer token needs at least one team',
      }),
  ],
  { error: 'kind: must be "ingest" or "read"' },
);

const keyBody = (raw: unknown) =>
  raw && typeof raw === 'object' && !('kind' in raw) ? { ...raw, kind: 'ingest' } : raw;

/** Creates an ingest key or a read token (keys:manage). The secret is in this response and nowhere else. */
export const POST = apiRoute(async (request) => {
  const caller = await requireAccess(request, 'keys:manage');
  const body = await parseBody(z.preprocess(keyBody, NewKeyBody), request);
  const db = await database();
  const input =
    body.kind === 'ingest'
      ? { kind: body.kind, name: body.name, team: body.team ?? null, role: null, teams: null }
      : {
          kind: body.kind,
          name: body.name,
          team: null,
          role: body.role,
          teams: body.role === 'team_viewer' ? [...new Set(body.teams)] : null,
        };
  const key = await createKey(db, input, caller.actor);
  return Response.json(
    {
      id: key.id,
      key: key.secret,
      prefix: key.prefix,
      kind: input.kind,
      name: input.name,
      team: input.team,
      role: input.role,
      teams: input.teams,
      created_at: key.createdAt.toISOString(),
    },
    { status: 201 },
  );
});

/** Lists keys and tokens without their secrets (keys:manage). */
export const GET = apiRoute(async (request) => {
  await requireAccess(request, 'keys:manage');
  const keys = await listKeys(await database());
  return Response.json({
    keys: keys.map((k) => ({
      id: k.id,
      kind: k.kind,
      name: k.name,
      team: k.team,
      role: k.role,
      teams: k.teams,
      prefix: k.prefix,
      created_at: k.createdAt.toISOString(),
      last_used_at: k.lastUsedAt?.toISOString() ?? null,
      revoked_at: k.revokedAt?.toISOString() ?? null,
    })),
  });
});
