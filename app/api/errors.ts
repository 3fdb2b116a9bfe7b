/**
 * The API's error vocabulary and its one mapping to HTTP. Handlers throw these (or let anything
 * else escape); `errorResponse` turns them into `{error: {code, message}}` and never leaks a stack.
 */
class ApiError extends Error {
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

/** Clients should come back later rather than give up, hence 503 with Retry-After. */
export class DatabaseUnavailableError extends ApiError {
  constructor(options?: { cause?: unknown }) {
    super(503, 'database_unavailable', 'the database is not reachable; try again shortly', { 'Retry-After': '5' });
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
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return err.message.includes('PGlite is closed');
}

export function errorResponse(err: unknown): Response {
  const known = err instanceof ApiError ? err : isDatabaseUnavailable(err) ? new DatabaseUnavailableError() : null;
  if (known) {
    if (known instanceof DatabaseUnavailableError) console.error('cut: database unavailable:', known.cause ?? err);
    return Response.json(
      { error: { code: known.code, message: known.message } },
      { status: known.status, headers: known.headers },
    );
  }
  console.error('cut: unhandled error in an API route:', err);
  return Response.json({ error: { code: 'internal', message: 'an unexpected error occurred' } }, { status: 500 });
}
