import { describe, expect, it } from 'vitest';
import { decodeJsonRequest } from '@/ingest/otlp/decode-json';
import { decodeProtobufRequest } from '@/ingest/otlp/decode-protobuf';
import { ExportTraceServiceResponse, RpcErrorInfo, RpcStatus } from '@/ingest/otlp/proto/schema';
import { encodingOf, exportResponseBody, statusBody } from '@/ingest/otlp/response';
import { InvalidBodyError } from '@/lib/errors';
import { otlpJson, otlpProtobuf, span } from '../support/otlp-spans';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('request envelopes', () => {
  it.each([
    ['not JSON', Buffer.from('{"resourceSpans": ['), 'the body is not valid JSON'],
    ['an array', json([]), 'the body must be a JSON object (ExportTraceServiceRequest)'],
    ['resourceSpans not a list', json({ resourceSpans: {} }), 'resourceSpans: must be an array'],
    ['a resource that is not an object', json({ resourceSpans: [7] }), 'resourceSpans[0]: must be an object'],
    [
      'spans not a list',
      json({ resourceSpans: [{ scopeSpans: [{ spans: 'x' }] }] }),
      'resourceSpans[0].scopeSpans[0].spans: must be an array',
    ],
  ])('JSON: %s is a 400 naming the place', (_, body, message) => {
    expect(() => decodeJsonRequest(body)).toThrow(InvalidBodyError);
    expect(() => decodeJsonRequest(body)).toThrow(message);
  });

  it.each([
    ['an empty object', json({})],
    ['null lists', json({ resourceSpans: [{ resource: null, scopeSpans: null }] })],
  ])('JSON: %s is an empty request', (_, body) => {
    expect(decodeJsonRequest(body)).toEqual([]);
  });

  it('protobuf: bytes that are not an ExportTraceServiceRequest are a 400', () => {
    expect(() => decodeProtobufRequest(Buffer.from([0x0a, 0xff, 0xff, 0xff]))).toThrow(
      /not a valid protobuf ExportTraceServiceRequest/,
    );
  });

  it('protobuf: zero bytes are an empty request', () => {
    expect(decodeProtobufRequest(new Uint8Array(0))).toEqual([]);
  });

  it('both encodings decode a span to the same thing', () => {
    const resources = [
      {
        attributes: { 'service.name': 's' },
        spans: [span({ attributes: { a: 1, b: 'x', c: [1, 'y'], d: 2.5, e: false } })],
      },
    ];
    const fromJson = decodeJsonRequest(json(otlpJson(resources)));
    expect(decodeProtobufRequest(otlpProtobuf(resources))).toEqual(fromJson);
    expect(fromJson[0]!.attributes).toEqual(
      new Map<string, unknown>([
        ['a', 1],
        ['b', 'x'],
        ['c', [1, 'y']],
        ['d', 2.5],
        ['e', false],
      ]),
    );
  });
});

describe('encodingOf', () => {
  it.each([
    ['application/json', 'json'],
    ['application/x-protobuf', 'protobuf'],
    ['application/protobuf', 'protobuf'],
    ['text/plain', null],
    ['', null],
  ])('%s -> %s', (type, expected) => {
    expect(encodingOf(type)).toBe(expected);
  });
});

describe('responses', () => {
  it('full success: {} in JSON, zero bytes in protobuf', () => {
    expect(Buffer.from(exportResponseBody('json', 0, '')).toString()).toBe('{}');
    expect(exportResponseBody('protobuf', 0, '')).toHaveLength(0);
  });

  it('partial success: lowerCamelCase JSON with int64 as a string, and the same in protobuf', () => {
    expect(JSON.parse(Buffer.from(exportResponseBody('json', 3, 'why')).toString())).toEqual({
      partialSuccess: { rejectedSpans: '3', errorMessage: 'why' },
    });
    const decoded = ExportTraceServiceResponse.toObject(
      ExportTraceServiceResponse.decode(exportResponseBody('protobuf', 3, 'why')),
      { longs: String },
    );
    expect(decoded).toEqual({ partialSuccess: { rejectedSpans: '3', errorMessage: 'why' } });
  });

  it('a warning without rejections is still a partial success with rejectedSpans 0', () => {
    expect(JSON.parse(Buffer.from(exportResponseBody('json', 0, 'note')).toString())).toEqual({
      partialSuccess: { rejectedSpans: '0', errorMessage: 'note' },
    });
  });

  it('failures are a google.rpc.Status carrying CUT’s code in an ErrorInfo', () => {
    expect(JSON.parse(Buffer.from(statusBody('json', 413, 'payload_too_large', 'too big')).toString())).toEqual({
      code: 3,
      message: 'too big',
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'payload_too_large', domain: 'cut' }],
    });
    const status = RpcStatus.toObject(
      RpcStatus.decode(statusBody('protobuf', 503, 'database_unavailable', 'later')),
    ) as {
      code: number;
      message: string;
      details: Array<{ typeUrl: string; value: Uint8Array }>;
    };
    expect(status).toMatchObject({ code: 14, message: 'later' });
    expect(status.details[0]!.typeUrl).toBe('type.googleapis.com/google.rpc.ErrorInfo');
    expect(RpcErrorInfo.toObject(RpcErrorInfo.decode(status.details[0]!.value))).toEqual({
      reason: 'database_unavailable',
      domain: 'cut',
    });
  });
});
