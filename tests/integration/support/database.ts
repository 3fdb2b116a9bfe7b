import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, openMemoryDatabase, type Database } from '@/db/client';
import { migrate } from '@/db/migrate';
import { releaseDeltas } from '@/costing/held-deltas';
import { testDatabaseUrl, testEngine } from './engine';

export interface TestDatabase extends Database {
  /** closes the handle and removes the database */
  destroy(): Promise<void>;
}

/** A fresh database built from the migrations, on the engine this run tests. */
export async function freshDatabase(): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const db = await openMemoryDatabase();
    await migrate(db);
    return Object.assign(db, { destroy: () => db.close() });
  }
  const adminUrl = testDatabaseUrl();
  const name = `cut_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrate(db);
  return Object.assign(db, {
    async destroy() {
      await db.close();
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  });
}

/**
 * Empties everything telemetry wrote (events, batches not yet folded, and all that is derived from
 * them), keeping the price book; with `outcomes`, the outcomes too.
 */
export async function clearTelemetry(db: Database, options: { outcomes?: boolean } = {}): Promise<void> {
  const tables = [
    'events',
    'pending_batches',
    'daily_rollups',
    'workflows',
    'workflow_rollups',
    'allocations',
    'settled_sums',
    'pool_days',
    'dirty_days',
    'settled_days',
    ...(options.outcomes ? ['outcomes'] : []),
  ];
  // The deltas held for batches about to go would otherwise stay in memory until they age out.
  for (const { token } of await db.query<{ token: string }>('select token from pending_batches')) releaseDeltas(token);
  await db.exec(tables.map((t) => `delete from ${t}`).join(';\n'));
}
