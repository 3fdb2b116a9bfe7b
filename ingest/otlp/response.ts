import type { OtlpEncoding } from './ingest';
import { ExportTraceServiceResponse, RpcErrorInfo, RpcStatus } from './proto/schema';

export const CONTENT_TYPES: Record<OtlpEncoding, string> = {
  json: 'application/json',
  protobuf: 'application/x-protobuf',
};

/** The encoding a media type (Content-Type without its parameters) asks for; null for any other. */
export function encodingOf(media: string): OtlpEncoding | null {
  if (media === 'application/json') return 'json';
  if (media === 'application/x-protobuf' || media === 'application/protobuf') return 'protobuf';
  return null;
}

/**
 * The 200 body, an ExportTraceServiceResponse in the request's encoding: empty on full success,
 * `partialSuccess` when spans were rejected or there is a warning. OTLP/JSON writes int64 as a
 * string and keys in lowerCamelCase.
 */
export function exportResponseBody(encoding: OtlpEncoding, rejectedSpans: number, errorMessage: string): Uint8Array {
  const partial = rejectedSpans > 0 || errorMessage !== '';
  if (encoding === 'json') {
    const body = partial ? { partialSuccess: { rejectedSpans: String(rejectedSpans), errorMessage } } : {};
    return Buffer.from(JSON.stringify(body));
  }
  if (!partial) return new Uint8Array(0);
  return ExportTraceServiceResponse.encode(
    ExportTraceServiceResponse.fromObject({ partialSuccess: { rejectedSpans, errorMessage } }),
  ).finish();
}

/** gRPC codes for the HTTP statuses ingest answers with (google.rpc.Code). */
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 413: 3, 415: 3, 429: 8, 503: 14 };
const INTERNAL = 13;
const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';

/**
 * A failure body as OTLP/HTTP asks for it: a google.rpc.Status in the request's encoding, whose
 * message is CUT's error message and whose ErrorInfo carries CUT's error code.
 */
export function statusBody(encoding: OtlpEncoding, httpStatus: number, code: string, message: string): Uint8Array {
  const grpcCode = GRPC_CODE[httpStatus] ?? INTERNAL;
  if (encoding === 'json') {
    const details = [{ '@type': ERROR_INFO_TYPE, reason: code, domain: 'cut' }];
    return Buffer.from(JSON.stringify({ code: grpcCode, message, details }));
  }
  const info = RpcErrorInfo.encode(RpcErrorInfo.fromObject({ reason: code, domain: 'cut' })).finish();
  return RpcStatus.encode(
    RpcStatus.fromObject({ code: grpcCode, message, details: [{ typeUrl: ERROR_INFO_TYPE, value: info }] }),
  ).finish();
}
