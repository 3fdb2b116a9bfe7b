/**
 * A fresh, throwaway database per engine: a new PostgreSQL database (`cut_bench_<pid>`) on the
 * given server, or a new PGlite folder under the temp dir. Dropped or removed by cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { describeError, openDatabase, type Database } from '../../../db/client';
import type { DatabaseConfig } from '../../../db/config';
import type { Engine } from './args';
import { onCleanup } from './cleanup';

export class BenchSetupError extends Error {}

export interface BenchStore {
  engine: Engine;
  config: DatabaseConfig;
  /** where it lives, for the report (no secrets) */
  where: string;
  /** environment for the server: exactly one of DATABASE_URL / CUT_DATA_DIR */
  serverEnv: { DATABASE_URL?: string; CUT_DATA_DIR?: string };
  open(): Promise<Database>;
  destroy(): Promise<void>;
}

const admin = (url: string) => postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
const hostOf = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}`;
};

/** Fails with one actionable line when the server is down or refuses us. */
export async function assertPostgresReachable(adminUrl: string): Promise<void> {
  const sql = admin(adminUrl);
  try {
    await sql`select 1`;
  } catch (err) {
    throw new BenchSetupError(
      `PostgreSQL at ${hostOf(adminUrl)} is not reachable (${describeError(err)}): start it, pass --database-url ` +
        `(or set BENCH_DATABASE_URL), or run with --engine pglite`,
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/** `name` picks the PostgreSQL database's name, so two kinds of bench running at once never share one. */
export async function createStore(
  engine: Engine,
  adminUrl: string,
  name = `cut_bench_${process.pid}`,
): Promise<BenchStore> {
  return engine === 'postgres' ? createPostgresStore(adminUrl, name) : createPgliteStore();
}

async function createPostgresStore(adminUrl: string, name: string): Promise<BenchStore> {
  const sql = admin(adminUrl);
  try {
    await sql.unsafe(`create database ${name}`);
  } catch (err) {
    throw new BenchSetupError(`cannot create database ${name} on ${hostOf(adminUrl)}: ${describeError(err)}`);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
  const destroy = onCleanup(`drop database ${name}`, async () => {
    const dropper = admin(adminUrl);
    try {
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await dropper.end({ timeout: 1 }).catch(() => {});
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { kind: 'postgres', url: url.toString() };
  return {
    engine: 'postgres',
    config,
    where: `database ${name} on PostgreSQL at ${hostOf(adminUrl)}`,
    serverEnv: { DATABASE_URL: config.url },
    open: () => openDatabase(config),
    destroy,
  };
}

async function createPgliteStore(): Promise<BenchStore> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cut-bench-'));
  const destroy = onCleanup(`remove ${dataDir}`, async () => rmSync(dataDir, { recursive: true, force: true }));
  const config: DatabaseConfig = { kind: 'pglite', dataDir };
  return {
    engine: 'pglite',
    config,
    where: `PGlite in ${dataDir}`,
    serverEnv: { CUT_DATA_DIR: dataDir },
    open: () => openDatabase(config),
    destroy,
  };
}

/** Flushes dirty pages so one phase's writes are not paid for during the next one's clock. */
export async function checkpoint(db: Database): Promise<void> {
  await db.query('checkpoint').catch(() => {}); // needs superuser on PostgreSQL; a nicety, not a must
}

export async function countEvents(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from events');
  return row?.n ?? 0;
}

/** Opens the store in this process for `fn` and always closes it: a PGlite folder has one owner at a time. */
export async function withDatabase<T>(store: BenchStore, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await store.open();
  const close = onCleanup(`close ${store.where}`, () => db.close());
  try {
    return await fn(db);
  } finally {
    await close();
  }
}
