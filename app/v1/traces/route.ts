import { admitIngest } from '@/app/api/ingest-route';
import { scheduleFold } from '@/costing/fold';
import { errorResponse } from '@/app/api/errors';
import { database } from '@/app/api/handler';
import { mediaType, readBody } from '@/ingest/http/read-body';
import { ingestOtlpBody, type OtlpEncoding } from '@/ingest/otlp/ingest';
import { CONTENT_TYPES, encodingOf, exportResponseBody, statusBody } from '@/ingest/otlp/response';
import { recordBatch, recordRequest, traced } from '@/ingest/telemetry';
import { UnsupportedMediaTypeError } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const ROUTE = '/v1/traces';
/** After decompression: a batch of 10,000 GenAI spans is about 10 MB of OTLP/JSON, 5 MB of protobuf. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * OTLP/HTTP trace export (api.md): same keys and rate limits as native ingest; answers in the
 * request's encoding, 200 with partialSuccess when some spans were rejected.
 */
export function POST(request: Request): Promise<Response> {
  return traced(ROUTE, async (span) => {
    const encoding = encodingOf(mediaType(request));
    let response: Response;
    try {
      const db = await database();
      const caller = await admitIngest(db, request);
      if (!encoding) {
        throw new UnsupportedMediaTypeError(
          `Content-Type must be application/json or application/x-protobuf, got ${mediaType(request) || 'none'}`,
        );
      }
      const body = await readBody(request, MAX_BODY_BYTES);
      const result = await ingestOtlpBody(db, body, encoding, { team: caller.team });
      // As native ingest: rollups and workflows are merged soon after, many batches at once.
      if (result.accepted > 0) scheduleFold(db);
      recordBatch(span, ROUTE, result.spans, result);
      response = reply(encoding, 200, exportResponseBody(encoding, result.rejected, result.message));
    } catch (err) {
      response = await otlpError(encoding ?? 'json', err);
    }
    recordRequest(ROUTE, response.status);
    return response;
  });
}

function reply(encoding: OtlpEncoding, status: number, body: Uint8Array, headers?: Headers): Response {
  const out = new Headers(headers);
  out.set('content-type', CONTENT_TYPES[encoding]);
  return new Response(body as BodyInit, { status, headers: out });
}

/** The one error mapping (errors.ts), re-encoded as the google.rpc.Status OTLP clients read. */
async function otlpError(encoding: OtlpEncoding, err: unknown): Promise<Response> {
  const mapped = errorResponse(err);
  const { error } = (await mapped.json()) as { error: { code: string; message: string } };
  return reply(encoding, mapped.status, statusBody(encoding, mapped.status, error.code, error.message), mapped.headers);
}
