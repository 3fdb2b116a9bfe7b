import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { InvalidBodyError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../../lib/errors';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The media type without parameters, lower-cased ("application/json; charset=utf-8" -> "application/json"). */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Reads the body, inflating gzip as it streams and stopping as soon as the inflated size passes
 * `maxBytes`: a small gzip bomb is refused after `maxBytes` of output, not after inflating it all.
 */
export async function readBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'x-gzip', ''].includes(encoding)) {
    throw new UnsupportedMediaTypeError(`Content-Encoding ${encoding} is not supported: send gzip or no encoding`);
  }
  const tooLarge = () =>
    new PayloadTooLargeError(`the body is larger than ${maxBytes.toLocaleString('en-US')} bytes after decompression`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);

  let source: AsyncIterable<Buffer> = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const gunzip = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : null;
  if (gunzip) source = (source as Readable).pipe(gunzip);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) {
        gunzip?.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof PayloadTooLargeError) throw err;
    if (gunzip) throw new InvalidBodyError('the body is not valid gzip (Content-Encoding: gzip)', 'invalid_encoding');
    throw err;
  }
  return Buffer.concat(chunks, size);
}

/** Reads a JSON body: 415 unless the media type is JSON, 400 when it does not parse. */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  return parseJson(await readJsonBytes(request, maxBytes));
}

/** The bytes of a JSON body, unparsed (415 unless the media type is JSON): for parsing elsewhere. */
export async function readJsonBytes(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const type = mediaType(request);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new UnsupportedMediaTypeError(`Content-Type must be application/json, got ${type || 'none'}`);
  }
  return readBody(request, maxBytes);
}

/** Parses JSON bytes as readJson does: 400 when they do not parse. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new InvalidBodyError(`the body is not valid JSON: ${(err as Error).message}`, 'invalid_json');
  }
}
