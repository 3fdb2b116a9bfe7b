import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite, type QueryOptions, type Results, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
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
  /**
   * Hands each result row to `onRow` as an array of its columns, as it arrives, keeping none:
   * for reads too big to hold at once. A throw from `onRow` fails the call once the rows are read.
   */
  eachRow(text: string, params: unknown[], onRow: (row: unknown[]) => void): Promise<void>;
  /** Several statements in one round trip (simple protocol: no parameters). */
  exec(text: string): Promise<void>;
  /** COPY ... FROM in text format; `rows` is tab-separated, newline-terminated, \N for null. */
  copyFrom(table: string, columns: readonly string[], rows: string, options?: CopyOptions): Promise<void>;
  /** Runs `fn` in a transaction; called on a transaction handle it joins the outer one. */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface CopyOptions {
  /**
   * Work of the caller's own, run while the server stores the rows (on PGlite, which works in this
   * thread, after them); a throw from it is the caller's to meet again.
   */
  meanwhile?: () => void;
  /**
   * Statements (no parameters) run first, in the same transaction, sent with the COPY in one
   * round trip; when one fails, nothing is COPYed and its error is the one thrown.
   */
  first?: string;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'postgres' ? openPostgres(config.url) : openPglite(config.dataDir);
}

/**
 * PGlite lets a call that passed its ready check just before close() run after the teardown,
 * where it fails with a TypeError; it is reported as the closed database it met (a 503, not a 500).
 */
class ClosablePGlite extends PGlite {
  override query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#closedAware(() => super.query<T>(query, params, options));
  }
  override exec(query: string, options?: QueryOptions): Promise<Results[]> {
    return this.#closedAware(() => super.exec(query, options));
  }
  override transaction<T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> {
    return this.#closedAware(() => super.transaction(callback));
  }
  async #closedAware<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw this.closed ? new Error('PGlite is closed', { cause: err }) : err;
    }
  }
}

/** An in-memory PGlite, for tests and throwaway work. */
export async function openMemoryDatabase(): Promise<Database> {
  const client = new ClosablePGlite();
  await client.waitReady;
  return pgliteHandle(client, async () => client.close());
}

async function openPostgres(url: string): Promise<Database> {
  // `socket` is a documented postgres.js option its type declarations lack.
  // JIT off: CUT's reads are many small aggregates, which JIT compilation makes slower, not faster.
  const options = {
    max: 8,
    onnotice: () => {},
    connect_timeout: 10,
    socket: connectNoDelay,
    connection: { application_name: 'cut', jit: 'off' },
    // Reconnect quickly after an outage (the default backs off to tens of seconds).
    backoff: (attempt: number) => Math.min(0.1 * attempt, 1),
  };
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

/** What postgres.js reports for a statement whose connection has gone. */
const CONNECTION_LOST = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'ECONNRESET',
  'EPIPE',
]);
const connectionLost = (err: unknown) => CONNECTION_LOST.has((err as { code?: string } | null)?.code ?? '');

function postgresHandle(
  client: postgres.Sql | postgres.TransactionSql,
  close: () => Promise<void>,
  parent?: postgres.Sql,
  lost = { value: false },
): Database {
  // drizzle reads the client's parser options; a transaction shares its parent's.
  if (parent) Object.assign(client, { options: parent.options });
  // Built on first use: drizzle walks the whole schema to set up, and most transactions (an
  // ingest batch among them) only run raw SQL.
  let orm: Orm | undefined;
  const live = () => {
    if (lost.value)
      throw Object.assign(new Error('the connection was lost mid-transaction'), { code: 'CONNECTION_CLOSED' });
  };
  const handle: Database = {
    kind: 'postgres',
    get orm() {
      return (orm ??= drizzlePostgres(client as postgres.Sql, { schema }) as unknown as Orm);
    },
    inTransaction: parent !== undefined,
    async exec(text) {
      live();
      await client.unsafe(text).simple();
    },
    query: async <T>(text: string, params: unknown[] = []) => {
      live();
      return (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
    },
    async eachRow(text, params, onRow) {
      live();
      // Rows as arrays cost half what objects keyed by column name do. postgres.js would fail the
      // query on a throw mid-stream but go on calling back with its remaining rows: the first
      // error is kept, the rest of the rows skipped, and the error thrown when the query is done.
      let failed: { err: unknown } | null = null;
      await client
        .unsafe(text, params as postgres.ParameterOrJSON<never>[])
        .values()
        .forEach((row) => {
          if (failed) return;
          try {
            onRow(row as unknown[]);
          } catch (err) {
            failed = { err };
          }
        });
      if (failed) throw (failed as { err: unknown }).err;
    },
    async copyFrom(table, columns, rows, { meanwhile, first } = {}) {
      live();
      // When the server refuses the data (a duplicate key, a bad value), postgres.js 3.4.9 settles
      // neither the stream nor the query: the error only reaches the query's `reject`, taken here.
      const query = client.unsafe(`${first ? `${first};\n` : ''}copy ${table} (${columns.join(', ')}) from stdin`);
      const refused = new Promise<never>((_, reject) => {
        const settle = (query as unknown as { reject: (err: unknown) => void }).reject;
        Object.assign(query, { reject: (err: unknown) => (reject(err), settle(err)) });
      });
      refused.catch(() => {});
      const stream = await query.writable();
      const written = new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        stream.end(rows);
      });
      // Once the socket has taken the rows (the next turn of the loop), not before.
      if (meanwhile) setImmediate(() => runQuietly(meanwhile));
      await Promise.race([written, refused]);
    },
    async transaction(fn) {
      if (parent) return fn(handle);
      const root = client as postgres.Sql;
      // A connection lost mid-transaction rejects begin() at once, but postgres.js would go on with the
      // callback and its ROLLBACK on that connection, crashing on a null socket (porsager/postgres#1208):
      // so this handle's statements stop, and a callback failed by the loss is left unsettled.
      const txLost = { value: false };
      try {
        return (await root.begin((tx) =>
          fn(postgresHandle(tx, close, root, txLost)).catch((err: unknown) => {
            if (txLost.value || connectionLost(err)) return new Promise<never>(() => {});
            throw err;
          }),
        )) as never;
      } catch (err) {
        if (connectionLost(err)) txLost.value = true;
        throw err;
      }
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
    client = new ClosablePGlite(pgdata);
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
  let orm: Orm | undefined;
  const handle: Database = {
    kind: 'pglite',
    get orm() {
      return (orm ??= drizzlePglite(client as PGlite, { schema }) as unknown as Orm);
    },
    inTransaction: inTx,
    async exec(text) {
      await client.exec(text);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    async eachRow(text, params, onRow) {
      // PGlite returns a result whole: there is nothing to stream.
      for (const row of (await client.query<unknown[]>(text, params, { rowMode: 'array' })).rows) onRow(row);
    },
    async copyFrom(table, columns, rows, { meanwhile, first } = {}) {
      if (first) await client.exec(first);
      await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([rows]) });
      if (meanwhile) runQuietly(meanwhile);
    },
    async transaction(fn) {
      if (inTx) return fn(handle);
      return (client as PGlite).transaction((tx) => fn(pgliteHandle(tx, close, true)));
    },
    close,
  };
  return handle;
}

/** Runs work done while waiting on the server; its caller asks for the result again and meets any error then. */
function runQuietly(work: () => void): void {
  try {
    work();
  } catch {
    // see above
  }
}

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: string }).code;
    return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}
