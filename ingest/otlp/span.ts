/**
 * One OTLP span as both decoders (JSON and protobuf) hand it to the mapping: ids as lowercase
 * hex, times as BigInt nanoseconds, attributes as a map of plain values. Whatever the decoders
 * could not make sense of is kept as `problem`, and the span is then rejected with it.
 */

/** An AnyValue: null stands for what the mapping never reads (bytes, kvlists, empty values). */
export type AttrValue = string | number | boolean | readonly AttrValue[] | null;
export type Attrs = ReadonlyMap<string, AttrValue>;

export const SPAN_KIND = { unspecified: 0, internal: 1, server: 2, client: 3 } as const;
export const STATUS_ERROR = 2;

export interface DecodedSpan {
  traceId: string;
  spanId: string;
  /** '' when the span is a root */
  parentSpanId: string;
  name: string;
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Attrs;
  /** the attributes of the resource that sent the span (shared by its siblings) */
  resource: Attrs;
  /** the instrumentation scope's name */
  scope: string;
  statusCode: number;
  statusMessage: string;
  /** the time of the first `gen_ai.content.completion.chunk` event (streamed responses) */
  firstChunkNs: bigint | null;
  /** `exception.type` of the first `exception` event */
  exceptionType: string | null;
  /** what made the span unreadable ("traceId: must be 32 hex characters"), or null */
  problem: string | null;
}

/** A number written as text, as proto3 JSON writes int64 and special doubles ("42", "-1.5e3", "NaN"). */
export const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]?Infinity$|^NaN$/;

export const CHUNK_EVENT = 'gen_ai.content.completion.chunk';

/** Lowercase hex of an id of `bytes` bytes, or the message for a malformed one. */
export function checkHexId(hex: string, bytes: number, field: string): string | { problem: string } {
  const id = hex.toLowerCase();
  if (id.length !== bytes * 2 || !/^[0-9a-f]*$/.test(id)) {
    return { problem: `${field}: must be ${bytes * 2} hex characters, got ${JSON.stringify(hex.slice(0, 40))}` };
  }
  if (/^0+$/.test(id)) return { problem: `${field}: must not be all zeros` };
  return id;
}
