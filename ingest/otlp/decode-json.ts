import { parseJson } from '../http/read-body';
import { InvalidBodyError } from '../../lib/errors';
import { CHUNK_EVENT, checkHexId, NUMERIC_TEXT, type Attrs, type AttrValue, type DecodedSpan } from './span';

/**
 * An OTLP/JSON ExportTraceServiceRequest (proto3 JSON with the OTLP rules: hex ids, integer
 * enums, int64 as a string or a number, lowerCamelCase keys, unknown fields ignored). A broken
 * envelope is a 400; a broken span is returned with its problem, to be rejected on its own.
 */
export function decodeJsonRequest(body: Buffer): DecodedSpan[] {
  const request = parseJson(body);
  if (!isObject(request)) throw envelope('the body must be a JSON object (ExportTraceServiceRequest)');
  const spans: DecodedSpan[] = [];
  list(request.resourceSpans, 'resourceSpans').forEach((rs, i) => {
    if (!isObject(rs)) throw envelope(`resourceSpans[${i}]: must be an object`);
    const resource = attributesOf(isObject(rs.resource) ? rs.resource.attributes : undefined) ?? new Map();
    list(rs.scopeSpans, `resourceSpans[${i}].scopeSpans`).forEach((ss, j) => {
      if (!isObject(ss)) throw envelope(`resourceSpans[${i}].scopeSpans[${j}]: must be an object`);
      const scope = isObject(ss.scope) && typeof ss.scope.name === 'string' ? ss.scope.name : '';
      for (const span of list(ss.spans, `resourceSpans[${i}].scopeSpans[${j}].spans`)) {
        spans.push(decodeSpan(span, resource, scope));
      }
    });
  });
  return spans;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const envelope = (message: string) => new InvalidBodyError(message, 'invalid_otlp');

/** A repeated field: absent or null is empty (proto3 JSON), anything but an array is a broken body. */
function list(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw envelope(`${path}: must be an array`);
  return v;
}

function decodeSpan(raw: unknown, resource: Attrs, scope: string): DecodedSpan {
  const s = isObject(raw) ? raw : {};
  const problems: string[] = isObject(raw) ? [] : ['span: must be an object'];
  const id = (field: string, bytes: number, required: boolean): string => {
    const v = s[field];
    if ((v === undefined || v === null || v === '') && !required) return '';
    if (typeof v !== 'string') {
      problems.push(`${field}: ${v === undefined || v === '' ? 'missing' : 'must be a hex string'}`);
      return '';
    }
    const checked = checkHexId(v, bytes, field);
    if (typeof checked === 'string') return checked;
    problems.push(checked.problem);
    return '';
  };
  const time = (field: string): bigint => {
    const ns = nanos(s[field]);
    if (ns === null || ns === 0n) problems.push(`${field}: must be a positive integer of nanoseconds`);
    return ns ?? 0n;
  };
  const traceId = id('traceId', 16, true);
  const spanId = id('spanId', 8, true);
  const parentSpanId = id('parentSpanId', 8, false);
  const startNs = time('startTimeUnixNano');
  const endNs = time('endTimeUnixNano');
  const attributes = attributesOf(s.attributes);
  if (attributes === null) problems.push('attributes: must be an array of {key, value}');
  const status = isObject(s.status) ? s.status : {};
  const events = Array.isArray(s.events) ? s.events : [];
  return {
    traceId,
    spanId,
    parentSpanId,
    name: typeof s.name === 'string' ? s.name : '',
    kind: enumValue(s.kind, SPAN_KINDS),
    startNs,
    endNs,
    attributes: attributes ?? new Map(),
    resource,
    scope,
    statusCode: enumValue(status.code, STATUS_CODES),
    statusMessage: typeof status.message === 'string' ? status.message : '',
    ...eventFacts(events),
    problem: problems.length ? problems.join('; ') : null,
  };
}

// Enums are integers in OTLP/JSON; the names are tolerated since some hand-written senders use them.
const SPAN_KINDS = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT'];
const STATUS_CODES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

function enumValue(v: unknown, names: readonly string[]): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return typeof v === 'string' ? Math.max(0, names.indexOf(v)) : 0;
}

/** A fixed64 of nanoseconds: a decimal string (canonical) or a JSON number; null when neither. */
function nanos(v: unknown): bigint | null {
  if (typeof v === 'string') return /^\d{1,20}$/.test(v) ? BigInt(v) : null;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.trunc(v));
  return null;
}

/** What the mapping reads from span events, looking at the first thousand at most. */
function eventFacts(events: readonly unknown[]): Pick<DecodedSpan, 'firstChunkNs' | 'exceptionType'> {
  let firstChunkNs: bigint | null = null;
  let exceptionType: string | null = null;
  for (const e of events.slice(0, 1000)) {
    if (!isObject(e)) continue;
    if (e.name === CHUNK_EVENT && firstChunkNs === null) firstChunkNs = nanos(e.timeUnixNano);
    if (e.name === 'exception' && exceptionType === null) {
      const type = attributesOf(e.attributes)?.get('exception.type');
      if (typeof type === 'string') exceptionType = type;
    }
  }
  return { firstChunkNs, exceptionType };
}

/** A KeyValue list as a map (a repeated key keeps its last value); null when it is not a list. */
function attributesOf(v: unknown): Map<string, AttrValue> | null {
  const map = new Map<string, AttrValue>();
  if (v === undefined || v === null) return map;
  if (!Array.isArray(v)) return null;
  for (const kv of v) {
    if (isObject(kv) && typeof kv.key === 'string') map.set(kv.key, anyValue(kv.value));
  }
  return map;
}

/** An AnyValue; int64 comes as a string or a number, doubles may be "NaN" or "Infinity". */
function anyValue(v: unknown): AttrValue {
  if (!isObject(v)) return null;
  if ('stringValue' in v) return typeof v.stringValue === 'string' ? v.stringValue : null;
  if ('intValue' in v) return numeric(v.intValue);
  if ('doubleValue' in v) return numeric(v.doubleValue);
  if ('boolValue' in v) return typeof v.boolValue === 'boolean' ? v.boolValue : null;
  if ('arrayValue' in v) {
    const values = isObject(v.arrayValue) ? v.arrayValue.values : undefined;
    return Array.isArray(values) ? values.map(anyValue) : [];
  }
  return null;
}

/** A JSON number, or a string holding one ("42", "NaN", "-Infinity"); NaN for anything else. */
function numeric(v: unknown): number {
  if (typeof v === 'number') return v;
  return typeof v === 'string' && NUMERIC_TEXT.test(v) ? Number(v) : Number.NaN;
}
