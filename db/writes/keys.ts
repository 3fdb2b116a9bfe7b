import { and, eq, isNull, sql } from 'drizzle-orm';
import { generateKey, hashKey } from '../../lib/keys';
import type { Database } from '../client';
import { apiKeys, auditLog } from '../schema';

/**
 * Makes sure an admin key exists. A key given in CUT_ADMIN_KEY is registered (hashed); with none
 * given and none stored, one is generated and returned so the caller can print it once.
 */
export async function ensureAdminKey(db: Database, fromEnv: string | undefined): Promise<{ generated: string | null }> {
  return db.transaction(async (tx) => {
    if (fromEnv) {
      const hash = hashKey(fromEnv);
      const [hit] = await tx.orm.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.secretHash, hash));
      if (!hit) {
        await tx.orm
          .insert(apiKeys)
          .values({ kind: 'admin', name: 'CUT_ADMIN_KEY', prefix: fromEnv.slice(0, 10), secretHash: hash });
        await tx.orm.insert(auditLog).values({
          actor: 'system',
          action: 'create',
          entity: 'api_key',
          after: { kind: 'admin', name: 'CUT_ADMIN_KEY' },
        });
      }
      return { generated: null };
    }
    const [existing] = await tx.orm
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.kind, 'admin'), isNull(apiKeys.revokedAt)));
    if (existing) return { generated: null };
    const key = generateKey('admin');
    await tx.orm
      .insert(apiKeys)
      .values({ kind: 'admin', name: 'generated on first start', prefix: key.prefix, secretHash: key.hash });
    await tx.orm
      .insert(auditLog)
      .values({ actor: 'system', action: 'create', entity: 'api_key', after: { kind: 'admin', prefix: key.prefix } });
    return { generated: key.secret };
  });
}

export interface NewKey {
  kind: 'ingest' | 'read';
  name: string;
  team: string | null;
  /** a read token's role and (team_viewer) teams */
  role?: string | null;
  teams?: string[] | null;
}

/** Creates a key and returns its secret: the only time it exists outside the caller's hands. */
export async function createKey(db: Database, input: NewKey, actor: string) {
  return db.transaction(async (tx) => {
    const key = generateKey(input.kind);
    const [row] = await tx.orm
      .insert(apiKeys)
      .values({ ...input, prefix: key.prefix, secretHash: key.hash })
      .returning({ id: apiKeys.id, createdAt: apiKeys.createdAt });
    await tx.orm.insert(auditLog).values({
      actor,
      action: 'create',
      entity: 'api_key',
      entityId: String(row!.id),
      after: { ...input, prefix: key.prefix },
    });
    return { id: row!.id, secret: key.secret, prefix: key.prefix, createdAt: row!.createdAt };
  });
}

/** Revokes a key; false when there is no live key with that id. */
export async function revokeKey(db: Database, id: number, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.orm
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, kind: apiKeys.kind, name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) return false;
    await tx.orm
      .insert(auditLog)
      .values({ actor, action: 'revoke', entity: 'api_key', entityId: String(id), before: row, after: null });
    return true;
  });
}

/** Records use at most once a minute per key, so a busy key does not write on every request. */
export async function touchKey(db: Database, id: number): Promise<void> {
  await db.orm
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.id, id),
        sql`(${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
}
