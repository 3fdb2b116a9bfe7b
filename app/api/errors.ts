import { ApiError, DatabaseUnavailableError, isDatabaseUnavailable } from '@/lib/errors';

/** The one mapping from thrown errors to HTTP: `{error: {code, message}}`, never a stack. */
export function errorResponse(err: unknown): Response {
  const known = err instanceof ApiError ? err : isDatabaseUnavailable(err) ? new DatabaseUnavailableError() : null;
  if (known) {
    if (known instanceof DatabaseUnavailableError)
      console.error('cut: database unavailable:', describe(known.cause ?? err));
    return Response.json(
      { error: { code: known.code, message: known.message } },
      { status: known.status, headers: known.headers },
    );
  }
  console.error('cut: unhandled error in an API route:', err);
  return Response.json({ error: { code: 'internal', message: 'an unexpected error occurred' } }, { status: 500 });
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));
