import type { z } from 'zod';
import type { Database } from '@/db/client';
import { getDatabase } from '@/db/instance';
import { readJson } from '@/ingest/http/read-body';
import { toFieldErrors } from '@/ingest/native/field-errors';
import { DatabaseUnavailableError, InvalidBodyError, InvalidQueryError } from '@/lib/errors';
import { errorResponse } from './errors';

/** Wraps a route handler so every thrown error goes through the one mapping in errors.ts. */
export function apiRoute(handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await handler(request);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Validates query parameters; the 400 names the first offending field ("from: must be ..."). */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(params));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'query';
  throw new InvalidQueryError(`${field}: ${issue?.message ?? 'is invalid'}`);
}

/** The process database; failing to open it is an outage (503), not a bug (500). */
export async function database(): Promise<Database> {
  try {
    return await getDatabase();
  } catch (err) {
    throw new DatabaseUnavailableError({ cause: err });
  }
}

/** Validates a small JSON body (config calls); the 400 names every offending field. */
export async function parseBody<S extends z.ZodType>(schema: S, request: Request): Promise<z.output<S>> {
  const result = schema.safeParse(await readJson(request, 1024 * 1024));
  if (result.success) return result.data;
  const message = toFieldErrors(result.error.issues, 'body')
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  throw new InvalidBodyError(message);
}
