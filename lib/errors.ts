/**
 * The error vocabulary every layer throws; app/api/errors.ts maps it to HTTP in one place.
 * Messages are written for the caller: they name the field and the rule, never internals.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class InvalidQueryError extends ApiError {
  constructor(message: string) {
    super(400, 'invalid_query', message);
  }
}

export class InvalidBodyError extends ApiError {
  constructor(message: string, code = 'invalid_body') {
    super(400, code, message);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(message = 'missing or unknown key: send Authorization: Bearer <key>') {
    super(401, 'unauthorized', message, { 'WWW-Authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends ApiError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', `rate limit exceeded for this key; retry after ${retryAfterSeconds} s`, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}

/** Clients should come back later rather than give up, hence 503 with Retry-After. */
export class DatabaseUnavailableError extends ApiError {
  constructor(options?: { cause?: unknown }) {
    super(
      503,
      'database_unavailable',
      'the database is not reachable; send the batch again shortly (events already stored count as duplicates)',
      {
        'Retry-After': '5',
      },
    );
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

// Socket-level codes (Node, postgres.js) and SQLSTATEs that mean "the server is gone or refusing":
// class 08 is connection exceptions, 57P01-57P03 shutdowns, 53300 too many connections.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (err.message.includes('PGlite is closed') || err.message.includes('PGlite is closing')) return true;
  return err.cause !== undefined && err.cause !== err && isDatabaseUnavailable(err.cause);
}
