/**
 * `npm run bench:otlp`: OTLP/HTTP ingest of one batch of GenAI spans, JSON and protobuf side by
 * side, through the real /v1/traces handler (key, decode, map, validate, price, store) on a fresh
 * database. Prints figures; it is not a test. Options: --help.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { POST } from '../../app/v1/traces/route';
import { openMemoryDatabase, type Database } from '../../db/client';
import { setDatabase } from '../../db/instance';
import { migrate } from '../../db/migrate';
import { ensureDefaultPrices } from '../../db/writes/default-prices';
import { createKey } from '../../db/writes/keys';
import { decodeJsonRequest } from '../../ingest/otlp/decode-json';
import { decodeProtobufRequest } from '../../ingest/otlp/decode-protobuf';
import { mapRequest, type OtlpEncoding } from '../../ingest/otlp/ingest';
import { assertPostgresReachable, createStore } from './lib/store';
import { genAiSpans, serialize } from './lib/otlp-spans';

const USAGE = `usage: npm run bench:otlp -- [--spans N] [--runs R] [--engine pglite|postgres] [--database-url URL]
  --spans         GenAI spans in the one request (default 10000)
  --runs          timed requests per encoding, each with fresh spans into a fresh database; the best
                  is reported (default 3)
  --engine        database to store into (default pglite, in memory)
  --database-url  a PostgreSQL server the bench may create and drop a database on
                  (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)`;

const ENCODINGS: OtlpEncoding[] = ['json', 'protobuf'];
const CONTENT_TYPE = { json: 'application/json', protobuf: 'application/x-protobuf' };
const log = (line: string) => process.stdout.write(`bench: ${line}\n`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

interface Figures {
  encoding: OtlpEncoding;
  bytes: number;
  decodeMapMs: number;
  requestMs: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spans: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      engine: { type: 'string', default: 'pglite' },
      'database-url': {
        type: 'string',
        default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const spans = Number(values.spans);
  const runs = Number(values.runs);
  if (!Number.isInteger(spans) || spans < 1 || !Number.isInteger(runs) || runs < 1) throw new Error(USAGE);
  if (values.engine !== 'pglite' && values.engine !== 'postgres') throw new Error(USAGE);

  const engine = values.engine;
  const url = values['database-url'];
  if (engine === 'postgres') await assertPostgresReachable(url);
  const load = () => os.loadavg()[0]!.toFixed(1);
  log(`${os.availableParallelism()} CPUs shared by the bench and the database; load average ${load()}`);

  let day = Date.UTC(2026, 4, 4);
  const fresh = () => genAiSpans(spans, (day += 86_400_000));
  const results: Figures[] = [];
  for (const encoding of ENCODINGS) {
    let best: Figures | null = null;
    for (let run = 0; run < runs; run++) {
      const body = serialize(fresh(), encoding);
      const decodeStarted = performance.now();
      const decoded = encoding === 'json' ? decodeJsonRequest(Buffer.from(body)) : decodeProtobufRequest(body);
      const mapped = mapRequest(decoded, null).mapped.length;
      const decodeMapMs = performance.now() - decodeStarted;
      if (mapped !== spans) throw new Error(`expected ${spans} events from ${spans} spans, mapped ${mapped}`);
      // Each timed request meets a fresh database, so neither encoding pays for the other's rows.
      const requestMs = await withStore(
        engine,
        url,
        `cut_bench_otlp_${process.pid}_${encoding}_${run}`,
        async (key) => {
          await send(key, encoding, serialize(genAiSpans(200, day), encoding), 200); // warm-up, not timed
          const sent = serialize(fresh(), encoding);
          const started = performance.now();
          await send(key, encoding, sent, spans);
          return performance.now() - started;
        },
      );
      if (!best || requestMs < best.requestMs) best = { encoding, bytes: body.byteLength, decodeMapMs, requestMs };
    }
    results.push(best!);
  }
  report(spans, runs, engine === 'pglite' ? 'PGlite in memory' : 'PostgreSQL', results);
  log(`load average at the end: ${load()} (figures from a busy machine are lower)`);
}

/** A migrated database with the default prices and an ingest key, registered as the process database. */
async function withStore<T>(engine: string, url: string, name: string, fn: (key: string) => Promise<T>): Promise<T> {
  const { db, close } = await openStore(engine, url, name);
  try {
    await migrate(db);
    await ensureDefaultPrices(db);
    await db.query(
      `insert into settings (key, value) values ('ingest_rate_limit_per_minute', '10000000'::jsonb)
       on conflict (key) do update set value = excluded.value`,
    );
    setDatabase(db);
    return await fn((await createKey(db, { kind: 'ingest', name: 'bench otlp', team: null }, 'bench')).secret);
  } finally {
    await close();
  }
}

/** One POST through the route handler; fails the run unless every span was stored. */
async function send(key: string, encoding: OtlpEncoding, body: Uint8Array, expected: number): Promise<void> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': CONTENT_TYPE[encoding] };
  const res = await POST(new Request('http://bench/v1/traces', { method: 'POST', headers, body: body as BodyInit }));
  const answer = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200 || answer.length > 2) {
    throw new Error(
      `expected a plain 200 for ${expected} spans, got ${res.status}: ${answer.toString().slice(0, 300)}`,
    );
  }
}

function report(spans: number, runs: number, store: string, results: Figures[]): void {
  const rows = [
    ['encoding', 'body', 'decode + map', 'spans/s', 'whole request', 'spans/s'],
    ...results.map((r) => [
      r.encoding,
      `${(r.bytes / 1024 / 1024).toFixed(2)} MB`,
      `${r.decodeMapMs.toFixed(0)} ms`,
      int((spans / r.decodeMapMs) * 1000),
      `${r.requestMs.toFixed(0)} ms`,
      int((spans / r.requestMs) * 1000),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  process.stdout.write(`\n== ${int(spans)} GenAI spans in one request into ${store}, best of ${runs} per encoding\n`);
  for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padStart(widths[i]!)).join('  ')}\n`);
  process.stdout.write(
    'decode + map: body to native wire events (CPU only); whole request: key, decode, map, validate, price and store.\n',
  );
}

async function openStore(engine: string, url: string, name: string): Promise<{ db: Database; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openMemoryDatabase();
    return { db, close: () => db.close() };
  }
  const store = await createStore('postgres', url, name);
  const db = await store.open();
  return {
    db,
    async close() {
      await db.close();
      await store.destroy();
    },
  };
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
