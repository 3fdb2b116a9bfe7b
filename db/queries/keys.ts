import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client';
import { apiKeys } from '../schema';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** The live (not revoked) key with this secret hash, if any. */
export async function getActiveKeyByHash(db: Database, secretHash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.orm
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)));
  return row;
}

/** Every key, newest first, without its hash. */
export async function listKeys(db: Database) {
  return db.orm
    .select({
      id: apiKeys.id,
      kind: apiKeys.kind,
      name: apiKeys.name,
      team: apiKeys.team,
      role: apiKeys.role,
      teams: apiKeys.teams,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.id));
}
