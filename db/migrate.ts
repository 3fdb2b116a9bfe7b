import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './client';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Applies the drizzle-kit migrations; safe to call on every start (already-applied ones are skipped). */
export async function migrate(db: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (db.kind === 'postgres') {
    // Notices about existing schemas are noise here.
    await migratePostgres(db.orm as unknown as PostgresJsDatabase, { migrationsFolder });
  } else {
    await migratePglite(db.orm as unknown as PgliteDatabase, { migrationsFolder });
  }
}
