import { describe, expect, it } from 'vitest';
import { errorResponse } from '@/app/api/errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('errors that mean the database is gone answer 503 with Retry-After, never 500', () => {
  it.each([
    ['PGlite closed', new Error('PGlite is closed')],
    ['PGlite closing (a call that meets close() half way)', new Error('PGlite is closing')],
    ['a driver error wrapping one', new Error('Failed query: select 1', { cause: new Error('PGlite is closing') })],
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['postgres.js connection closed', withCode('write CONNECTION_CLOSED 127.0.0.1:5432', 'CONNECTION_CLOSED')],
    ['server shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
  ])('%s', async (_, err) => {
    const res = errorResponse(err);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe('database_unavailable');
  });

  it('anything else stays a 500 that says nothing of its cause', async () => {
    const res = errorResponse(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'an unexpected error occurred' } });
  });
});
