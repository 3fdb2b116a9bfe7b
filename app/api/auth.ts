import type { Database } from '@/db/client';
import { getActiveKeyByHash } from '@/db/queries/keys';
import { touchKey } from '@/db/writes/keys';
import { ForbiddenError, UnauthorizedError } from '@/lib/errors';
import { hashKey, type KeyKind } from '@/lib/keys';

export interface Caller {
  keyId: number;
  kind: KeyKind;
  name: string;
  team: string | null;
}

const TTL_MS = 10_000;
// On globalThis: route handlers and server actions are bundled apart, and a revoke in either must
// clear the one cache every handler reads.
const CACHE = Symbol.for('cut.keyCache');
const cache: Map<string, { at: number; caller: Caller | null }> = ((globalThis as Record<symbol, unknown>)[CACHE] ??=
  new Map()) as Map<string, { at: number; caller: Caller | null }>;

/**
 * The key behind `Authorization: Bearer`, looked up by its SHA-256 (the secret is never stored),
 * cached for a few seconds so busy senders do not query per request. A revoked key stops working
 * at once in this process (the revoke route clears the cache) and within seconds anywhere else.
 */
export async function authenticate(db: Database, request: Request, allowed: readonly KeyKind[]): Promise<Caller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthorizedError();
  const hash = hashKey(match[1]!);
  const now = Date.now();
  let hit = cache.get(hash);
  if (!hit || now - hit.at > TTL_MS) {
    const row = await getActiveKeyByHash(db, hash);
    hit = { at: now, caller: row ? { keyId: row.id, kind: row.kind, name: row.name, team: row.team } : null };
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, hit);
    if (row) void touchKey(db, row.id).catch(() => {});
  }
  if (!hit.caller) throw new UnauthorizedError('unknown or revoked key');
  if (!allowed.includes(hit.caller.kind)) {
    throw new ForbiddenError(
      `a ${hit.caller.kind} key cannot be used here: this call needs a ${allowed.join(' or ')} key`,
    );
  }
  return hit.caller;
}

export function forgetCachedKeys(): void {
  cache.clear();
}
