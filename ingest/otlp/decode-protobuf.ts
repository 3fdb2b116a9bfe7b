import { InvalidBodyError } from '../../lib/errors';
import { ExportTraceServiceRequest } from './proto/schema';
import { CHUNK_EVENT, checkHexId, type Attrs, type AttrValue, type DecodedSpan } from './span';

/**
 * An OTLP/protobuf ExportTraceServiceRequest, decoded by protobufjs against the OTLP schema.
 * Bytes that do not decode are a 400; a span with unusable ids or times is returned with its
 * problem, to be rejected on its own.
 */
export function decodeProtobufRequest(body: Uint8Array): DecodedSpan[] {
  let request: PbRequest;
  try {
    request = ExportTraceServiceRequest.decode(body) as unknown as PbRequest;
  } catch (err) {
    throw new InvalidBodyError(
      `the body is not a valid protobuf ExportTraceServiceRequest: ${(err as Error).message}`,
      'invalid_otlp',
    );
  }
  const spans: DecodedSpan[] = [];
  for (const rs of request.resourceSpans) {
    const resource = attributesOf(rs.resource?.attributes ?? []);
    for (const ss of rs.scopeSpans) {
      const scope = ss.scope?.name ?? '';
      for (const span of ss.spans) spans.push(decodeSpan(span, resource, scope));
    }
  }
  return spans;
}

/** What protobufjs hands back: int64 and fixed64 as Long (or number), bytes as Uint8Array. */
type PbLong = number | { low: number; high: number; unsigned: boolean };
interface PbKeyValue {
  key: string;
  value: PbAnyValue | null;
}
interface PbAnyValue {
  /** the name of the oneof member that is set */
  value?: string;
  stringValue: string;
  boolValue: boolean;
  intValue: PbLong;
  doubleValue: number;
  arrayValue: { values: PbAnyValue[] } | null;
}
interface PbSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  kind: number;
  startTimeUnixNano: PbLong;
  endTimeUnixNano: PbLong;
  attributes: PbKeyValue[];
  events: Array<{ name: string; timeUnixNano: PbLong; attributes: PbKeyValue[] }>;
  status: { code: number; message: string } | null;
}
interface PbRequest {
  resourceSpans: Array<{
    resource: { attributes: PbKeyValue[] } | null;
    scopeSpans: Array<{ scope: { name: string } | null; spans: PbSpan[] }>;
  }>;
}

function decodeSpan(s: PbSpan, resource: Attrs, scope: string): DecodedSpan {
  const problems: string[] = [];
  const id = (bytes: Uint8Array, size: number, field: string, required: boolean): string => {
    if (bytes.length === 0) {
      if (required) problems.push(`${field}: missing`);
      return '';
    }
    const checked = checkHexId(hex(bytes), size, field);
    if (typeof checked === 'string') return checked;
    problems.push(checked.problem);
    return '';
  };
  const time = (v: PbLong, field: string): bigint => {
    const ns = toBigInt(v, false);
    if (ns === 0n) problems.push(`${field}: must be a positive integer of nanoseconds`);
    return ns;
  };
  let firstChunkNs: bigint | null = null;
  let exceptionType: string | null = null;
  for (const e of s.events.slice(0, 1000)) {
    if (e.name === CHUNK_EVENT && firstChunkNs === null) firstChunkNs = toBigInt(e.timeUnixNano, false);
    if (e.name === 'exception' && exceptionType === null) {
      const type = attributesOf(e.attributes).get('exception.type');
      if (typeof type === 'string') exceptionType = type;
    }
  }
  return {
    traceId: id(s.traceId, 16, 'traceId', true),
    spanId: id(s.spanId, 8, 'spanId', true),
    parentSpanId: id(s.parentSpanId, 8, 'parentSpanId', false),
    name: s.name,
    kind: s.kind,
    startNs: time(s.startTimeUnixNano, 'startTimeUnixNano'),
    endNs: time(s.endTimeUnixNano, 'endTimeUnixNano'),
    attributes: attributesOf(s.attributes),
    resource,
    scope,
    statusCode: s.status?.code ?? 0,
    statusMessage: s.status?.message ?? '',
    firstChunkNs,
    exceptionType,
    problem: problems.length ? problems.join('; ') : null,
  };
}

/** protobufjs leaves an absent bytes field as a plain empty array, a present one as a Uint8Array. */
const hex = (bytes: Uint8Array) =>
  (bytes instanceof Uint8Array
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : Buffer.from(bytes)
  ).toString('hex');

function toBigInt(v: PbLong, signed: boolean): bigint {
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  const bits = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return signed ? BigInt.asIntN(64, bits) : bits;
}

/** An int64 attribute as a number (exact below 2^53, far beyond any count CUT takes), without a BigInt. */
function intNumber(v: PbLong): number {
  return typeof v === 'number' ? v : v.high * 4_294_967_296 + (v.low >>> 0);
}

function attributesOf(list: readonly PbKeyValue[]): Map<string, AttrValue> {
  const map = new Map<string, AttrValue>();
  for (const kv of list) map.set(kv.key, kv.value ? anyValue(kv.value) : null);
  return map;
}

function anyValue(v: PbAnyValue): AttrValue {
  switch (v.value) {
    case 'stringValue':
      return v.stringValue;
    case 'boolValue':
      return v.boolValue;
    case 'intValue':
      return intNumber(v.intValue);
    case 'doubleValue':
      return v.doubleValue;
    case 'arrayValue':
      return (v.arrayValue?.values ?? []).map(anyValue);
    default:
      return null;
  }
}
