import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { ConfigError, type DatabaseConfig } from './config';
import { acquireDataDirLock } from './pglite-lock';
import * as schema from './schema';

type Schema = typeof schema;
type Orm = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * One handle over either driver. `orm` is drizzle for typed queries; `query` and `copyFrom` are
 * for bulk and aggregate SQL. Raw results differ by driver for int8 and dates, so raw SQL casts
 * (::int, ::float8, ::text) and never relies on the driver's parsing.
 */
export interface Database {
  readonly kind: DatabaseConfig['kind'];
  readonly orm: Orm;
  /** true on a handle given to a `transaction` callback */
  readonly inTransaction: boolean;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements in one round trip (simple protocol: no parameters). */
  exec(text: string): Promise<void>;
  /** COPY ... FROM in text format; `rows` is tab-separated, newline-terminated, \N for null. */
  copyFrom(table: string, columns: readonly string[], rows: string): Promise<void>;
  /** Runs `fn` in a transaction; called on a transaction handle it joins the outer one. */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'postgres' ? openPostgres(config.url) : openPglite(config.dataDir);
}

/** An in-memory PGlite, for tests and throwaway work. */
export async function openMemoryDatabase(): Promise<Database> {
  const client = new PGlite();
  await client.waitReady;
  return pgliteHandle(client, async () => client.close());
}

async function openPostgres(url: string): Promise<Database> {
  // `socket` is a documented postgres.js option its type declarations lack.
  const options = { max: 8, onnotice: () => {}, connect_timeout: 10, socket: connectNoDelay };
  const client = postgres(url, options as postgres.Options<Record<string, never>>);
  try {
    await client.unsafe('select 1');
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new ConfigError(`cannot reach the database at DATABASE_URL: ${describeError(err)}`);
  }
  return postgresHandle(client, async () => client.end({ timeout: 5 }));
}

/**
 * postgres.js leaves Nagle's algorithm on; COPY's data-then-done writes then stall on the
 * server's delayed ACK (about 40 ms twice per COPY). A socket with no delay avoids that. It is
 * returned unconnected: postgres.js must see a refused connect on the socket itself, or the pool
 * never retires that connection and queries queued on it hang (or write to a null socket).
 */
function connectNoDelay(options: { host: string[]; port: number[]; path?: string | false }): net.Socket {
  return options.path
    ? net.connect(options.path)
    : net.connect({ host: options.host[0], port: options.port[0] ?? 5432, noDelay: true });
}

function postgresHandle(
  client: postgres.Sql | postgres.TransactionSql,
  close: () => Promise<void>,
  parent?: postgres.Sql,
): Database {
  // drizzle reads the client's parser options; a transaction shares its parent's.
  if (parent) Object.assign(client, { options: parent.options });
  const orm = drizzlePostgres(client as postgres.Sql, { schema }) as unknown as Orm;
  const handle: Database = {
    kind: 'postgres',
    orm,
    inTransaction: parent !== undefined,
    async exec(text) {
      await client.unsafe(text).simple();
    },
    query: async <T>(text: string, params: unknown[] = []) =>
      (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    async copyFrom(table, columns, rows) {
      const stream = await client.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        stream.end(rows);
      });
    },
    async transaction(fn) {
      if (parent) return fn(handle);
      const root = client as postgres.Sql;
      return (await root.begin((tx) => fn(postgresHandle(tx, close, root)))) as never;
    },
    close,
  };
  return handle;
}

async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  let client: PGlite;
  try {
    client = new PGlite(pgdata);
    await client.waitReady;
  } catch (err) {
    release();
    throw new ConfigError(`cannot open the embedded database in ${pgdata}: ${describeError(err)}`);
  }
  const onExit = () => release();
  process.once('exit', onExit);
  return pgliteHandle(client, async () => {
    await client.close();
    process.off('exit', onExit);
    release();
  });
}

function pgliteHandle(client: PGlite | PGliteTransaction, close: () => Promise<void>, inTx = false): Database {
  const orm = drizzlePglite(client as PGlite, { schema }) as unknown as Orm;
  const handle: Database = {
    kind: 'pglite',
    orm,
    inTransaction: inTx,
    async exec(text) {
      await client.exec(text);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    async copyFrom(table, columns, rows) {
      await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([rows]) });
    },
    async transaction(fn) {
      if (inTx) return fn(handle);
      return (client as PGlite).transaction((tx) => fn(pgliteHandle(tx, close, true)));
    },
    close,
  };
  return handle;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
