import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldPending } from '@/costing/fold';
import { setDatabase } from '@/db/instance';
import { ensureDefaultPrices } from '@/db/writes/default-prices';
import { invalidateIngestContext } from '@/ingest/context';
import { ExportTraceServiceResponse, RpcStatus } from '@/ingest/otlp/proto/schema';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';
import { countRows, event, ingestApp, storedIds, type IngestApp } from './support/ingest-app';
import { outageDatabase } from './support/outage';
import { MS, otlpJson, otlpProtobuf, span, T0, type ResourceInput, type SpanInput } from '../support/otlp-spans';

/** The /v1/traces contract (api.md, OTLP/HTTP): statuses, bodies in the request's encoding, storage. */
let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());
beforeEach(async () => {
  await clearTelemetry(db);
  await app.setSetting('strict_registry', false);
});

const chat = (attributes: Record<string, string | number> = {}, input: SpanInput = {}) =>
  span({
    ...input,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.cache_read.input_tokens': 400,
      'gen_ai.usage.output_tokens': 180,
      ...attributes,
    },
  });
const resource = (spans: SpanInput[]): ResourceInput[] => [
  { attributes: { 'cut.team': 'support', 'cut.workload_class': 'customer_support' }, spans },
];

type Opts = Parameters<IngestApp['post']>[2];
const postJson = (spans: SpanInput[], opts: Opts = {}) => app.post('/v1/traces', otlpJson(resource(spans)), opts);
const postProtobuf = (spans: SpanInput[], opts: Opts = {}) =>
  app.post('/v1/traces', null, { raw: otlpProtobuf(resource(spans)), contentType: 'application/x-protobuf', ...opts });

/** A google.rpc.Status body in either encoding, with the status and headers checked. */
async function expectStatus(res: Response, status: number, encoding: 'json' | 'protobuf' = 'json') {
  expect(res.status).toBe(status);
  const type = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
  expect(res.headers.get('content-type')).toBe(type);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const body =
    encoding === 'json'
      ? (JSON.parse(Buffer.from(bytes).toString()) as { code: number; message: string })
      : (RpcStatus.toObject(RpcStatus.decode(bytes)) as { code: number; message: string });
  expect(body.message).toMatch(/\S/);
  return body;
}

async function partialSuccess(res: Response, encoding: 'json' | 'protobuf') {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (encoding === 'json') return JSON.parse(Buffer.from(bytes).toString()) as Record<string, unknown>;
  return ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(bytes), { longs: String });
}

