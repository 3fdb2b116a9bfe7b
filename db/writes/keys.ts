import { and, eq, isNull } from 'drizzle-orm';
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
