import type { Database } from '@/db/client';
import { getActiveKeyByHash } from '@/db/queries/keys';
import { touchKey } from '@/db/writes/keys';
import { UnauthorizedError } from '@/lib/errors';
import { hashKey, keyMatches, type KeyKind } from '@/lib/keys';

export interface Caller {
  keyId: number;
  kind: KeyKind;
  name: string;
  team: string | null;
  /** a read token's role and teams */
  role: string | null;
  teams: string[] | null;
}

const TTL_MS = 10_000;
// On globalThis: route handlers and server actions are bundled apart, and a revoke in either must
// clear the one cache every handler reads.
const CACHE = Symbol.for('cut.keyCache');
const cache: Map<string, { at: number; caller: Caller | null }> = ((globalThis as Record<symbol, unknown>)[CACHE] ??=
  new Map()) as Map<string, { at: number; caller: Caller | null }>;

/** The secret in `Authorization: Bearer <secret>`, or null when the header is absent. */
export function bearerSecret(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthorizedError('malformed Authorization header: send Authorization: Bearer <key>');
  return match[1]!;
}

/**
 * The live key with this secret, looked up by its SHA-256 (the secret is never stored) and
 * confirmed with a constant-time comparison, cached for a few seconds so busy senders do not
 * query per request. A revoked key stops working at once in this process (the revoke route
 * clears the cache) and within seconds anywhere else.
 */
export async function keyCaller(db: Database, secret: string): Promise<Caller | null> {
  const hash = hashKey(secret);
  const now = Date.now();
  let hit = cache.get(hash);
  if (!hit || now - hit.at > TTL_MS) {
    const row = await getActiveKeyByHash(db, hash);
    const caller =
      row && keyMatches(secret, row.secretHash)
        ? { keyId: row.id, kind: row.kind, name: row.name, team: row.team, role: row.role, teams: row.teams }
        : null;
    hit = { at: now, caller };
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, hit);
    if (row) void touchKey(db, row.id).catch(() => {});
  }
  return hit.caller;
}

export function forgetCachedKeys(): void {
  cache.clear();
}
