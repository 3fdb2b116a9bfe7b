import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { setDatabase } from '@/db/instance';
import { migrate } from '@/db/migrate';
import { testDatabaseUrl, testEngine } from './engine';
import { startTcpProxy } from './tcp-proxy';

/**
 * A database that a test can take away and bring back, registered as the process database. On
 * PGlite it is closed and reopened on the same data folder (a new handle); on PostgreSQL the
 * app reaches the server through a TCP relay that is cut and restored (the same handle).
 */
export interface OutageDatabase {
  /** the handle the app uses now */
  readonly db: Database;
  cut(): Promise<void>;
  restore(): Promise<void>;
  destroy(): Promise<void>;
}

export async function outageDatabase(): Promise<OutageDatabase> {
  return testEngine() === 'pglite' ? pgliteOutage() : postgresOutage();
}

async function pgliteOutage(): Promise<OutageDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cut-outage-'));
  const open = () => openDatabase({ kind: 'pglite', dataDir });
  let db = await open();
  await migrate(db);
  setDatabase(db);
  let closed = false;
  return {
    get db() {
      return db;
    },
    async cut() {
      closed = true;
      await db.close();
    },
    async restore() {
      db = await open();
      closed = false;
      setDatabase(db);
    },
    async destroy() {
      if (!closed) await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresOutage(): Promise<OutageDatabase> {
  const adminUrl = testDatabaseUrl();
  const name = `cut_test_outage_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const direct = new URL(adminUrl);
  direct.pathname = `/${name}`;
  const setup = await openDatabase({ kind: 'postgres', url: direct.toString() });
  await migrate(setup);
  await setup.close();

  const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const relayed = new URL(direct);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(proxy.port);
  const db = await openDatabase({ kind: 'postgres', url: relayed.toString() });
  setDatabase(db);
  return {
    db,
    cut: () => proxy.cut(),
    restore: () => proxy.restore(),
    async destroy() {
      await db.close().catch(() => {});
      await proxy.close();
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}
