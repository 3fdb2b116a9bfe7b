import fc from 'fast-check';
import { ExportTraceServiceRequest } from '@/ingest/otlp/proto/schema';

/**
 * Random OTLP requests for property tests: shaped like real exports (the attribute names CUT
 * reads, ids, times, kinds) but with any value in any place, plus arbitrary JSON and bytes.
 */
const KEYS = [
  'gen_ai.operation.name',
  'gen_ai.provider.name',
  'gen_ai.system',
  'gen_ai.request.model',
  'gen_ai.response.model',
  'gen_ai.usage.input_tokens',
  'gen_ai.usage.output_tokens',
  'gen_ai.usage.prompt_tokens',
  'gen_ai.usage.cache_read.input_tokens',
  'gen_ai.usage.reasoning_tokens',
  'gen_ai.usage.cost',
  'gen_ai.response.time_to_first_chunk',
  'gen_ai.latency.time_in_queue',
  'gen_ai.tool.name',
  'gen_ai.response.finish_reasons',
  'llm.request.type',
  'traceloop.span.kind',
  'openinference.span.kind',
  'ai.operationId',
  'cut.team',
  'cut.workload_class',
  'cut.workflow_id',
  'cut.stage',
  'cut.pool',
  'cut.gpu_hours',
  'cut.retry_count',
  'cut.fallback',
  'cut.acceptance_status',
  'cut.attributes.x',
  'service.name',
  'telemetry.sdk.name',
  'error.type',
];
const TEXT = [
  'chat',
  'embeddings',
  'execute_tool',
  'invoke_agent',
  'openai',
  'OpenAI',
  'support',
  'Bad Team',
  'tool',
  'evaluation',
  'NaN',
  '12',
  '-1',
  '1e400',
  'x'.repeat(300),
  '\u0000',
];

const anyValue: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.oneof(fc.constantFrom(...TEXT), fc.string()).map((v) => ({ stringValue: v })),
  fc
    .oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53), fc.bigInt().map(String))
    .map((v) => ({ intValue: v })),
  fc.oneof(fc.double(), fc.constantFrom('NaN', 'Infinity', '-Infinity')).map((v) => ({ doubleValue: v })),
  fc.boolean().map((v) => ({ boolValue: v })),
  fc.array(fc.constantFrom('stop', 'length', 1), { maxLength: 3 }).map((values) => ({
    arrayValue: { values: values.map((v) => (typeof v === 'string' ? { stringValue: v } : { intValue: v })) },
  })),
  fc.constant({}),
  fc.constant({ kvlistValue: { values: [] } }),
);
const attributes = fc.array(fc.record({ key: fc.oneof(fc.constantFrom(...KEYS), fc.string()), value: anyValue }), {
  maxLength: 12,
});
const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));
const id = (bytes: number) =>
  fc.oneof(
    { weight: 6, arbitrary: hex(bytes) },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: hex(bytes + 1) },
  );
const nanos = fc.oneof(
  fc.bigInt({ min: 1_700_000_000_000_000_000n, max: 1_800_000_000_000_000_000n }).map(String),
  fc.constantFrom('0', '1', '18446744073709551615', '-5', 'soon'),
  fc.double().map((d) => d),
);

/** One span: mostly well-formed ids and times, any attributes, sometimes parented by a sibling. */
const spanJson = fc.record({
  traceId: fc.oneof(fc.constant('5b8efff798038103d269b633813fc60c'), id(16)),
  spanId: id(8),
  parentSpanId: fc.oneof(fc.constant(undefined), id(8)),
  name: fc.oneof(
    fc.constantFrom('chat gpt-4o', 'ai.generateText.doGenerate', 'llm_request', 'ai.toolCall'),
    fc.string(),
  ),
  kind: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-1, 99, 'SPAN_KIND_SERVER')),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes,
  events: fc.array(
    fc.record({
      name: fc.constantFrom('exception', 'gen_ai.content.completion.chunk', 'x'),
      timeUnixNano: nanos,
      attributes,
    }),
    { maxLength: 2 },
  ),
  status: fc.record({ code: fc.integer({ min: 0, max: 3 }), message: fc.string() }),
});

/** An OTLP/JSON ExportTraceServiceRequest with random contents. */
export const otlpJsonRequest = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource: fc.record({ attributes }),
      scopeSpans: fc.array(
        fc.record({ scope: fc.record({ name: fc.string() }), spans: fc.array(spanJson, { maxLength: 6 }) }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 3 },
  ),
});

/** Anything at all as JSON: envelopes of the wrong shape, wrong types at every level. */
export const anyJson = fc.oneof(
  fc.json().map((s) => JSON.parse(s) as unknown),
  otlpJsonRequest,
);

/** A random request as protobuf: a well-formed message with random contents, or random bytes. */
export const otlpProtobufBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  otlpJsonRequest.map(toProtobuf),
  fc.uint8Array({ maxLength: 512 }),
);

/** The JSON request as protobuf; values protobuf cannot carry (a string where bytes go) are dropped. */
function toProtobuf(request: { resourceSpans: Array<Record<string, unknown>> }): Uint8Array {
  const bytes = (v: unknown) =>
    typeof v === 'string' && /^([0-9a-f]{2})*$/.test(v) ? Buffer.from(v, 'hex') : undefined;
  const fixed64 = (v: unknown) => (typeof v === 'string' && /^\d{1,20}$/.test(v) && BigInt(v) < 2n ** 64n ? v : '0');
  const value = (v: Record<string, unknown>): Record<string, unknown> => {
    if ('intValue' in v) {
      const n = BigInt(v.intValue as string | number);
      return { intValue: BigInt.asIntN(64, n).toString() };
    }
    if ('doubleValue' in v) return { doubleValue: Number(v.doubleValue) };
    if ('arrayValue' in v)
      return { arrayValue: { values: (v.arrayValue as { values: Array<Record<string, unknown>> }).values.map(value) } };
    return v;
  };
  const kvs = (list: Array<{ key: string; value: Record<string, unknown> }>) =>
    list.map((kv) => ({ key: kv.key, value: value(kv.value) }));
  const message = {
    resourceSpans: request.resourceSpans.map((rs) => ({
      resource: { attributes: kvs((rs.resource as { attributes: Parameters<typeof kvs>[0] }).attributes) },
      scopeSpans: (rs.scopeSpans as Array<{ scope: unknown; spans: Array<Record<string, unknown>> }>).map((ss) => ({
        scope: ss.scope,
        spans: ss.spans.map((s) => ({
          name: s.name,
          kind: typeof s.kind === 'number' ? s.kind : 0,
          traceId: bytes(s.traceId),
          spanId: bytes(s.spanId),
          parentSpanId: bytes(s.parentSpanId),
          startTimeUnixNano: fixed64(s.startTimeUnixNano),
          endTimeUnixNano: fixed64(s.endTimeUnixNano),
          attributes: kvs(s.attributes as Parameters<typeof kvs>[0]),
          events: (s.events as Array<Record<string, unknown>>).map((e) => ({
            name: e.name,
            timeUnixNano: fixed64(e.timeUnixNano),
            attributes: kvs(e.attributes as Parameters<typeof kvs>[0]),
          })),
          status: s.status,
        })),
      })),
    })),
  };
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(message)).finish();
}
