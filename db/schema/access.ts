import { bigserial, index, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns';

export const KEY_KINDS = ['admin', 'ingest', 'read'] as const;
export const keyKindEnum = pgEnum('key_kind', KEY_KINDS);

/** Bearer keys; only a SHA-256 of the secret is kept, the prefix lets people tell keys apart. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: keyKindEnum('kind').notNull(),
    name: text('name').notNull(),
    team: text('team'),
    /** a read token's role (lib/access/roles.ts) and, for a team_viewer token, its teams */
    role: text('role'),
    teams: text('teams').array(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_hash').on(t.secretHash)],
);

/** Every configuration change: who, when, what it was before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: createdAt(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
