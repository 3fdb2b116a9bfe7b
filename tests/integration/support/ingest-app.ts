import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import * as eventsRoute from '@/app/api/v1/events/route';
import * as keyRoute from '@/app/api/v1/keys/[id]/route';
import * as keysRoute from '@/app/api/v1/keys/route';
import * as outcomesRoute from '@/app/api/v1/outcomes/route';
import * as tracesRoute from '@/app/v1/traces/route';
import type { Database } from '@/db/client';
import { setDatabase } from '@/db/instance';
import { createKey, ensureAdminKey } from '@/db/writes/keys';
import { invalidateIngestContext } from '@/ingest/context';

/**
 * The ingest API as a client sees it, over the route handlers themselves: a database registered
 * as the process database, an admin key, an ingest key, and request helpers.
 */
export interface IngestApp {
  db: Database;
  adminKey: string;
  ingestKey: string;
  /** another ingest key, optionally scoped to one team */
  newIngestKey(team?: string): Promise<{ id: number; secret: string }>;
  setSetting(key: string, value: unknown): Promise<void>;
  post(path: string, body: unknown, opts?: RequestOptions): Promise<Response>;
  get(path: string, opts?: RequestOptions): Promise<Response>;
  del(path: string, opts?: RequestOptions): Promise<Response>;
}

interface RequestOptions {
  /** bearer key; defaults to the app's ingest key, null sends no Authorization header */
  key?: string | null;
  /** the body as bytes on the wire, instead of JSON of `body` */
  raw?: string | Uint8Array | ReadableStream<Uint8Array>;
  gzip?: boolean;
  contentType?: string;
  headers?: Record<string, string>;
}

type Handler = (request: Request) => Promise<Response>;

/** Which exported handler serves a method and path, as Next's router would pick it. */
function route(method: string, path: string): Handler {
  const table: Record<string, Handler | undefined> = {
    'POST /api/v1/events': eventsRoute.POST,
    'POST /api/v1/outcomes': outcomesRoute.POST,
    'POST /v1/traces': tracesRoute.POST,
    'POST /api/v1/keys': keysRoute.POST,
    'GET /api/v1/keys': keysRoute.GET,
  };
  const handler =
    /^\/api\/v1\/keys\/[^/]+$/.test(path) && method === 'DELETE' ? keyRoute.DELETE : table[`${method} ${path}`];
  if (!handler) throw new Error(`no route for ${method} ${path}`);
  return handler;
}

function buildRequest(method: string, path: string, body: unknown, opts: RequestOptions & { key: string | null }) {
  const headers = new Headers(opts.headers);
  if (opts.key !== null) headers.set('authorization', `Bearer ${opts.key}`);
  let payload: BodyInit | undefined;
  if (method !== 'GET' && method !== 'DELETE') {
    headers.set('content-type', opts.contentType ?? 'application/json');
    const bytes = opts.raw ?? JSON.stringify(body);
    // Node's Buffer is a Uint8Array over a possibly shared buffer, which the DOM typing refuses.
    payload = (opts.gzip && !(bytes instanceof ReadableStream) ? gzipSync(bytes) : bytes) as BodyInit;
    if (opts.gzip) headers.set('content-encoding', 'gzip');
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body: payload };
  if (payload instanceof ReadableStream) init.duplex = 'half';
  return new Request(`http://cut.test${path}`, init);
}

/**
 * Registers `db` as the process database with an admin key, an ingest key and a rate limit high
 * enough that only the test about rate limiting meets it.
 */
export async function ingestApp(db: Database, opts: { rateLimitPerMinute?: number } = {}): Promise<IngestApp> {
  setDatabase(db);
  const { generated } = await ensureAdminKey(db, undefined);
  if (!generated) throw new Error('ingestApp needs a database without an admin key');
  const newIngestKey = async (team?: string) => {
    const key = await createKey(db, { kind: 'ingest', name: `test ${team ?? 'any team'}`, team: team ?? null }, 'test');
    return { id: key.id, secret: key.secret };
  };
  const ingest = await newIngestKey();
  const call = (method: string, path: string, body: unknown, o: RequestOptions = {}) =>
    route(method, path)(buildRequest(method, path, body, { ...o, key: o.key === undefined ? ingest.secret : o.key }));
  const app: IngestApp = {
    db,
    adminKey: generated,
    ingestKey: ingest.secret,
    newIngestKey,
    async setSetting(key, value) {
      await db.query(
        `insert into settings (key, value) values ($1, $2::jsonb)
         on conflict (key) do update set value = excluded.value`,
        [key, JSON.stringify(value)],
      );
      invalidateIngestContext(db);
    },
    post: (path, body, o) => call('POST', path, body, o),
    get: (path, o) => call('GET', path, undefined, o),
    del: (path, o) => call('DELETE', path, undefined, o),
  };
  await app.setSetting('ingest_rate_limit_per_minute', opts.rateLimitPerMinute ?? 1_000_000);
  return app;
}

let sequence = 0;

/** A valid wire event (cut-model.md 1.1) with a fresh id unless one is given. */
export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    id: `ev-${sequence}`,
    timestamp: '2026-05-04T10:00:00Z',
    team: 'support',
    workload_class: 'customer_support',
    model: 'gpt-test',
    provider: 'openai',
    input_tokens: 1200,
    output_tokens: 300,
    latency_ms: 850,
    ...overrides,
  };
}

/** A valid wire outcome (cut-model.md 1.2). */
export function outcome(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { workflow_id: 'wf-1', acceptance_status: 'accepted', timestamp: '2026-05-04T12:00:00Z', ...overrides };
}

/** Checks the one error shape, `{error: {code, message}}` with nothing else, and returns it. */
export async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/\S/);
  return body.error;
}

export async function storedIds(db: Database): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select id from events order by id');
  return rows.map((r) => r.id);
}

export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}
