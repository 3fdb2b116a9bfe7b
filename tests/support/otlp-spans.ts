import { isDeepStrictEqual } from 'node:util';
import { validateEvents } from '@/ingest/native/validate';
import { decodeJsonRequest } from '@/ingest/otlp/decode-json';
import { decodeProtobufRequest } from '@/ingest/otlp/decode-protobuf';
import { mapRequest, settleRequest } from '@/ingest/otlp/ingest';
import { ExportTraceServiceRequest } from '@/ingest/otlp/proto/schema';
import type { DecodedSpan } from '@/ingest/otlp/span';

/**
 * OTLP request bodies for tests, written the way exporters write them: OTLP/JSON objects with
 * hex ids and typed AnyValues, and the same request as protobuf bytes.
 */
export type AttrInput = string | number | boolean | AttrInput[] | { any: Record<string, unknown> };

export interface SpanInput {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  kind?: number;
  /** nanoseconds since the epoch */
  start?: bigint;
  end?: bigint;
  attributes?: Record<string, AttrInput>;
  status?: { code: number; message?: string };
  events?: Array<{ name: string; time: bigint; attributes?: Record<string, AttrInput> }>;
}

export interface ResourceInput {
  attributes?: Record<string, AttrInput>;
  scope?: string;
  spans: SpanInput[];
}

export const KIND = { internal: 1, server: 2, client: 3 } as const;
/** 2026-05-04T10:00:00Z in nanoseconds. */
export const T0 = 1_777_888_800_000_000_000n;
export const MS = 1_000_000n;

let counter = 0;
/** A fresh id of `bytes` bytes as hex, never all zeros. */
function hexId(bytes: 16 | 8): string {
  counter += 1;
  return (counter.toString(16).padStart(6, '0') + 'ab'.repeat(bytes)).slice(0, bytes * 2);
}

/** A JS value as an OTLP/JSON AnyValue; `{any: {...}}` passes a hand-written AnyValue through. */
function anyValue(v: AttrInput): Record<string, unknown> {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: v } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(anyValue) } };
  return v.any;
}

const keyValues = (attrs: Record<string, AttrInput> = {}) =>
  Object.entries(attrs).map(([key, value]) => ({ key, value: anyValue(value) }));

/** A span with defaults: fresh ids, a 1.2 s CLIENT span starting at T0. */
export function span(input: SpanInput = {}): SpanInput {
  return {
    traceId: hexId(16),
    spanId: hexId(8),
    name: 'chat gpt-4o-mini',
    kind: KIND.client,
    start: T0,
    end: T0 + 1200n * MS,
    ...input,
  };
}

/** An ExportTraceServiceRequest in OTLP/JSON. */
export function otlpJson(resources: ResourceInput[]): Record<string, unknown> {
  return {
    resourceSpans: resources.map((r) => ({
      resource: { attributes: keyValues(r.attributes) },
      scopeSpans: [
        {
          scope: { name: r.scope ?? 'test-instrumentation', version: '1.0.0' },
          spans: r.spans.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
            name: s.name,
            kind: s.kind,
            startTimeUnixNano: s.start?.toString(),
            endTimeUnixNano: s.end?.toString(),
            attributes: keyValues(s.attributes),
            events: (s.events ?? []).map((e) => ({
              name: e.name,
              timeUnixNano: e.time.toString(),
              attributes: keyValues(e.attributes),
            })),
            status: s.status ?? { code: 0 },
          })),
        },
      ],
    })),
  };
}

/** The same request as OTLP/protobuf bytes (ids from hex to bytes, int64 as decimal strings). */
export function otlpProtobuf(resources: ResourceInput[]): Uint8Array {
  const json = otlpJson(resources) as { resourceSpans: Array<Record<string, unknown>> };
  const bytes = (hex: unknown) => (typeof hex === 'string' ? Buffer.from(hex, 'hex') : undefined);
  const value = (v: Record<string, unknown>): Record<string, unknown> => {
    if ('doubleValue' in v && typeof v.doubleValue === 'string') return { doubleValue: Number(v.doubleValue) };
    if ('arrayValue' in v) {
      const values = (v.arrayValue as { values: Array<Record<string, unknown>> }).values;
      return { arrayValue: { values: values.map(value) } };
    }
    return v;
  };
  const kvs = (list: Array<{ key: string; value: Record<string, unknown> }>) =>
    list.map((kv) => ({ key: kv.key, value: value(kv.value) }));
  const request = {
    resourceSpans: json.resourceSpans.map((rs) => {
      const scopeSpans = rs.scopeSpans as Array<{ scope: unknown; spans: Array<Record<string, unknown>> }>;
      const resource = rs.resource as { attributes: Parameters<typeof kvs>[0] };
      return {
        resource: { attributes: kvs(resource.attributes) },
        scopeSpans: scopeSpans.map((ss) => ({
          scope: ss.scope,
          spans: ss.spans.map((s) => ({
            ...s,
            traceId: bytes(s.traceId),
            spanId: bytes(s.spanId),
            parentSpanId: bytes(s.parentSpanId),
            attributes: kvs(s.attributes as Parameters<typeof kvs>[0]),
            events: (s.events as Array<Record<string, unknown>>).map((e) => ({
              ...e,
              attributes: kvs(e.attributes as Parameters<typeof kvs>[0]),
            })),
          })),
        })),
      };
    }),
  };
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish();
}

/**
 * What CUT makes of a request without a database: both decoders, the mapping, and the native
 * validation that ingest runs before storing. The JSON and protobuf forms of the request must
 * give the same answer, so every fixture checks both decoders.
 */
export function otlpToEvents(resources: ResourceInput[], keyTeam: string | null = null) {
  const run = (spans: DecodedSpan[]) => eventsOf(spans, keyTeam);
  const fromJson = run(decodeJsonRequest(Buffer.from(JSON.stringify(otlpJson(resources)))));
  const fromProtobuf = run(decodeProtobufRequest(otlpProtobuf(resources)));
  if (!isDeepStrictEqual(fromJson, fromProtobuf)) {
    throw new Error(
      `JSON and protobuf decoding disagree:\n${JSON.stringify(fromJson, null, 1)}\n${JSON.stringify(fromProtobuf, null, 1)}`,
    );
  }
  return fromJson;
}

/** Decoded spans through the mapping and the native validation: the events, and the OTLP answer. */
export function eventsOf(spans: DecodedSpan[], keyTeam: string | null = null) {
  const request = mapRequest(spans, keyTeam);
  const { valid, rejected } = validateEvents(
    request.mapped.map((m) => m.event.wire),
    { team: keyTeam },
  );
  const result = settleRequest(request, { accepted: valid.length, duplicates: 0, rejected });
  return { events: valid.map((v) => v.event), result };
}
