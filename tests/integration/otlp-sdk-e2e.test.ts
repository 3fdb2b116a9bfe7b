import { context, diag, DiagLogLevel, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './support/database';
import { ingestApp, type IngestApp } from './support/ingest-app';
import { serveTraces } from './support/otlp-server';

/**
 * End to end with the real OpenTelemetry JS SDK: its OTLP/HTTP exporters (JSON and protobuf,
 * gzip on and off) send GenAI spans to /v1/traces over a loopback socket, and the stored events
 * are read back from the database.
 */
let db: TestDatabase;
let app: IngestApp;
let server: Awaited<ReturnType<typeof serveTraces>>;
const warnings: string[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
  server = await serveTraces();
  const capture = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const quiet = () => {};
  diag.setLogger({ error: capture, warn: capture, info: quiet, debug: quiet, verbose: quiet }, DiagLogLevel.WARN);
});
afterAll(async () => {
  diag.disable();
  await server.close();
  await db.destroy();
});
beforeEach(async () => {
  await db.query('delete from events');
  server.exchanges.length = 0;
  warnings.length = 0;
});

const at = (ms: number) => new Date(Date.UTC(2026, 4, 4, 10, 0, 0) + ms);

/** An agent run as an instrumented app records it: a wrapper, two model calls, a tool, one bad span. */
async function exportAgentRun(exporter: JsonExporter | ProtoExporter): Promise<string> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'support-bot',
      'cut.team': 'support',
      'cut.workload_class': 'customer_support',
    }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('e2e-genai');
  const child = (name: string, kind: SpanKind, attributes: Attributes, from: number, to: number, error = false) => {
    const span = tracer.startSpan(
      name,
      { kind, attributes, startTime: at(from) },
      trace.setSpan(context.active(), agent),
    );
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream timeout' });
    span.end(at(to));
  };
  const agent = tracer.startSpan('invoke_agent triage', {
    kind: SpanKind.INTERNAL,
    startTime: at(0),
    // Agent spans repeat their children's usage: counting it would double the tokens.
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.usage.input_tokens': 99_999 },
  });
  child(
    'chat gpt-4o-mini',
    SpanKind.CLIENT,
    {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.cache_read.input_tokens': 400,
      'gen_ai.usage.output_tokens': 180,
      'gen_ai.response.time_to_first_chunk': 0.25,
    },
    10,
    860,
  );
  child(
    'execute_tool lookup_order',
    SpanKind.INTERNAL,
    { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup_order' },
    870,
    990,
  );
  child(
    'openai.chat',
    SpanKind.CLIENT,
    {
      'gen_ai.system': 'OpenAI',
      'llm.request.type': 'chat',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.prompt_tokens': 1500,
      'gen_ai.usage.completion_tokens': 90,
    },
    1000,
    1400,
    true,
  );
  child(
    'chat gpt-4o-mini',
    SpanKind.CLIENT,
    { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.output_tokens': -5 },
    1500,
    1600,
  );
  agent.end(at(1700));
  await provider.forceFlush();
  await provider.shutdown();
  return agent.spanContext().traceId;
}

interface Row {
  id: string;
  team: string;
  workload_class: string;
  model: string;
  provider: string;
  stage: string;
  input_tokens: number;
  cached_tokens: number;
  output_tokens: number;
  tool_calls: number;
  latency_ms: number;
  ttft_ms: number | null;
  status: string;
  error_type: string | null;
}

const cases = [
  { encoding: 'json', gzip: false },
  { encoding: 'json', gzip: true },
  { encoding: 'protobuf', gzip: false },
  { encoding: 'protobuf', gzip: true },
] as const;

describe.each(cases)('the OpenTelemetry JS SDK exporting $encoding, gzip $gzip', ({ encoding, gzip }) => {
  it('stores each model call and tool call once, with tokens, model, provider, team, class and latency', async () => {
    const options = {
      url: server.url,
      headers: { Authorization: `Bearer ${app.ingestKey}` },
      compression: gzip ? ('gzip' as never) : ('none' as never),
    };
    const exporter = encoding === 'json' ? new JsonExporter(options) : new ProtoExporter(options);
    const traceId = await exportAgentRun(exporter);

    expect(server.exchanges).toHaveLength(1);
    const exchange = server.exchanges[0]!;
    const type = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
    expect(exchange).toMatchObject({ status: 200, contentType: type, responseType: type });
    expect(exchange.contentEncoding).toBe(gzip ? 'gzip' : '');

    const rows = await db.query<Row>(
      `select id, team, workload_class, model, provider, stage, input_tokens, cached_tokens, output_tokens,
              tool_calls, latency_ms, ttft_ms, status, error_type
       from events where workflow_id = $1 order by latency_ms desc`,
      [traceId],
    );
    const common = { team: 'support', workload_class: 'customer_support' };
    expect(rows).toEqual([
      {
        ...common,
        id: expect.stringMatching(new RegExp(`^${traceId}:[0-9a-f]{16}$`)),
        model: 'gpt-4o-mini-2024-07-18',
        provider: 'openai',
        stage: 'generation',
        input_tokens: 1200,
        cached_tokens: 400,
        output_tokens: 180,
        tool_calls: 0,
        latency_ms: 850,
        ttft_ms: 250,
        status: 'ok',
        error_type: null,
      },
      {
        ...common,
        id: expect.any(String),
        model: 'gpt-4o-mini',
        provider: 'openai',
        stage: 'generation',
        input_tokens: 1500,
        cached_tokens: 0,
        output_tokens: 90,
        tool_calls: 0,
        latency_ms: 400,
        ttft_ms: null,
        status: 'error',
        error_type: 'upstream timeout',
      },
      {
        ...common,
        id: expect.any(String),
        model: 'lookup_order',
        provider: 'tool',
        stage: 'tool',
        input_tokens: 0,
        cached_tokens: 0,
        output_tokens: 0,
        tool_calls: 1,
        latency_ms: 120,
        ttft_ms: null,
        status: 'ok',
        error_type: null,
      },
    ]);
    // The exporter read the partial success out of our response (it logs it as a warning).
    expect(warnings.join('\n')).toMatch(/Partial Success.*"rejectedSpans":"?1"?.*output_tokens.*must be >= 0/);
  });
});

describe('retries', () => {
  it('an export sent again (the exporter retrying) is a duplicate: its events are stored once', async () => {
    const exporter = new ProtoExporter({ url: server.url, headers: { Authorization: `Bearer ${app.ingestKey}` } });
    await exportAgentRun(exporter);
    const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from events'))[0]!.n;
    expect(await count()).toBe(3);
    const { headers, body } = server.exchanges[0]!.request;
    const resend = ['authorization', 'content-type', 'content-encoding'].filter((h) => headers.has(h));
    const again = await fetch(server.url, {
      method: 'POST',
      headers: Object.fromEntries(resend.map((h) => [h, headers.get(h)!])),
      body: new Uint8Array(body),
    });
    expect(again.status).toBe(200);
    expect(await count()).toBe(3);
  });
});
