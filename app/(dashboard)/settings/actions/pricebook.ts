'use server';

import { applyPoolChange, PutPoolBody } from '@/app/api/v1/_config/pool-change';
import { applyPriceChange, PutPriceBody } from '@/app/api/v1/_config/price-change';
import { slug } from '@/ingest/native/rules';
import { authorizeSettings } from './authorize';
import { attempt, validate } from './result';

/** A model price version, exactly as PUT /api/v1/prices takes it; re-prices before answering when small. */
export async function savePrice(input: unknown) {
  const { db, actor } = await authorizeSettings('settings:write');
  const body = validate(PutPriceBody, input);
  if (!body.ok) return body.result;
  return attempt(() => applyPriceChange(db, body.value, actor));
}

/** A GPU pool version, as PUT /api/v1/pools/{name} takes it (the name inside the input). */
export async function savePool(input: unknown) {
  const { db, actor } = await authorizeSettings('settings:write');
  const { name, ...rest } = (input ?? {}) as { name?: unknown };
  const checked = slug.safeParse(name);
  if (!checked.success) {
    const message = checked.error.issues[0]?.message ?? 'is invalid';
    return { ok: false as const, error: `name: ${message}`, fields: { name: message } };
  }
  const body = validate(PutPoolBody, rest);
  if (!body.ok) return body.result;
  return attempt(() => applyPoolChange(db, checked.data, body.value, actor));
}