describe('200', () => {
  it('JSON: stores the spans, answers {} as JSON', async () => {
    const spans = [chat(), chat()];
    const res = await postJson(spans);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({});
    expect(await storedIds(db)).toEqual(spans.map((s) => `${s.traceId}:${s.spanId}`).sort());
  });

  it('protobuf: stores the spans, answers an empty ExportTraceServiceResponse', async () => {
    const res = await postProtobuf([chat()]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect(await countRows(db, 'events')).toBe(1);
  });

  it.each(['json', 'protobuf'] as const)('%s, gzip and a charset parameter', async (encoding) => {
    const opts = {
      gzip: true,
      contentType: `${encoding === 'json' ? 'application/json' : 'application/x-protobuf'}; charset=utf-8`,
    };
    const res = encoding === 'json' ? await postJson([chat()], opts) : await postProtobuf([chat()], opts);
    expect(res.status).toBe(200);
    expect(await countRows(db, 'events')).toBe(1);
  });

  it('an empty request, and one with only non-GenAI spans, are a plain success', async () => {
    expect(await (await app.post('/v1/traces', {})).json()).toEqual({});
    const http = span({ name: 'GET /health', attributes: { 'http.request.method': 'GET' } });
    expect(await (await postJson([http])).json()).toEqual({});
    expect(await countRows(db, 'events')).toBe(0);
  });

  it.each(['json', 'protobuf'] as const)(
    '%s, some spans rejected: 200 with partialSuccess, the good spans stored',
    async (encoding) => {
      const good = chat();
      const negative = chat({ 'gen_ai.usage.output_tokens': -3 });
      const spans = [good, negative, { ...chat(), traceId: 'abcd' }];
      const res = encoding === 'json' ? await postJson(spans) : await postProtobuf(spans);
      expect(res.status).toBe(200);
      expect(await partialSuccess(res, encoding)).toEqual({
        partialSuccess: {
          rejectedSpans: '2',
          errorMessage:
            `2 of 3 spans rejected. 1 span: traceId: must be 32 hex characters, got "abcd" (first: span "chat gpt-4o-mini"). ` +
            `1 span: gen_ai.usage.output_tokens (output_tokens): must be >= 0 (first: ${negative.traceId}:${negative.spanId})`,
        },
      });
      expect(await storedIds(db)).toEqual([`${good.traceId}:${good.spanId}`]);
    },
  );

  it('a retried export is a duplicate: stored once, answered as a success', async () => {
    const spans = [chat(), chat()];
    await postProtobuf(spans);
    const again = await postProtobuf(spans);
    expect(again.status).toBe(200);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(await countRows(db, 'events')).toBe(2);
    await foldPending(db); // the request path leaves rollups to the folder
    const [rollup] = await db.query<{ requests: number }>('select sum(requests)::int as requests from daily_rollups');
    expect(rollup!.requests).toBe(2);
  });

  it('the same span twice in one export is stored once', async () => {
    const s = chat();
    expect((await postJson([s, s])).status).toBe(200);
    expect(await countRows(db, 'events')).toBe(1);
  });

  it('a key scoped to a team: spans for another team are rejected, the rest stored under the key’s team', async () => {
    const key = await app.newIngestKey('support');
    const body = otlpJson([
      { attributes: { 'cut.workload_class': 'customer_support' }, spans: [chat(), chat({ 'cut.team': 'research' })] },
    ]);
    const res = await app.post('/v1/traces', body, { key: key.secret });
    const answer = (await res.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedSpans).toBe('1');
    expect(answer.partialSuccess.errorMessage).toContain('cut.team (team): must be "support"');
    expect(await db.query('select team from events')).toEqual([{ team: 'support' }]);
  });

  it('strict_registry: a span for an unregistered team is rejected with the rule', async () => {
    await app.setSetting('strict_registry', true);
    const res = await postJson([chat({ 'cut.team': 'nobody-knows' })]);
    const answer = (await res.json()) as { partialSuccess: { errorMessage: string } };
    expect(answer.partialSuccess.errorMessage).toContain('cut.team (team): is not a registered team');
  });
});

describe('both paths end in the same events', () => {
  it('a span and the native event it describes are stored and priced alike', async () => {
    expect(await ensureDefaultPrices(db)).toBeGreaterThan(0);
    invalidateIngestContext(db);
    const s = chat({ 'cut.retry_count': 1, 'gen_ai.response.time_to_first_chunk': 0.3 }, { end: T0 + 850n * MS });
    expect((await postJson([s])).status).toBe(200);
    const native = event({
      id: 'native-twin',
      workflow_id: s.traceId,
      model: 'gpt-4o-mini',
      provider: 'openai',
      input_tokens: 1200,
      cached_tokens: 400,
      output_tokens: 180,
      retry_count: 1,
      latency_ms: 850,
      ttft_ms: 300,
      attributes: { 'gen_ai.request.model': 'gpt-4o-mini', 'otel.scope.name': 'test-instrumentation' },
    });
    expect((await app.post('/api/v1/events', { events: [native] })).status).toBe(200);
    const rows = await db.query<Record<string, unknown>>(`select * from events order by id = 'native-twin'`);
    expect(rows).toHaveLength(2);
    const [fromOtlp, fromNative] = rows.map(({ id: _id, ingested_at: _at, ...rest }) => rest);
    expect(fromOtlp).toEqual(fromNative);
    expect(fromOtlp).toMatchObject({ cost_source: 'price_book', retry_count: 1, ttft_ms: 300 });
  });
});

describe('failures, in the request’s encoding', () => {
  it.each([
    ['json', 'not JSON', Buffer.from('{"resourceSpans":'), 'the body is not valid JSON'],
    ['json', 'a broken envelope', Buffer.from('{"resourceSpans": 5}'), 'resourceSpans: must be an array'],
    [
      'protobuf',
      'bytes that do not decode',
      Buffer.from([0x0a, 0xff, 0xff]),
      'not a valid protobuf ExportTraceServiceRequest',
    ],
  ] as const)('400 (%s): %s, nothing stored', async (encoding, _, raw, message) => {
    const type = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
    const res = await app.post('/v1/traces', null, { raw, contentType: type });
    const status = await expectStatus(res, 400, encoding);
    expect(status).toMatchObject({ code: 3 });
    expect(status.message).toContain(message);
  });

  it('401 without a key or with an unknown one, checked before the body', async () => {
    const missing = await expectStatus(await app.post('/v1/traces', null, { raw: 'garbage', key: null }), 401);
    expect(missing.code).toBe(16);
    await expectStatus(await postProtobuf([chat()], { key: 'cut_ingest_unknown' }), 401, 'protobuf');
  });

  it('403 with the admin key', async () => {
    await expectStatus(await postJson([chat()], { key: app.adminKey }), 403);
  });

  it('415 for another media type or content encoding', async () => {
    const text = await expectStatus(await app.post('/v1/traces', null, { raw: 'x', contentType: 'text/plain' }), 415);
    expect(text.message).toBe('Content-Type must be application/json or application/x-protobuf, got text/plain');
    const br = await postJson([chat()], { headers: { 'content-encoding': 'br' } });
    await expectStatus(br, 415);
  });

  it('413 past 32 MiB after decompression, even when the wire bytes are small', async () => {
    const big = gzipSync(Buffer.alloc(33 * 1024 * 1024, ' '));
    const res = await app.post('/v1/traces', null, {
      raw: big,
      contentType: 'application/json',
      headers: { 'content-encoding': 'gzip' },
    });
    const status = await expectStatus(res, 413);
    expect(status.message).toContain('after decompression');
    expect(await countRows(db, 'events')).toBe(0);
  });

  it('429 with Retry-After once a key is past its rate limit; other keys unaffected', async () => {
    await app.setSetting('ingest_rate_limit_per_minute', 60);
    try {
      const key = await app.newIngestKey();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await postJson([], { key: key.secret })).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
      const limited = await postJson([], { key: key.secret });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await expectStatus(limited, 429)).code).toBe(8);
      expect((await postJson([])).status).toBe(200);
    } finally {
      await app.setSetting('ingest_rate_limit_per_minute', 1_000_000);
    }
  });
});

describe('503 while the database is away', () => {
  it('with Retry-After, in the request’s encoding; ingest resumes after', async () => {
    const outage = await outageDatabase();
    try {
      const down = await ingestApp(outage.db);
      const send = () =>
        down.post('/v1/traces', null, { raw: otlpProtobuf(resource([chat()])), contentType: 'application/x-protobuf' });
      expect((await send()).status).toBe(200);
      await outage.cut();
      const res = await send();
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await expectStatus(res, 503, 'protobuf')).code).toBe(14);
      await outage.restore();
      // As an exporter does: retry a 503. The first try may still meet a connection the outage closed.
      let status = 503;
      for (let attempt = 0; attempt < 5 && status === 503; attempt++) status = (await send()).status;
      expect(status).toBe(200);
      expect(await countRows(outage.db, 'events')).toBe(2);
    } finally {
      await outage.destroy();
      setDatabase(db);
    }
  });
});
