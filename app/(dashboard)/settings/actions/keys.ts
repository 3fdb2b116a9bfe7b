'use server';

import { forgetCachedKeys } from '@/app/api/auth';
import { NewKeyBody } from '@/app/api/v1/_config/key-body';
import { createKey, revokeKey } from '@/db/writes/keys';
import { NotFoundError } from '@/lib/errors';
import { authorizeSettings } from './authorize';
import { attempt, validate } from './result';

/** As POST /api/v1/keys: an ingest key whose secret is in this answer and nowhere else. */
export async function createIngestKey(input: unknown) {
  const { db, actor } = await authorizeSettings('keys:manage');
  const body = validate(NewKeyBody, input);
  if (!body.ok) return body.result;
  return attempt(async () => {
    const key = await createKey(db, { kind: 'ingest', name: body.value.name, team: body.value.team ?? null }, actor);
    return { id: key.id, key: key.secret, prefix: key.prefix, name: body.value.name, team: body.value.team ?? null };
  });
}

/** As DELETE /api/v1/keys/{id}: the key stops working at once. */
export async function revokeIngestKey(id: number) {
  const { db, actor } = await authorizeSettings('keys:manage');
  return attempt(async () => {
    if (!Number.isSafeInteger(id) || id <= 0 || !(await revokeKey(db, id, actor))) {
      throw new NotFoundError(`no live key with id ${id}`);
    }
    forgetCachedKeys();
    return { id };
  });
}
